/** The one error a failed sign-in gets: UNAUTHENTICATED with HTTP 401 and a Bearer challenge (RFC 6750). */
import { AppError, ErrorCode } from "../errors.js";

export function unauthenticated(reason: string): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, reason, {
    http: { status: 401, headers: new Map([["www-authenticate", 'Bearer realm="rapport"']]) },
  });
}

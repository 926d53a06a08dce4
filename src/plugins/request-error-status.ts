/**
 * The HTTP status of an operation that never ran because the request itself
 * was wrong (it did not parse, did not validate, named no operation it holds,
 * or its variables did not fit). Apollo answers those 400 whatever the client
 * accepts; the GraphQL-over-HTTP spec asks for 200 when the answer is
 * `application/json`, because clients of that older media type read a 4xx as
 * "no GraphQL response here" and drop the errors. A client that accepts
 * `application/graphql-response+json` keeps the 400. Our own refusals (roles,
 * limits: AppErrors) keep their status in both.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import Negotiator from "negotiator";
import type { RequestContext } from "../context.js";
import { AppError } from "../errors.js";

const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "OPERATION_RESOLUTION_FAILURE", "BAD_USER_INPUT"]);

// In Apollo's order of preference (ApolloServer.chooseContentTypeForSingleResultResponse).
const PLAIN_JSON = "application/json; charset=utf-8";
const RESPONSE_TYPES = [PLAIN_JSON, "application/graphql-response+json; charset=utf-8", "application/json; callback"];

export function requestErrorStatusPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          if (response.http.status !== 400 || !errors?.length) return;
          if (!errors.every((error) => !(error instanceof AppError) && REQUEST_ERROR_CODES.has(String(error.extensions.code)))) return;
          if (answersPlainJson(request.http?.headers.get("accept"))) response.http.status = 200;
        },
      };
    },
  };
}

function answersPlainJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return new Negotiator({ headers: { accept } }).mediaType(RESPONSE_TYPES) === PLAIN_JSON;
}

/** Structured JSON logs on stdout, one object per line. */
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "rapport" }, timestamp: pino.stdTimeFunctions.isoTime });
}

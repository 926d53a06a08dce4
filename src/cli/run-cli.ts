/**
 * Runs a command-line entry point: its resolved number is the exit code, and a
 * thrown error becomes one clear line on stderr (no stack trace for expected
 * failures such as bad configuration) and exit code 1.
 */
import { ConfigError } from "../config.js";

/** A mistake in the command line or its files: reported as is, without "error:". */
export class UsageError extends Error {
  override name = "UsageError";
}

export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof ConfigError || error instanceof UsageError ? message : `error: ${message}`);
      process.exitCode = 1;
    },
  );
}

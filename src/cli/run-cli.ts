/**
 * Runs a command-line entry point: its resolved number is the exit code, and a
 * thrown error becomes one clear line on stderr (no stack trace for expected
 * failures such as bad configuration) and exit code 1.
 */
import { ConfigError } from "../config.js";

export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof ConfigError ? message : `error: ${message}`);
      process.exitCode = 1;
    },
  );
}

/**
 * Runs a command-line entry point: its resolved number is the exit code, and a
 * thrown error becomes one clear line on stderr (no stack trace for expected
 * failures such as bad configuration) and exit code 1.
 */
import { ConfigError } from "../config.js";
import type { Db } from "../db/run.js";
import { markWrittenOutsideServers } from "../signals/signals.js";

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

/**
 * After a command that may have written (in full or in part), tells the
 * servers, which did not see the writes, to evaluate the workspace's watched
 * segments (src/signals/signals.ts). A failure to tell is reported, not fatal:
 * the servers' scheduled evaluation catches up within minutes.
 */
export async function tellServers(db: Db, workspace: string): Promise<void> {
  try {
    await markWrittenOutsideServers(db, workspace);
  } catch (error) {
    console.error(`could not tell the servers about these writes (their next scheduled evaluation will see them): ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Runs one of the project's entry points (src/cli/*.ts, src/main.ts) as its
 * own process, the way npm scripts do (node --import tsx), with exactly the
 * environment given (plus PATH and HOME), so nothing leaks in from the test
 * runner. Resolves with the exit code and both streams.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT, type Env } from "../../src/config.js";
import { testTarget } from "./db.js";

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: Env, timeoutMs = 30_000): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      timeout: timeoutMs,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment that points a command at the test Neo4j. */
export function testNeo4jEnv(): Env {
  const target = testTarget();
  return { NEO4J_URI: target.uri, NEO4J_USERNAME: target.username, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database };
}

/**
 * The real server (src/main.ts, run as `npm start` runs it: node --import tsx)
 * as a process of its own, for what only a process shows: its memory, its
 * start-up lines, SIGTERM. It listens on a free port of 127.0.0.1 (PORT=0)
 * and is taken as started once its start-up line (`Rapport is serving URL`)
 * names the URL, so no port is picked beforehand and then lost to another
 * process.
 *
 * The environment is exactly the one given, plus PATH and HOME, so nothing
 * leaks in from the test runner or the shell; a benchmark that wants the
 * shell's Neo4j settings passes process.env.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT, type Env } from "../../src/config.js";

export interface ServerProcess {
  process: ChildProcess;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Every line it has logged so far, parsed (the logger writes one JSON object a line). */
  lines(): readonly LogLine[];
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** Lines kept for lines(): a long benchmark logs much more, and only the first and latest lines are ever asked for. */
const KEPT_LINES = 10_000;
const START_TIMEOUT_MS = 60_000;

export async function startServerProcess(env: Env): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src/main.ts")], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines: LogLine[] = [];
  let stderr = "";
  let partial = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-10_000)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${START_TIMEOUT_MS / 1000} s:\n${stderr}`)), START_TIMEOUT_MS);
    child.stdout!.on("data", (chunk: Buffer) => {
      const complete = (partial + chunk.toString("utf8")).split("\n");
      partial = complete.pop() ?? "";
      for (const text of complete) {
        const line = parsed(text);
        if (lines.length >= KEPT_LINES) lines.splice(1, 1);
        lines.push(line);
        if (typeof line.url === "string" && line.msg.startsWith("Rapport is serving")) {
          clearTimeout(timer);
          resolve(line.url);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before serving:\n${stderr}`));
    });
  });
  return { process: child, origin: new URL(url).origin, exited, lines: () => lines };
}

/** A logged line; anything else on stdout (a runtime's warning) is kept as a message of level 0. */
function parsed(text: string): LogLine {
  try {
    return JSON.parse(text) as LogLine;
  } catch {
    return { level: 0, msg: text };
  }
}

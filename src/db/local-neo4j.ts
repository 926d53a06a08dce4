/**
 * The local Neo4j: a real Neo4j 5 Community server run from Maven artifacts by
 * the launcher in neo4j-launcher/, for machines without a Neo4j of their own
 * (and without Docker). Builds the launcher when needed, starts it in the
 * background, waits until Bolt answers, and stops it cleanly.
 *
 * The server survives the process that started it: its pid is kept in
 * <homeDir>/neo4j.pid, its output in <homeDir>/launcher.log, and Neo4j's own
 * logs under <homeDir>/logs.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import neo4j from "neo4j-driver";
import { PROJECT_ROOT, localNeo4jTarget, type LocalNeo4jSettings } from "../config.js";
import { localNeo4jMemory } from "./neo4j-memory.js";

const LAUNCHER_DIR = path.join(PROJECT_ROOT, "neo4j-launcher");
const LAUNCHER_JAR = path.join(LAUNCHER_DIR, "target", "neo4j-launcher.jar");
const LAUNCHER_MAIN = "rapport.neo4j.Launcher";
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 120_000;

/**
 * What Neo4j 5 needs from a Java 17 JVM: the module openings its page cache and
 * Netty use, and the options its own neo4j.conf ships with.
 */
const JVM_FLAGS = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dlog4j2.disable.jmx=true",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
];

export interface LocalNeo4jStatus {
  running: boolean;
  pid: number | undefined;
  uri: string;
  homeDir: string;
}

type Say = (line: string) => void;

export async function localNeo4jStatus(settings: LocalNeo4jSettings): Promise<LocalNeo4jStatus> {
  const pid = runningLauncherPid(settings);
  const uri = localNeo4jTarget(settings).uri;
  return { running: pid !== undefined && (await boltAnswers(uri)), pid, uri, homeDir: settings.homeDir };
}

/** Starts the local Neo4j unless it already runs; resolves once Bolt answers. */
export async function startLocalNeo4j(settings: LocalNeo4jSettings, say: Say = () => {}): Promise<LocalNeo4jStatus & { started: boolean }> {
  const uri = localNeo4jTarget(settings).uri;
  const existing = runningLauncherPid(settings);
  if (existing !== undefined) {
    await waitForBolt(uri, existing, settings);
    return { running: true, pid: existing, uri, homeDir: settings.homeDir, started: false };
  }
  if (await boltAnswers(uri)) {
    throw new Error(`port ${settings.boltPort} already answers Bolt, but not from this project's Neo4j: set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use that server`);
  }
  buildLauncherIfNeeded(say);
  fs.mkdirSync(settings.homeDir, { recursive: true });
  const logFile = path.join(settings.homeDir, "launcher.log");
  const out = fs.openSync(logFile, "a");
  const memory = localNeo4jMemory(settings, settings.homeDir);
  say(`starting Neo4j (heap ${memory.heap}, page cache ${memory.pageCache}${settings.heap && settings.pageCache ? "" : ", sized from this machine and the store"}); log: ${logFile}`);
  const child = spawn("java", [`-Xms${memory.heap}`, `-Xmx${memory.heap}`, ...JVM_FLAGS, "-cp", launcherClasspath(), LAUNCHER_MAIN], {
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      PATH: process.env.PATH,
      JAVA_HOME: process.env.JAVA_HOME,
      NEO4J_HOME_DIR: settings.homeDir,
      NEO4J_BOLT_PORT: String(settings.boltPort),
      NEO4J_PAGECACHE: memory.pageCache,
      NEO4J_TX_MEMORY_MAX: settings.txMemoryMax,
    },
  });
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error("could not start java: is a Java 17+ runtime on the PATH?");
  fs.writeFileSync(pidFile(settings), String(child.pid));
  child.unref();
  await waitForBolt(uri, child.pid, settings);
  return { running: true, pid: child.pid, uri, homeDir: settings.homeDir, started: true };
}

/** Asks the local Neo4j to shut down (it commits nothing half-way) and waits until it has. */
export async function stopLocalNeo4j(settings: LocalNeo4jSettings): Promise<{ stopped: boolean }> {
  const pid = runningLauncherPid(settings);
  if (pid === undefined) return { stopped: false };
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`Neo4j (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000}s; see ${settings.homeDir}/logs`);
    await sleep(200);
  }
  fs.rmSync(pidFile(settings), { force: true });
  return { stopped: true };
}

function buildLauncherIfNeeded(say: Say): void {
  if (!launcherIsStale()) return;
  say("building the Neo4j launcher with Maven (first run downloads Neo4j from Maven Central)…");
  const result = spawnSync("mvn", ["-B", "-q", "package", "-DskipTests"], { cwd: LAUNCHER_DIR, stdio: ["ignore", "inherit", "inherit"] });
  if (result.error) throw new Error(`could not run Maven (mvn): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`the Neo4j launcher build failed (mvn exit ${result.status}); see the output above`);
}

function launcherIsStale(): boolean {
  if (!fs.existsSync(LAUNCHER_JAR) || !fs.existsSync(path.join(LAUNCHER_DIR, "target", "lib"))) return true;
  const built = fs.statSync(LAUNCHER_JAR).mtimeMs;
  const sources = [path.join(LAUNCHER_DIR, "pom.xml"), ...listFiles(path.join(LAUNCHER_DIR, "src"))];
  return sources.some((file) => fs.statSync(file).mtimeMs > built);
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function launcherClasspath(): string {
  return [LAUNCHER_JAR, path.join(LAUNCHER_DIR, "target", "lib", "*")].join(path.delimiter);
}

async function waitForBolt(uri: string, pid: number, settings: LocalNeo4jSettings): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await boltAnswers(uri))) {
    if (!isAlive(pid)) throw new Error(`Neo4j exited while starting; last lines of ${path.join(settings.homeDir, "launcher.log")}:\n${logTail(settings)}`);
    if (Date.now() > deadline) throw new Error(`Neo4j did not answer on ${uri} within ${START_TIMEOUT_MS / 1000}s; see ${settings.homeDir}/logs`);
    await sleep(250);
  }
}

async function boltAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 1_000, logging: { level: "error", logger: () => {} } });
  try {
    await driver.getServerInfo();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** The pid in the pid file, if that process is alive and is this project's launcher. */
function runningLauncherPid(settings: LocalNeo4jSettings): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile(settings), "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  try {
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return commandLine.includes(LAUNCHER_MAIN) ? pid : undefined;
  } catch {
    return pid; // no /proc (not Linux): trust the live pid
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function pidFile(settings: LocalNeo4jSettings): string {
  return path.join(settings.homeDir, "neo4j.pid");
}

function logTail(settings: LocalNeo4jSettings): string {
  try {
    return fs.readFileSync(path.join(settings.homeDir, "launcher.log"), "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no log)";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

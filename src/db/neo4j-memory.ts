/**
 * How much memory the local Neo4j gets when NEO4J_HEAP and NEO4J_PAGECACHE do
 * not say, from the machine and the store, along the lines of Neo4j's own
 * memory recommendation:
 *
 * - page cache: the store's size on disk and a quarter more for it to grow
 *   into, so that reads do not wait on the disk; at least 512 MB;
 * - heap: a quarter of the machine's memory, from 1 GB to 8 GB (queries keep
 *   their intermediate rows there, imports a batch's changes);
 * - the two together at most three quarters of the machine, leaving the rest
 *   to the system and to Rapport itself; the page cache gives way first.
 *
 * A setting that is given wins, whatever the machine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const MB = 2 ** 20;
const GB = 2 ** 30;

export interface Neo4jMemory {
  heap: string;
  pageCache: string;
}

export function neo4jMemory(given: Partial<Neo4jMemory>, machineBytes: number, storeBytes: number): Neo4jMemory {
  const heapBytes = given.heap !== undefined ? bytesOf(given.heap) : clamp(machineBytes / 4, GB, 8 * GB);
  const pageCache = given.pageCache ?? size(clamp(storeBytes * 1.25, 512 * MB, Math.max(512 * MB, machineBytes * 0.75 - heapBytes)));
  return { heap: given.heap ?? size(heapBytes), pageCache };
}

/** The local Neo4j's memory on this machine, for the store under `homeDir`. */
export function localNeo4jMemory(given: Partial<Neo4jMemory>, homeDir: string): Neo4jMemory {
  return neo4jMemory(given, os.totalmem(), localStoreBytes(homeDir));
}

/** Bytes of every file of the local Neo4j's databases under `homeDir` (transaction logs live elsewhere and are not read by queries). */
export function localStoreBytes(homeDir: string): number {
  const dir = path.join(homeDir, "data", "databases");
  let total = 0;
  for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true, recursive: true }) : []) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** Whole megabytes, as the JVM and Neo4j take them. */
function size(bytes: number): string {
  return `${Math.floor(bytes / MB)}m`;
}

function bytesOf(setting: string): number {
  const unit = { k: 2 ** 10, m: MB, g: GB }[setting.slice(-1).toLowerCase() as "k" | "m" | "g"];
  return Number(setting.slice(0, -1)) * unit;
}

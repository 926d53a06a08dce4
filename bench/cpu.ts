/**
 * CPU seconds spent, beside wall time: on a shared 2-core machine wall time
 * swings with whatever else runs, while the CPU a piece of work costs moves
 * much less, so a change is judged on both. The bench process's own CPU comes
 * from process.cpuUsage; the local Neo4j's (when the bench uses it rather than
 * NEO4J_URI) from /proc/<pid>/stat of the process the launcher recorded.
 */
import fs from "node:fs";
import type { Config } from "../src/config.js";
import { localNeo4jStatus } from "../src/db/local-neo4j.js";

export interface CpuClock {
  /** CPU seconds since the clock started: this process, and Neo4j when it can be read. */
  read(): { self: number; neo4j: number | undefined };
}

export async function startCpuClock(config: Config): Promise<CpuClock> {
  const pid = config.externalNeo4j ? undefined : (await localNeo4jStatus(config.localNeo4j)).pid;
  const neo4jAt = () => (pid === undefined ? undefined : processCpuSeconds(pid));
  const [selfStart, neo4jStart] = [process.cpuUsage(), neo4jAt()];
  return {
    read() {
      const self = process.cpuUsage(selfStart);
      const neo4j = neo4jAt();
      return { self: (self.user + self.system) / 1e6, neo4j: neo4j === undefined || neo4jStart === undefined ? undefined : neo4j - neo4jStart };
    },
  };
}

/** User + system CPU seconds of a process and its threads; undefined where /proc cannot be read. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

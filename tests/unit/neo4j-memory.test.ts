import { describe, expect, it } from "vitest";
import { neo4jMemory } from "../../src/db/neo4j-memory.js";

const GB = 2 ** 30;

describe("neo4jMemory", () => {
  it("gives the heap a quarter of the machine, from 1 GB to 8 GB", () => {
    expect(neo4jMemory({}, 24 * GB, 0).heap).toBe("6144m");
    expect(neo4jMemory({}, 2 * GB, 0).heap).toBe("1024m");
    expect(neo4jMemory({}, 64 * GB, 0).heap).toBe("8192m");
  });

  it("gives the page cache the store and a quarter more, at least 512 MB", () => {
    expect(neo4jMemory({}, 24 * GB, 0).pageCache).toBe("512m");
    expect(neo4jMemory({}, 24 * GB, 4 * GB).pageCache).toBe("5120m");
  });

  it("keeps heap and page cache within three quarters of the machine, the page cache giving way", () => {
    // 24 GB: 18 GB for both, 6 GB of it heap, so a 40 GB store gets 12 GB of cache.
    expect(neo4jMemory({}, 24 * GB, 40 * GB)).toEqual({ heap: "6144m", pageCache: "12288m" });
  });

  it("lets a given setting win, and sizes the other around it", () => {
    expect(neo4jMemory({ heap: "12g" }, 24 * GB, 40 * GB)).toEqual({ heap: "12g", pageCache: "6144m" });
    expect(neo4jMemory({ pageCache: "1g" }, 24 * GB, 40 * GB)).toEqual({ heap: "6144m", pageCache: "1g" });
  });
});

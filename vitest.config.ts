import { defineConfig } from "vitest/config";

// Every test file that touches the graph uses a workspace of its own, so files
// run in parallel against one Neo4j, started (or found) by the global setup.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/neo4j.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    reporters: ["default"],
  },
});

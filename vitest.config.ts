import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Every test file that touches the graph uses a workspace of its own, so files
// run in parallel against one Neo4j, started (or found) by the global setup.
export default defineConfig({
  resolve: {
    // Node (and so `npm start`) loads graphql's CommonJS build for Apollo and
    // for our code alike; Vite would pick the ESM build for our code, and two
    // copies of graphql reject each other's schema objects. One copy, as in production.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/neo4j.ts", "tests/setup/playground.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    reporters: ["default"],
  },
});

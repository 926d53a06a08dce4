/**
 * SIGTERM under write load, on the real server process (src/main.ts as
 * `npm start` runs it): clients keep writing while the process is told to
 * stop; it stops being ready at once, finishes what it had in flight, exits
 * cleanly, and every write it acknowledged is in the graph. A write that was
 * not acknowledged may be missing; none that was may be.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { testNeo4jEnv } from "../support/cli.js";
import { testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { startServerProcess } from "../support/server-process.js";

const workspace = uniqueWorkspace("draining");
const driver = testDriver();
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill("SIGKILL");
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const UPSERT = "mutation($input: PersonInput!) { upsertPerson(input: $input) { email } }";

describe("draining on SIGTERM", () => {
  it("stops being ready at once, finishes in-flight writes, exits, and loses no acknowledged write", async () => {
    const server = await startServerProcess({
      ...testNeo4jEnv(), RAPPORT_WORKSPACE: workspace, RAPPORT_SEED_DEMO: "false", RAPPORT_AUTH: "dev", SHUTDOWN_GRACE_MS: "5000",
      RAPPORT_DECAY_EVERY_MINUTES: "0", RAPPORT_SIGNALS_EVERY_MINUTES: "0", RAPPORT_PLAYGROUND: "false", LOG_LEVEL: "info", RAPPORT_WARM_PLANS_SECONDS: "0",
    });
    child = server.process;
    const { origin } = server;
    let exited = false;
    void server.exited.then(() => (exited = true));

    const acknowledged: string[] = [];
    let sent = 0;
    const writer = async (client: number) => {
      for (let i = 0; !exited; i += 1) {
        const email = `drain-${client}-${i}@example.com`;
        sent += 1;
        try {
          const response = await fetch(`${origin}/graphql`, {
            method: "POST", headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: UPSERT, variables: { input: { email, name: `Drain ${client} ${i}` } } }),
          });
          const body = (await response.json()) as { data?: { upsertPerson?: { email: string } } };
          if (response.status === 200 && body.data?.upsertPerson?.email === email) acknowledged.push(email);
        } catch {
          // Refused or cut: not acknowledged, so it may be missing. Try again until the process is gone.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, client) => writer(client));
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));

    const acknowledgedBefore = acknowledged.length;
    child.kill("SIGTERM");
    // Once the process has taken the signal (it logs so first thing), a load balancer asking /ready hears 503, or finds nobody listening.
    while (!server.lines().some((line) => line.msg === "shutting down: finishing in-flight requests")) await new Promise((resolve) => setTimeout(resolve, 5));
    const readiness = await fetch(`${origin}/ready`).then((response) => response.status, () => "refused");
    expect([503, "refused"]).toContain(readiness);

    expect(await server.exited).toBe(0);
    await Promise.all(writers);
    expect(sent).toBeGreaterThan(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThanOrEqual(acknowledgedBefore);

    const session = driver.session({ database: testTarget().database });
    try {
      const result = await session.run("MATCH (p:Person {workspace: $workspace}) WHERE p.email IN $emails RETURN count(p) AS found", { workspace, emails: acknowledged });
      expect(result.records[0]!.get("found").toNumber()).toBe(acknowledged.length);
    } finally {
      await session.close();
    }
  });
});

/**
 * A test file's own workspace holding the demo story, served over HTTP as
 * `npm start` serves it: loaded before the file's tests, wiped after them.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { loadDemoIfEmpty } from "../../src/graph-document/demo.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "./db.js";
import { startTestServer, type TestServer } from "./server.js";

export function demoStoryServer(label: string): { readonly url: string } {
  const workspace = uniqueWorkspace(label);
  const driver = testDriver();
  let server: TestServer | undefined;

  beforeAll(async () => {
    expect(await loadDemoIfEmpty(testDb(driver), workspace)).toMatchObject({ loaded: true });
    server = await startTestServer(workspace);
  });

  afterAll(async () => {
    await server?.stop();
    await wipeWorkspace(driver, workspace);
    await driver.close();
  });

  return {
    get url(): string {
      if (!server) throw new Error("the demo story server starts in beforeAll");
      return server.url;
    },
  };
}

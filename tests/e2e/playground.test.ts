/**
 * The playground in a real headless Chromium: GET /graphql opens GraphiQL
 * served by Rapport alone (every request the page makes goes to this
 * server), with the canonical questions as tabs; running the first shows its
 * answer from the demo story. A screenshot is saved in test-artifacts/.
 * Chromium comes from the system (Debian's `chromium`; .ci/run installs it);
 * where none can be had, the browser test is skipped and says so.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { EXAMPLES } from "../../playground/examples.js";
import { demoStoryServer } from "../support/demo-server.js";
import { startTestServer } from "../support/server.js";
import { uniqueWorkspace } from "../support/db.js";

const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => file && fs.existsSync(file));
const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts");
const server = demoStoryServer("playground");

describe("the playground over HTTP", () => {
  it("answers a browser's GET /graphql with the page, and leaves API requests to the API", async () => {
    const page = await fetch(server.url, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/playground/app.js">');
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${server.url.replace(/\/graphql$/, "")}/playground/app.js`);
    expect([script.status, script.headers.get("content-type")]).toEqual([200, expect.stringMatching(/javascript/)]);
    const viaGet = await fetch(`${server.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: "application/json", "apollo-require-preflight": "true" } });
    expect(await viaGet.json()).toEqual({ data: { __typename: "Query" } });
    const icon = await fetch(`${server.url.replace(/\/graphql$/, "")}/favicon.ico`);
    expect([icon.status, icon.headers.get("content-type"), (await icon.text()).startsWith("<svg")]).toEqual([200, "image/svg+xml", true]);
  });

  it("is off with RAPPORT_PLAYGROUND=false", async () => {
    const quiet = await startTestServer(uniqueWorkspace("playground-off"), undefined, { RAPPORT_PLAYGROUND: "false" });
    try {
      const response = await fetch(quiet.url, { headers: { accept: "text/html" } });
      expect(await response.text()).not.toContain("/playground/app.js");
    } finally {
      await quiet.stop();
    }
  });
});

describe.skipIf(!CHROMIUM)("the playground in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("opens with the canonical questions and runs the first one", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(server.url, { waitUntil: "load" });
    await page.locator(".graphiql-execute-button").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator(".graphiql-tab").count(), { timeout: 10_000 }).toBe(EXAMPLES.length);
    // Tabs say the questions, icons say what they are ("play icon", not a minified name).
    const labels = () => page.locator(".graphiql-tab-button").evaluateAll((buttons) => buttons.map((button) => getComputedStyle(button, "::before").content));
    await expect.poll(labels, { timeout: 10_000 }).toEqual(EXAMPLES.map((example) => JSON.stringify(example.title)));
    expect(await page.locator("svg title").allTextContents()).toEqual(expect.arrayContaining(["play icon", "prettify icon", "copy icon"]));

    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window");
    await expect.poll(async () => (await result.innerText()).includes("Priya Raman"), { timeout: 30_000 }).toBe(true);
    const answer = await result.innerText();
    for (const name of ["Elena Vasquez", "Marcus Bell", "Priya Raman"]) expect(answer).toContain(name);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "playground.png") });
    const origin = new URL(server.url).origin;
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
  }, 90_000);
});

if (!CHROMIUM) console.warn("[playground] no Chromium found (set CHROMIUM_PATH, or apt-get install chromium): the browser test is skipped");

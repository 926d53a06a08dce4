/**
 * The graph document's door: import is an upsert (twice = once), a bad
 * document writes nothing, references may point into the graph, export →
 * import → export is the identity, and an import cut off half way leaves
 * whole batches only and completes when run again.
 */
import { PassThrough } from "node:stream";
import type { Driver } from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { CypherCatalogue } from "../../src/db/cypher.js";
import { createDriver } from "../../src/db/driver.js";
import { Db } from "../../src/db/run.js";
import { exportSections } from "../../src/graph-document/export.js";
import { EvidenceSums } from "../../src/graph-document/evidence-sums.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { importSteps } from "../../src/graph-document/import-steps.js";
import { normalizers } from "../../src/graph-document/normalize.js";
import { parseRecord } from "../../src/graph-document/parse-record.js";
import type { PersonIds } from "../../src/graph-document/person-ids.js";
import { SectionWriter } from "../../src/graph-document/section-writer.js";
import { writeGraphDocument } from "../../src/graph-document/write.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { evidenceBounds, rounded } from "../support/evidence-bounds.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { TcpProxy } from "../support/tcp-proxy.js";

const driver = testDriver();
const db = testDb(driver);
const workspaces: string[] = [];

function workspace(label: string): string {
  const name = uniqueWorkspace(label);
  workspaces.push(name);
  return name;
}

afterAll(async () => {
  for (const name of workspaces) await wipeWorkspace(driver, name);
  await driver.close();
});

async function exported(from: Db, name: string): Promise<Record<string, unknown>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeGraphDocument(exportSections(from, name), out);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function graphSize(on: Driver, name: string): Promise<{ nodes: number; relationships: number }> {
  const { records } = await on.executeQuery(
    "MATCH (n {workspace: $name}) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships",
    { name },
    { database: testTarget().database },
  );
  return { nodes: records[0]!.get("nodes").toNumber(), relationships: records[0]!.get("relationships").toNumber() };
}

describe("import", () => {
  it("creates everything once, and a second import changes nothing", async () => {
    const name = workspace("upsert");
    const first = await importGraphDocument(db, smallGraph(), { workspace: name });
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    expect(first.steps.find((s) => s.step === "people")).toMatchObject({ step: "people", records: 4, created: 4, existed: 0 });
    expect(first.steps.find((s) => s.step === "connections")).toMatchObject({ step: "connections", records: 2, created: 2, existed: 0, rewritten: 0 });
    for (const step of ["engagements", "concerns"]) expect(first.steps.find((s) => s.step === step)).toMatchObject({ step, created: step === "engagements" ? 3 : 1, rewritten: 0 });
    const size = await graphSize(driver, name);
    const before = await exported(db, name);

    const second = await importGraphDocument(db, smallGraph(), { workspace: name });
    if (!second.ok) throw new Error(JSON.stringify(second.problems));
    for (const step of second.steps) expect(step.created, step.step).toBe(0);
    expect(await graphSize(driver, name)).toEqual(size);
    expect(await exported(db, name)).toEqual(before);
  });

  it("reports every problem with its path and writes nothing", async () => {
    const name = workspace("invalid");
    const document = smallGraph() as Record<string, any>;
    document.people[1].email = "not-an-email";
    document.people[2].emial = "typo@northwind.io";
    document.engagements[0].content = "https://example.com/unknown";
    const result = await importGraphDocument(db, document, { workspace: name });
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^people\[1\]\.email: /),
      expect.stringMatching(/^people\[2\]\.emial: /),
      "engagements[0].content: unknown content https://example.com/unknown",
    ]));
    expect(await graphSize(driver, name)).toEqual({ nodes: 0, relationships: 0 });
  });

  it("lets a document refer to records already in the graph", async () => {
    const name = workspace("references");
    expect((await importGraphDocument(db, smallGraph(), { workspace: name })).ok).toBe(true);
    const followUp = {
      version: 1,
      concerns: [{ person: "CHUCK@northwind.io", topic: "sfdc", text: "Our Salesforce rollout stalled", expressedAt: "2026-11-10", source: "EMAIL" }],
    };
    const result = await importGraphDocument(db, followUp, { workspace: name });
    expect(result.ok && result.steps.find((s) => s.step === "concerns")).toMatchObject({ step: "concerns", records: 1, created: 1, existed: 0 });
  });

  it("dry-runs without writing", async () => {
    const name = workspace("dry-run");
    const result = await importGraphDocument(db, smallGraph(), { workspace: name, dryRun: true });
    expect(result.ok && result.steps.find((s) => s.step === "people")?.records).toBe(4);
    expect(await graphSize(driver, name)).toEqual({ nodes: 0, relationships: 0 });
  });
});

describe("an import into an empty workspace", () => {
  it("writes, into an empty workspace, people of whom none has an employer or an interest", async () => {
    const name = workspace("unemployed");
    const people = smallGraph().people.map(({ email, name: personName }) => ({ email, name: personName }));
    const result = await importGraphDocument(db, { version: 2, people }, { workspace: name });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.steps.find((s) => s.step === "people")).toMatchObject({ records: people.length, created: people.length, existed: 0 });
    expect((await graphSize(driver, name)).nodes).toBe(people.length);
  });

  it("writes what an import into a workspace already holding some of it writes, people with their employers and interests", async () => {
    const empty = workspace("into-empty");
    const held = workspace("into-held");
    const intoEmpty = await importGraphDocument(db, smallGraph(), { workspace: empty });
    // Its topics first: the import that follows takes the path of a workspace not empty.
    expect((await importGraphDocument(db, { version: 2, topics: smallGraph().topics }, { workspace: held })).ok).toBe(true);
    const intoHeld = await importGraphDocument(db, smallGraph(), { workspace: held });
    if (!intoEmpty.ok || !intoHeld.ok) throw new Error("the small graph did not import");
    for (const step of ["employments", "interests"]) {
      const counted = { step, records: step === "employments" ? 3 : 2, created: step === "employments" ? 3 : 2, existed: 0 };
      expect(intoEmpty.steps.find((s) => s.step === step)).toMatchObject({ ...counted, writtenWith: "people" });
      expect(intoHeld.steps.find((s) => s.step === step)).toMatchObject(counted);
      expect(intoHeld.steps.find((s) => s.step === step)?.writtenWith).toBeUndefined();
    }
    expect(await exported(db, empty)).toEqual(await exported(db, held));
  });

  it("writes by key the rows whose people their element ids do not find", async () => {
    const name = workspace("by-id");
    const { connections, ...withoutConnections } = smallGraph();
    expect((await importGraphDocument(db, withoutConnections, { workspace: name })).ok).toBe(true);
    // Every key given Erin's element id: a row finds no one with its key unless it names Erin, and no row names only her.
    const { records } = await driver.executeQuery("MATCH (p:Person {workspace: $name, email: 'erin@contoso.example'}) RETURN elementId(p) AS id", { name }, { database: testTarget().database });
    const erin = records[0]!.get("id") as string;
    const steps = importSteps({ evidence: new EvidenceSums(0), personIds: () => ({ of: () => erin }) as unknown as PersonIds });
    const summary = { step: "connections", records: 0, created: 0, existed: 0, rewritten: 0, seconds: 0 };
    const writer = new SectionWriter(steps.connections, [summary], { db, workspace: name, batchSize: 10, concurrency: 1, dryRun: false, onBatch: () => {} });
    const normalize = normalizers(() => undefined);
    connections.forEach((record, index) => writer.add(normalize.connections(parseRecord("connections", record) as never), index));
    await writer.finish();
    expect(summary).toMatchObject({ records: 2, created: 2, existed: 0, rewritten: 2 });

    const reference = workspace("by-id-reference");
    expect((await importGraphDocument(db, smallGraph(), { workspace: reference })).ok).toBe(true);
    expect(await exported(db, name)).toEqual(await exported(db, reference));
  });
});

describe("export", () => {
  it("export → import into an empty workspace → export gives the same document", async () => {
    const source = workspace("export-source");
    const copy = workspace("export-copy");
    expect((await importGraphDocument(db, smallGraph(), { workspace: source })).ok).toBe(true);
    const first = await exported(db, source);
    expect((await importGraphDocument(db, first, { workspace: copy })).ok).toBe(true);
    expect(await exported(db, copy)).toEqual(first);
    expect(await graphSize(driver, copy)).toEqual(await graphSize(driver, source));
  });
});

describe("an interrupted import", () => {
  it("leaves only whole batches, and a re-run completes it", async () => {
    const name = workspace("interrupted");
    // topics (2 batches) and their hierarchy (1 batch) are written; the companies' batch, nothing of it
    const rerun = await cutOffAndRunAgain(name, 6, async () => {
      expect(await graphSize(driver, name)).toEqual({ nodes: 4, relationships: 2 });
    });
    expect(rerun.ok).toBe(true);
    const complete = workspace("interrupted-reference");
    await importGraphDocument(db, smallGraph(), { workspace: complete });
    expect(await graphSize(driver, name)).toEqual(await graphSize(driver, complete));
  });

  it("cut off among the engagements of an empty workspace, keeps every evidence bound at or above its evidence when run again", async () => {
    // The first attempt writes people with the bounds of all their evidence;
    // the re-run, into a workspace no longer empty, adds the evidence it
    // creates to them again: a bound only loosens (src/scoring.ts).
    const name = workspace("interrupted-bounds");
    // 24 rows before the engagements (topics, hierarchy, companies, people, employments, interests, content, its topics, connections), then 2 of 3 engagements
    const rerun = await cutOffAndRunAgain(name, 26, async () => {});
    expect(rerun.ok && rerun.steps.find((s) => s.step === "engagements")).toMatchObject({ records: 3, created: 1 });
    const bounds = await evidenceBounds(driver, name);
    expect([...bounds.values()].filter(({ summed }) => summed.engagement !== null).length).toBe(1);
    for (const [key, { stored, summed }] of bounds) {
      const [engagement, concern] = rounded(stored);
      const [summedEngagement, summedConcern] = rounded(summed);
      expect(engagement ?? 0, `${key}: engagementBound`).toBeGreaterThanOrEqual(summedEngagement ?? 0);
      expect(concern ?? 0, `${key}: concernBound`).toBeGreaterThanOrEqual(summedConcern ?? 0);
    }
  });
});

/** Imports the small graph through a proxy cut once `cutAt` rows are written, checks what is left, then imports it again. */
async function cutOffAndRunAgain(name: string, cutAt: number, afterCut: () => Promise<void>) {
  const upstream = new URL(testTarget().uri.replace(/^[a-z+]+:/, "http:"));
  const proxy = await TcpProxy.start({ host: upstream.hostname, port: Number(upstream.port || 7687) });
  const proxied = createDriver({ ...testTarget(), uri: `bolt://127.0.0.1:${proxy.port}` }, { connectTimeoutMs: 1_000, maxRetryMs: 500 });
  const proxiedDb = new Db(proxied, CypherCatalogue.load(), { database: testTarget().database, txTimeoutMs: 30_000, maxRetryMs: 500 });
  try {
    let written = 0;
    const attempt = importGraphDocument(proxiedDb, smallGraph(), {
      workspace: name,
      batchSize: 2,
      // One batch at a time: with two in flight the batch after the cut may already be committed, and what is left would vary from run to run.
      concurrency: 1,
      onBatch: (rows) => {
        written += rows;
        if (written >= cutAt) void proxy.cut();
      },
    });
    await expect(attempt).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    await proxy.restore();
    await afterCut();
    return await importGraphDocument(proxiedDb, smallGraph(), { workspace: name });
  } finally {
    await proxied.close();
    await proxy.cut();
  }
}

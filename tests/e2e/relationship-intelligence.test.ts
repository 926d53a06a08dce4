/**
 * Relationship intelligence end to end: a rep's mailbox (an mbox the test
 * writes, with the traps of real mail) and a colleague's calendar go in over
 * HTTP as the clients send them; the summary counts what was recorded,
 * automated, skipped (with positions) and created; reading them again changes
 * nothing; and the API shows who on the team knows whom, how well (the
 * documented rule, tests/support/in-memory/strength.ts) and on what evidence,
 * the history page by page, and the graph document carries the interactions
 * through export → import → export unchanged.
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { exportSections } from "../../src/graph-document/export.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { writeGraphDocument } from "../../src/graph-document/write.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { documentedStrength, type HistoryItem } from "../support/in-memory/strength.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("relationships");
const copy = uniqueWorkspace("relationships-copy");
const driver = testDriver();
let server: TestServer;
let rep: Record<string, string>;
let sam: Record<string, string>;

const MBOX = [
  "From rep@ourco.example Mon Nov  2 09:30:00 2026",
  "Message-ID: <m1@mail.ourco.example>",
  "Date: Mon, 2 Nov 2026 10:30:00 +0100",
  "From: Riley Rep <rep@ourco.example>",
  'To: "Rivera, Chuck" <chuck@northwind.io>,',
  " Dana Field <dana@northwind.io>",
  "Cc: Sam Colleague <sam@ourco.example>",
  "Subject: Renewal numbers",
  "",
  "Hi Chuck,",
  ">From the numbers we talked about: churn is down.",
  "",
  "From chuck@northwind.io Tue Nov  3 15:00:00 2026",
  "Message-ID: <m2@mail.northwind.io>",
  "Date: Tue, 3 Nov 2026 10:00:00 -0500",
  "From: =?UTF-8?B?Q2h1Y2sgUml2ZXJh?= <Chuck@Northwind.io>",
  "To: rep@ourco.example",
  "",
  "Thanks, let us meet.",
  "",
  "From news@vendor.example Wed Nov  4 08:00:00 2026",
  "Message-ID: <news-1@vendor.example>",
  "Date: Wed, 4 Nov 2026 08:00:00 +0000",
  "From: Vendor News <news@vendor.example>",
  "To: rep@ourco.example",
  "List-Id: <weekly.vendor.example>",
  "",
  "This week in CRM.",
  "",
  "From noreply@service.example Wed Nov  4 09:00:00 2026",
  "Message-ID: <n-2@service.example>",
  "Date: Wed, 4 Nov 2026 09:00:00 +0000",
  "From: Service <noreply@service.example>",
  "To: rep@ourco.example",
  "",
  "Your invoice.",
  "",
  "From zed@globex.example Thu Nov  5 10:00:00 2026",
  "Message-ID: <broken-date@globex.example>",
  "Date: sometime next week",
  "From: Zed <zed@globex.example>",
  "To: rep@ourco.example",
  "",
  "When can we talk?",
  "",
  "From ellen@gmail.com Fri Nov  6 11:00:00 2026",
  "Message-ID: <e1@mail.gmail.com>",
  "Date: Fri, 6 Nov 2026 12:00:00 +0100",
  "From: =?ISO-8859-1?Q?Ell=E9n_Fr=E4nk?= <ellen@gmail.com>",
  "To: rep@ourco.example",
  "",
  "Hello from a personal address.",
  "",
  "From rep@ourco.example Fri Nov  6 12:00:00 2026",
  "Message-ID: <m3@mail.ourco.example>",
  "Date: Fri, 6 Nov 2026 12:00:00 +0000",
  "From: rep@ourco.example",
  "To: ellen@gmail.com, zed@globex.example",
  "",
  "Answering both of you.",
  "",
  "From zed@globex.example Sat Nov  7 10:00:00 2026",
  "Message-ID: <z2@globex.example>",
  "Date: Sat, 7 Nov 2026 10:00:00 +0000",
  "From: Zed Zimmer <zed@globex.example>",
  "Bcc: rep@ourco.example",
  "",
  "Thanks.",
  "",
  "From rep@ourco.example Sat Nov  7 12:00:00 2026",
  "Message-ID: <internal@mail.ourco.example>",
  "Date: Sat, 7 Nov 2026 12:00:00 +0000",
  "From: rep@ourco.example",
  "To: sam@ourco.example",
  "",
  "Lunch?",
  "",
].join("\r\n");

/** Sam's calendar, written by Outlook: a Windows zone name with its own VTIMEZONE. */
const CALENDAR = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
  "BEGIN:VTIMEZONE",
  "TZID:W. Europe Standard Time",
  "BEGIN:STANDARD",
  "DTSTART:16011028T030000",
  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:16010325T020000",
  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
  "BEGIN:VEVENT",
  "UID:weekly-sync",
  "DTSTART;TZID=W. Europe Standard Time:20261006T100000",
  "DTEND;TZID=W. Europe Standard Time:20261006T103000",
  "RRULE:FREQ=WEEKLY;COUNT=20",
  "EXDATE;TZID=W. Europe Standard Time:20261013T100000",
  "ORGANIZER;CN=Sam Colleague:mailto:sam@ourco.example",
  "ATTENDEE;CN=Chuck Rivera;PARTSTAT=ACCEPTED:mailto:chuck@northwind.io",
  "ATTENDEE;CN=Dana Field;PARTSTAT=DECLINED:mailto:dana@northwind.io",
  "SUMMARY:Weekly sync",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:cancelled-call",
  "DTSTART:20261110T150000Z",
  "STATUS:CANCELLED",
  "ORGANIZER:mailto:sam@ourco.example",
  "ATTENDEE:mailto:erin@contoso.example",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

beforeAll(async () => {
  const db = testDb(driver);
  const document = {
    version: 1,
    companies: [{ domain: "northwind.io", name: "Northwind" }],
    people: [
      { email: "rep@ourco.example", name: "Riley Rep" },
      { email: "sam@ourco.example", name: "Sam Colleague" },
      { email: "chuck@northwind.io", name: "Chuck Rivera", company: "northwind.io" },
    ],
    users: [{ email: "rep@ourco.example" }, { email: "sam@ourco.example" }],
  };
  expect((await importGraphDocument(db, document, { workspace })).ok).toBe(true);
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
  rep = bearer((await createApiKey(db, { workspace, email: "rep@ourco.example", role: "EDITOR" })).key);
  sam = bearer((await createApiKey(db, { workspace, email: "sam@ourco.example", role: "EDITOR" })).key);
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await wipeWorkspace(driver, copy);
  await driver.close();
});

async function ingest(kind: "mail" | "calendar", body: string, headers: Record<string, string>, query = "") {
  const response = await fetch(`${server.origin}/ingest/${kind}${query}`, { method: "POST", headers: { "content-type": "application/octet-stream", ...headers }, body });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const count = async (cypher: string) =>
  Number((await driver.executeQuery(cypher, { workspace })).records[0]!.get(0));

describe("ingesting a mailbox", () => {
  it("records the real conversations and says what it skipped, where and why", async () => {
    const { status, body } = await ingest("mail", MBOX, rep);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      read: 9, automated: 2, withoutTeamContact: 1,
      // m1: chuck, dana; m2: chuck; e1, m3: ellen, zed; z2 (Bcc): zed.
      interactions: 7, recorded: 7, alreadyKnown: 0,
      peopleCreated: 3, companiesCreated: 1,
    });
    expect(body.skipped.count).toBe(1);
    expect(body.skipped.listed).toEqual([{
      kind: "skipped",
      position: { source: "request body", index: 5, id: "broken-date@globex.example" },
      reason: expect.stringMatching(/date/i),
    }]);
  });

  it("creates the people it met with the names seen, at their domain's company, none for free mail", async () => {
    const people = await driver.executeQuery(
      `MATCH (p:Person {workspace: $workspace}) WHERE p.email IN ["dana@northwind.io", "ellen@gmail.com", "zed@globex.example", "chuck@northwind.io"]
       OPTIONAL MATCH (p)-[:WORKS_AT]->(c:Company)
       RETURN p.email AS email, p.name AS name, c.domain AS domain ORDER BY email`,
      { workspace },
    );
    expect(people.records.map((r) => [r.get("email"), r.get("name"), r.get("domain")])).toEqual([
      ["chuck@northwind.io", "Chuck Rivera", "northwind.io"],
      ["dana@northwind.io", "Dana Field", "northwind.io"],
      ["ellen@gmail.com", "Ellén Fränk", null],
      ["zed@globex.example", "Zed Zimmer", "globex.example"],
    ]);
  });

  it("changes nothing when the same mailbox is read again", async () => {
    const interactions = await count("MATCH (i:Interaction {workspace: $workspace}) RETURN count(i)");
    const people = await count("MATCH (p:Person {workspace: $workspace}) RETURN count(p)");
    const { body } = await ingest("mail", MBOX, rep);
    expect(body).toMatchObject({ read: 9, interactions: 7, recorded: 0, alreadyKnown: 7, peopleCreated: 0, companiesCreated: 0 });
    expect(await count("MATCH (i:Interaction {workspace: $workspace}) RETURN count(i)")).toBe(interactions);
    expect(await count("MATCH (p:Person {workspace: $workspace}) RETURN count(p)")).toBe(people);
  });

  it("refuses someone who is not a user of the workspace, and a READER", async () => {
    const db = testDb(driver);
    const chuck = bearer((await createApiKey(db, { workspace, email: "chuck@northwind.io", role: "EDITOR" })).key);
    const notUser = await ingest("mail", MBOX, chuck);
    expect([notUser.status, notUser.body.error.code]).toEqual([400, "BAD_USER_INPUT"]);
    const reader = bearer((await createApiKey(db, { workspace, email: "rep@ourco.example", role: "READER" })).key);
    const refused = await ingest("mail", MBOX, reader);
    expect([refused.status, refused.body.error.code]).toEqual([403, "FORBIDDEN"]);
  });
});

describe("ingesting a calendar", () => {
  it("counts each past occurrence of a recurring meeting, not the excluded, cancelled or declined", async () => {
    const dryRun = await ingest("calendar", CALENDAR, sam, "?dryRun=true");
    expect(dryRun.body).toMatchObject({ dryRun: true, recorded: 0 });
    const { status, body } = await ingest("calendar", CALENDAR, sam);
    expect(status).toBe(200);
    // Weekly from 6 October 2026, 20 times, without 13 October: those that started by now (3 December 2026 or later).
    const expected = weeklyOccurrences().length;
    expect(body).toMatchObject({ interactions: expected, recorded: expected });
    expect(body.skipped.listed.map((s: { reason: string }) => s.reason)).toEqual(["cancelled"]);
    const first = await driver.executeQuery(
      "MATCH (i:Interaction {workspace: $workspace, kind: 'MEETING'}) RETURN min(i.at) AS first",
      { workspace },
    );
    // 10:00 in Amsterdam in October (summer time) is 08:00 UTC.
    expect(first.records[0]!.get("first").toString()).toMatch(/^2026-10-06T08:00:00(\.000)?Z$/);
    expect(await count("MATCH (:Person {email: 'dana@northwind.io', workspace: $workspace})<-[:WITH]-(i:Interaction {kind: 'MEETING'}) RETURN count(i)")).toBe(0);
  });
});

function weeklyOccurrences(): Date[] {
  const starts: Date[] = [];
  for (let week = 0; week < 20; week++) {
    const at = new Date(Date.UTC(2026, 9, 6 + 7 * week, week < 3 ? 8 : 9));
    if (week !== 1 && at.getTime() <= Date.now()) starts.push(at);
  }
  return starts;
}

describe("reading relationships back", () => {
  const CHUCK = `query($email: String!) { person(email: $email) {
    teamConnections { colleague { email } strength lastInteractionAt evidence { emailsSent emailsReceived meetings firstInteractionAt summary } }
  } }`;

  it("shows who on the team knows a person, strongest first, with the documented strength and the evidence", async () => {
    const { data, errors } = await gql(server.url, CHUCK, { email: "chuck@northwind.io" }, rep);
    expect(errors).toBeUndefined();
    const now = new Date();
    const repHistory: HistoryItem[] = [
      { at: new Date("2026-11-02T09:30:00Z"), sentBy: "user" },
      { at: new Date("2026-11-03T15:00:00Z"), sentBy: "person" },
    ];
    const samHistory: HistoryItem[] = weeklyOccurrences().map((at) => ({ at, sentBy: null }));
    const connections = data!.person.teamConnections as any[];
    expect(connections.map((c) => c.colleague.email)).toEqual(["sam@ourco.example", "rep@ourco.example"]);
    expect(connections[0].strength).toBeCloseTo(documentedStrength(samHistory, null, now), 5);
    expect(connections[1].strength).toBeCloseTo(documentedStrength(repHistory, null, now), 5);
    expect(connections[1].evidence).toMatchObject({ emailsSent: 1, emailsReceived: 1, meetings: 0, firstInteractionAt: "2026-11-02T09:30:00.000Z" });
    expect(connections[1].evidence.summary).toMatch(/^2 emails both ways; last \d+ (days|months|years) ago$/);
    expect(connections[0].evidence.summary).toMatch(new RegExp(`^${samHistory.length} meetings; last`));
  });

  it("makes no connection of mail nobody answered, yet keeps it in the history", async () => {
    const { data } = await gql(server.url, `{ person(email: "dana@northwind.io") {
      teamConnections { colleague { email } }
      interactions { edges { node { kind direction colleague { email } contact { email } } } }
    } }`, {}, rep);
    expect(data!.person.teamConnections).toEqual([]);
    expect(data!.person.interactions.edges).toEqual([
      { node: { kind: "EMAIL", direction: "SENT", colleague: { email: "rep@ourco.example" }, contact: { email: "dana@northwind.io" } } },
    ]);
  });

  it("pages through a person's history newest first", async () => {
    const page = (after: string | null) => gql(server.url, `query($after: String) { person(email: "zed@globex.example") {
      interactions(first: 1, after: $after) { edges { cursor node { at direction } } pageInfo { hasNextPage endCursor } }
    } }`, { after }, rep);
    const seen: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const { data } = await page(after);
      const { edges, pageInfo } = data!.person.interactions;
      seen.push(...edges.map((e: any) => [e.node.at, e.node.direction]));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual([["2026-11-07T10:00:00.000Z", "RECEIVED"], ["2026-11-06T12:00:00.000Z", "SENT"]]);
  });

  it("carries the interactions through export → import → export", async () => {
    const db = testDb(driver);
    const first = await exported(workspace);
    expect((first.interactions as unknown[]).length).toBe(7 + weeklyOccurrences().length);
    expect((await importGraphDocument(db, first, { workspace: copy })).ok).toBe(true);
    expect(await exported(copy)).toEqual(first);
    const strengths = async (name: string) => new Map((await driver.executeQuery(
      "MATCH (a:Person {workspace: $name})-[k:KNOWS]->(b) RETURN a.email + ' ' + b.email AS pair, k.strength AS strength",
      { name },
    )).records.map((r) => [r.get("pair") as string, r.get("strength") as number]));
    const [original, copied] = [await strengths(workspace), await strengths(copy)];
    expect([...copied.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [pair, strength] of original) expect(copied.get(pair), pair).toBeCloseTo(strength, 5);
  });
});

async function exported(name: string): Promise<Record<string, unknown>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeGraphDocument(exportSections(testDb(driver), name), out);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/**
 * Segments on the demo story: a saved people filter is a live list ranked
 * like prospects; a snapshot freezes it; diffs say who joined and who left,
 * against a later snapshot or now; a company segment is a trigger list; bad
 * inputs name their path and write nothing.
 */
import { describe, expect, it } from "vitest";
import { demoStoryServer } from "../support/demo-server.js";
import { gql } from "../support/server.js";

const server = demoStoryServer("segments");

const RECENT_CHURN = { connectedTo: { maxHops: 1 }, expressedConcern: { topics: ["Churn"], withinDays: 90 } };

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await gql(server.url, query, variables);
  expect(errors).toBeUndefined();
  return data!;
}

async function errorCode(query: string, variables: Record<string, unknown> = {}) {
  const { errors } = await gql(server.url, query, variables);
  return { code: errors?.[0]?.extensions.code, message: errors?.[0]?.message ?? "" };
}

const SAVE = `mutation($input: SegmentInput!) { saveSegment(input: $input) { id name kind filter recordedBy { email } } }`;
const names = (people: { name: string }[]) => people.map((person) => person.name).sort();

describe("segments", () => {
  it("saves a people filter and re-runs it as a ranked list with reasons, like prospects", async () => {
    const { saveSegment } = await ok(SAVE, { input: { name: "Churn talk", description: "Connections worried about churn", people: RECENT_CHURN } });
    expect(saveSegment).toMatchObject({ name: "Churn talk", kind: "PEOPLE", recordedBy: { email: "maya.chen@ourco.example" } });
    expect(JSON.parse(saveSegment.filter)).toEqual(RECENT_CHURN);

    const { segment, prospects } = await ok(`query($id: ID!, $where: PersonWhere!) {
      segment(id: $id) { members(first: 50) { totalCount scoredAt edges { score node { name } reasons { summary } } } companies { totalCount } }
      prospects(where: $where, first: 50) { scoredAt edges { score node { name } } }
    }`, { id: saveSegment.id, where: RECENT_CHURN });
    expect(segment.companies).toBeNull();
    expect(segment.members.totalCount).toBe(segment.members.edges.length);
    // One request, one "now": both lists decay evidence to the same instant, so their scores agree to the digit.
    expect(segment.members.scoredAt).toBe(prospects.scoredAt);
    expect(segment.members.edges.map((edge: any) => [edge.node.name, edge.score])).toEqual(prospects.edges.map((edge: any) => [edge.node.name, edge.score]));
    expect(names(segment.members.edges.map((edge: any) => edge.node))).toEqual(expect.arrayContaining(["Elena Vasquez", "Marcus Bell", "Priya Raman"]));
    expect(segment.members.edges.every((edge: any) => edge.reasons.length > 0)).toBe(true);
    expect((await ok("{ segments { name } }")).segments.map((s: { name: string }) => s.name)).toContain("Churn talk");
  });

  it("freezes members in a snapshot, and says who joined and left since, up to now or to a later snapshot", async () => {
    const { saveSegment } = await ok(SAVE, { input: { name: "Churn, widening", people: RECENT_CHURN } });
    const snapshot = async () => (await ok(`mutation($id: ID!) { snapshotSegment(id: $id) { id count takenAt segment { name } } }`, { id: saveSegment.id })).snapshotSegment;
    const before = await snapshot();
    const { segment } = await ok(`query($id: ID!) { segment(id: $id) { members(first: 100) { totalCount edges { node { name } } } } }`, { id: saveSegment.id });
    expect(before).toMatchObject({ count: segment.members.totalCount, segment: { name: "Churn, widening" } });
    const frozen = await ok(`query($id: ID!) { snapshot(id: $id) { members(first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } } }`, { id: before.id });
    expect(frozen.snapshot.members.totalCount).toBe(before.count);
    expect(frozen.snapshot.members.pageInfo.hasNextPage).toBe(true);
    // Backward from the end, two at a time, gives the same members in the same order.
    const MEMBERS = `query($id: ID!, $first: Int, $last: Int, $before: String) { snapshot(id: $id) { members(first: $first, last: $last, before: $before) { edges { node { email } } pageInfo { hasPreviousPage startCursor } } } }`;
    const forward = (await ok(MEMBERS, { id: before.id, first: 100 })).snapshot.members.edges.map((edge: { node: { email: string } }) => edge.node.email);
    const backward: string[] = [];
    for (let cursor: string | null = null, more = true; more;) {
      const page: { edges: { node: { email: string } }[]; pageInfo: { hasPreviousPage: boolean; startCursor: string | null } } = (await ok(MEMBERS, { id: before.id, last: 2, before: cursor })).snapshot.members;
      backward.unshift(...page.edges.map((edge: { node: { email: string } }) => edge.node.email));
      [cursor, more] = [page.pageInfo.startCursor, page.pageInfo.hasPreviousPage];
    }
    expect(backward).toEqual(forward);

    await ok(`mutation($id: ID!, $people: PersonWhere) { updateSegment(id: $id, changes: { people: $people }) { id } }`,
      { id: saveSegment.id, people: { ...RECENT_CHURN, connectedTo: { maxHops: 2 } } });
    const DIFF = `query($id: ID!, $against: ID) { snapshot(id: $id) { diff(against: $against) { joined { name } left { name } } } }`;
    const sinceThen = (await ok(DIFF, { id: before.id })).snapshot.diff;
    expect(sinceThen.left).toEqual([]);
    expect(names(sinceThen.joined)).toContain("Amara Osei");
    expect(names(sinceThen.joined)).not.toContain("Priya Raman");

    const after = await snapshot();
    expect(after.count).toBe(before.count + sinceThen.joined.length);
    const between = (await ok(DIFF, { id: before.id, against: after.id })).snapshot.diff;
    expect(names(between.joined)).toEqual(names(sinceThen.joined));
    expect((await ok(DIFF, { id: after.id, against: before.id })).snapshot.diff.left.length).toBe(sinceThen.joined.length);

    const deleted = await ok(`mutation($id: ID!) { deleteSegment(id: $id) { id snapshots } }`, { id: saveSegment.id });
    expect(deleted.deleteSegment.snapshots).toBe(2);
    expect(await ok(`query($s: ID!, $x: ID!) { segment(id: $s) { id } snapshot(id: $x) { id } }`, { s: saveSegment.id, x: before.id }))
      .toEqual({ segment: null, snapshot: null });
  });

  it("keeps a company filter as a trigger list", async () => {
    const seriesB = { hadEvent: { types: ["FUNDING"], fundingStages: ["SERIES_B"], withinDays: 60 }, employs: { connectedTo: {} } };
    const { saveSegment } = await ok(SAVE, { input: { name: "Series B where we know someone", companies: seriesB } });
    expect(saveSegment.kind).toBe("COMPANIES");
    const { segment } = await ok(`query($id: ID!) { segment(id: $id) { members { totalCount } companies { edges { node { name } } } } }`, { id: saveSegment.id });
    expect(segment.members).toBeNull();
    expect(segment.companies.edges.map((edge: any) => edge.node.name)).toEqual(["Kestrel Analytics", "Lumora Health"]);
    expect((await errorCode(`mutation($id: ID!) { snapshotSegment(id: $id) { id } }`, { id: saveSegment.id })).code).toBe("BAD_USER_INPUT");
  });

  it("refuses bad input with its path, duplicate names, and ids that do not exist, writing nothing", async () => {
    const count = async () => (await ok("{ segments { id } }")).segments.length;
    const before = await count();
    await ok(SAVE, { input: { name: "Unique name", people: {} } });
    expect(await errorCode(SAVE, { input: { name: "Unique name", people: {} } })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("exists") });
    expect(await errorCode(SAVE, { input: { name: "Both", people: {}, companies: {} } })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await errorCode(SAVE, { input: { name: "Neither" } })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await errorCode(SAVE, { input: { name: "  ", people: {} } })).toMatchObject({ code: "BAD_USER_INPUT" });
    const { errors } = await gql(server.url, SAVE, { input: { name: "Too strong", people: { connectedTo: { minStrength: 2 } } } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", path: ["input.people", "connectedTo", "minStrength"] });
    expect(await count()).toBe(before + 1);
    for (const mutation of ["snapshotSegment(id: $id) { id }", "deleteSegment(id: $id) { id }", "updateSegment(id: $id, changes: { name: \"x\" }) { id }"]) {
      expect((await errorCode(`mutation($id: ID!) { ${mutation} }`, { id: "no-such-segment" })).code).toBe("NOT_FOUND");
    }
  });

  it("is safe to retry: the same idempotencyKey returns the first result and writes once", async () => {
    const SAVE_ONCE = `mutation($key: String) { saveSegment(input: { name: "Retried", people: {} }, idempotencyKey: $key) { id } }`;
    const first = await ok(SAVE_ONCE, { key: "save-retried-1" });
    expect((await ok(SAVE_ONCE, { key: "save-retried-1" })).saveSegment.id).toBe(first.saveSegment.id);
    const SNAPSHOT_ONCE = `mutation($id: ID!, $key: String) { snapshotSegment(id: $id, idempotencyKey: $key) { id } }`;
    const snapshot = await ok(SNAPSHOT_ONCE, { id: first.saveSegment.id, key: "snapshot-retried-1" });
    expect((await ok(SNAPSHOT_ONCE, { id: first.saveSegment.id, key: "snapshot-retried-1" })).snapshotSegment.id).toBe(snapshot.snapshotSegment.id);
    const { segment } = await ok(`query($id: ID!) { segment(id: $id) { snapshots { id } } }`, { id: first.saveSegment.id });
    expect(segment.snapshots).toHaveLength(1);
    expect(await errorCode(SNAPSHOT_ONCE, { id: first.saveSegment.id, key: "save-retried-1" })).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("forgets a person in saved filters and snapshots too", async () => {
    const { person } = await ok(`{ person(email: "elena.vasquez@kestrelanalytics.example") { id } }`);
    const { saveSegment } = await ok(SAVE, { input: { name: "Near Elena", people: { connectedTo: { person: person.id } } } });
    const { snapshotSegment } = await ok(`mutation($id: ID!) { snapshotSegment(id: $id) { id count } }`, { id: saveSegment.id });
    const { person: neighbour } = await ok(`query($id: ID!) { segment(id: $id) { members(first: 1) { edges { node { id } } } } }`, { id: saveSegment.id })
      .then((data) => ({ person: data.segment.members.edges[0].node }));
    await ok(`mutation($id: ID!) { forgetPerson(id: $id) { connections } }`, { id: neighbour.id });
    await ok(`mutation($id: ID!) { forgetPerson(id: $id) { connections } }`, { id: person.id });
    const after = await ok(`query($s: ID!, $x: ID!) { segment(id: $s) { filter } snapshot(id: $x) { count members(first: 100) { totalCount edges { node { id } } } } }`,
      { s: saveSegment.id, x: snapshotSegment.id });
    expect(after.segment.filter).not.toContain(person.id);
    expect(after.snapshot.count).toBe(snapshotSegment.count - 1);
    expect(after.snapshot.members.edges.map((edge: any) => edge.node.id)).not.toContain(neighbour.id);
    expect((await errorCode(`query($id: ID!) { segment(id: $id) { members { totalCount } } }`, { id: saveSegment.id })).code).toBe("NOT_FOUND");
  });
});

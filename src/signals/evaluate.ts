/**
 * Re-evaluates a workspace's watched segments (those with webhooks) and
 * stores, with the new membership, one event for each person or company that
 * joined or left since the last evaluation, as a delivery per webhook (the
 * outbox: nothing is sent before it is stored). A segment is evaluated as the
 * person who saved it, so "me" in its filter is its owner, exactly as its
 * members read for them in the API. The first evaluation of a segment only
 * records who is in it: a new webhook does not announce every member.
 */
import { randomUUID } from "node:crypto";
import type { Identity } from "../auth/identity.js";
import type { Db } from "../db/run.js";
import { integer } from "../db/values.js";

/** Runs a GraphQL operation in-process as someone: the server's own execution, limits included. */
export type Execute = (query: string, variables: Record<string, unknown>, identity: Identity) => Promise<{ data?: Record<string, any> | null; errors?: readonly { message: string }[] }>;

export interface Member {
  id: string;
  name: string | null;
  /** A person's; null once they were forgotten. */
  email?: string | null;
  /** A company's: a member without one is a person. */
  domain?: string;
  reasons: string[];
}

/** Pages of 100 are read up to this many members; a larger watched segment is evaluated on its first ones (docs/signals.md). */
export const MAX_WATCHED_MEMBERS = 2_000;

const MEMBERS = `query SegmentMembers($id: ID!, $after: String) {
  segment(id: $id) {
    members(first: 100, after: $after) { edges { node { id name email } reasons { summary } } pageInfo { hasNextPage endCursor } }
    companies(first: 100, after: $after) { edges { node { id name domain } } pageInfo { hasNextPage endCursor } }
  }
}`;

export interface Watched {
  segment: { id: string; name: string; owner: string | null };
  webhooks: string[];
  version: number;
  members: string | null;
}

/** Resolves with how many events were stored. */
export async function evaluateWorkspace(db: Db, execute: Execute, workspace: string): Promise<number> {
  const watched: Watched[] = await db.read("webhook/watched", { workspace });
  let events = 0;
  for (const row of watched) events += await evaluateSegment(db, execute, workspace, row);
  return events;
}

async function evaluateSegment(db: Db, execute: Execute, workspace: string, { segment, webhooks, version, members }: Watched): Promise<number> {
  // A segment saved by no one (imported, or its owner forgotten) has no "me"; it is evaluated as no one, whose connections are none.
  const owner: Identity = { workspace, email: segment.owner ?? "", role: "READER", via: "signals" };
  const current = await membersOf(execute, segment.id, owner);
  if (current === null) return 0;
  const previous = members === null ? null : (JSON.parse(members) as Member[]);
  const occurredAt = new Date().toISOString();
  const found = previous === null ? [] : await withoutForgotten(db, workspace, changes(previous, current));
  const events = found.map(({ type, member }) => eventBody(type, segment, member, occurredAt));
  const deliveries = events.flatMap((event) => webhooks.map((webhook) => ({ id: randomUUID(), webhook, event: event.id, type: event.type, body: JSON.stringify(event) })));
  const [stored] = await db.write("webhook/store-changes", { workspace, segment: segment.id, version: integer(Number(version)), members: JSON.stringify(current), deliveries });
  return stored ? events.length : 0;
}

/** The segment's members now; null when it is gone. */
export async function membersOf(execute: Execute, segment: string, owner: Identity): Promise<Member[] | null> {
  const members: Member[] = [];
  let after: string | null = null;
  do {
    const { data, errors } = await execute(MEMBERS, { id: segment, after }, owner);
    if (errors?.length) throw new Error(`evaluating segment ${segment} failed: ${errors.map((e) => e.message).join("; ")}`);
    const found = data?.segment;
    if (!found) return null;
    const page = found.members ?? found.companies;
    for (const edge of page.edges) {
      const node = edge.node;
      const reasons = (edge.reasons ?? []).map((reason: { summary: string }) => reason.summary);
      members.push(node.email !== undefined ? { id: node.id, name: node.name, email: node.email, reasons } : { id: node.id, name: node.name, domain: node.domain, reasons });
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null && members.length < MAX_WATCHED_MEMBERS);
  return members;
}

type Change = { type: "segment.joined" | "segment.left"; member: Member };

/** A person who left because they were forgotten (forgetPerson) leaves without their name or email. */
export async function withoutForgotten(db: Db, workspace: string, found: Change[]): Promise<Change[]> {
  const people = found.filter(({ type, member }) => type === "segment.left" && member.domain === undefined).map(({ member }) => member.id);
  if (people.length === 0) return found;
  const present = new Set((await db.read("person/by-ids", { workspace, keys: people })).map((row) => row.key as string));
  return found.map((change) => (change.member.domain !== undefined || present.has(change.member.id) ? change
    : { ...change, member: { id: change.member.id, name: null, email: null, reasons: [] } }));
}

export function changes(previous: Member[], current: Member[]): Change[] {
  const before = new Set(previous.map((m) => m.id));
  const now = new Set(current.map((m) => m.id));
  return [
    ...current.filter((m) => !before.has(m.id)).map((member) => ({ type: "segment.joined" as const, member })),
    ...previous.filter((m) => !now.has(m.id)).map((member) => ({ type: "segment.left" as const, member: { ...member, reasons: [] } })),
  ];
}

export function eventBody(type: "segment.joined" | "segment.left", segment: Watched["segment"], member: Member, occurredAt: string) {
  const subject = member.domain === undefined
    ? { person: { id: member.id, name: member.name, email: member.email } }
    : { company: { id: member.id, name: member.name, domain: member.domain } };
  return { id: randomUUID(), type, segment: { id: segment.id, name: segment.name }, ...subject, reasons: member.reasons, occurredAt };
}

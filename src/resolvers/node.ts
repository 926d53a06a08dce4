/**
 * Ids for clients' caches. Query.node refetches the objects that have ids of
 * their own (the Relay Node interface); the objects Rapport computes or keeps
 * on relationships (an employment, an interest, an engagement, a connection,
 * an introduction path) get ids derived from what identifies them, so a
 * normalising cache (Apollo Client's) keeps two queries' selections of one
 * apart from another's. Derived ids are opaque like stored ones.
 */
import type { RequestContext } from "../context.js";
import type { Item } from "../db/rows.js";

type NodeType = "Person" | "Company" | "Topic" | "Segment" | "Snapshot";

export function derivedId(type: string, ...parts: unknown[]): string {
  return Buffer.from(JSON.stringify([type, ...parts.map((part) => String(part ?? ""))]), "utf8").toString("base64url");
}

const idOfPerson = (person: unknown) => (person as Item).id;

export const DerivedIds = {
  Employment: { id: (employment: Item) => derivedId("Employment", employment.personId, (employment.company as Item).id, employment.since) },
  Interest: { id: (interest: Item) => derivedId("Interest", interest.personId, (interest.topic as Item).id) },
  Engagement: { id: (engagement: Item) => derivedId("Engagement", engagement.personId, (engagement.content as Item).id, engagement.action, engagement.at) },
  Connection: { id: (connection: Item) => derivedId("Connection", ...(connection.people as unknown[]).map(idOfPerson)) },
  IntroductionPath: { id: (path: Item) => derivedId("IntroductionPath", ...(path.people as unknown[]).map(idOfPerson)) },
};

/** Ids are random UUIDs, so at most one loader finds one; each asks a batched, indexed lookup. */
export async function node(_: unknown, args: { id: string }, ctx: RequestContext) {
  const { personById, companyById, topicById, segmentById, snapshotById } = ctx.loaders;
  const lookups: [NodeType, { load(id: string): Promise<object | null> }][] = [
    ["Person", personById], ["Company", companyById], ["Topic", topicById], ["Segment", segmentById], ["Snapshot", snapshotById],
  ];
  const found = await Promise.all(lookups.map(async ([type, loader]) => ({ type, item: await loader.load(args.id) })));
  const hit = found.find(({ item }) => item !== null);
  return hit ? { ...hit.item, __typename: hit.type } : null;
}

export const Node = {
  __resolveType: (item: { __typename: NodeType }) => item.__typename,
};

/**
 * Every named query the code may run: the relative path of its file under
 * cypher/, without the extension, and the columns its rows have (rows.ts),
 * as the file's `Returns:` header describes them. The catalogue checks the
 * names against the files at boot, every result is checked against the
 * columns, and tests/integration/catalogue.test.ts checks the columns against
 * what each statement declares to Neo4j.
 */
import { column, keyed, single, type CompanyItem, type ContentItem, type Item, type PersonItem, type RowOf, type SegmentItem, type SnapshotItem, type TopicItem } from "./rows.js";

const text = column<string>();
const maybeText = column<string | null>();
const texts = column<string[]>();
const item = column<Item>();
/** An import step returns nothing: the importer reads what it created from the update counters. */
const NOTHING = {};

export const QUERIES = {
  "person/by-ids": keyed<PersonItem>(),
  "person/by-emails": keyed<PersonItem>(),
  "person/by-profiles": keyed<PersonItem>(),
  "person/possible-duplicates": { a: column<PersonItem>(), b: column<PersonItem>(), reasons: texts },
  "person/employment": keyed<Item & { company: CompanyItem | null }>(),
  "person/interests": keyed<Item>(),
  "person/engagements": keyed<Item>(),
  "person/concerns": keyed<Item>(),
  "person/promises": keyed<Item>(),
  "person/team-connections": keyed<Item & { colleague: PersonItem }>(),
  "person/interactions": single<Item & { key: string; at: string; colleague: PersonItem; contact: PersonItem }>(),
  "person/interactions-before": single<Item & { key: string; at: string; colleague: PersonItem; contact: PersonItem }>(),
  "company/by-ids": keyed<CompanyItem>(),
  "company/by-domains": keyed<CompanyItem>(),
  "company/employees": keyed<PersonItem>(),
  "company/events": keyed<Item>(),
  "company/promises": keyed<Item>(),
  "topic/by-names": keyed<TopicItem>(),
  "topic/by-ids": keyed<TopicItem>(),
  "topic/broader": keyed<TopicItem>(),
  "topic/narrower": keyed<TopicItem>(),
  "topic/family": keyed<Item & { id: string }>(),
  "content/topics": keyed<TopicItem>(),
  "search/full-text": { item, kind: text, score: column<number>() },
  "import/known-keys": { emails: texts, profiles: column<{ url: string; email: string | null }[]>(), domains: texts, companyNames: texts, urls: texts, topics: column<{ key: string; aliasKeys: string[] }[]>() },
  "import/workspace-populated": { populated: column<boolean>() },
  "import/topics": NOTHING,
  "import/topic-broader": NOTHING,
  "import/companies": NOTHING,
  "import/people": NOTHING,
  "import/people-into-empty": { employments: column<number>(), interests: column<number>() },
  "import/person-ids": { email: maybeText, profileUrl: maybeText, id: text },
  "import/employments": NOTHING,
  "import/interests": NOTHING,
  "import/users": NOTHING,
  "import/content": NOTHING,
  "import/content-topics": NOTHING,
  "import/connections": NOTHING,
  "import/connections-into-empty": NOTHING,
  "import/engagements": NOTHING,
  "import/engagements-into-empty": NOTHING,
  "import/concerns": NOTHING,
  "import/concerns-into-empty": NOTHING,
  "import/events": NOTHING,
  "import/promises": NOTHING,
  "import/interactions": { created: column<number>() },
  "export/topics": { name: text, aliases: column<string[] | null>(), broader: texts },
  "export/companies": { company: item },
  "export/people": { person: item, company: maybeText, employment: column<Item | null>(), interests: column<{ topic: string | null; weight: number }[]>() },
  "export/content": { content: item, topics: texts },
  "export/connections": { a: text, b: text, connection: item },
  "export/engagements": { person: text, content: text, action: text, at: text },
  "export/concerns": { person: text, topic: text, concern: item },
  "export/events": { company: text, event: item },
  "export/promises": { promise: item, person: maybeText, company: maybeText },
  "export/users": { email: text },
  "export/interactions": { user: text, person: text, interaction: item },
  "ingest/team": { email: text },
  "ingest/contacts": { peopleCreated: column<number>(), companiesCreated: column<number>() },
  "ingest/connected": { key: text },
  "ingest/contact-keys": { emails: texts, profiles: column<{ url: string; email: string | null }[]>(), domains: texts, companyNames: texts },
  "relationship/pair-interactions": { low: text, high: text, interactions: column<{ atMs: number; fromLow: boolean | null }[]>() },
  "relationship/store-evidence": { connected: column<number>() },
  "relationship/due-for-decay": {
    id: text,
    evidence: column<{ sentLowToHigh: number | null; sentHighToLow: number | null; twoWay: number | null; volumeAt: string | null; volume: number | null }>(),
  },
  "relationship/store-decay": NOTHING,
  "auth/api-key-create": { id: text, workspace: text, email: text, role: text, createdAt: text },
  "auth/api-key-by-hash": { workspace: text, email: text, role: text },
  "auth/api-keys": { id: text, workspace: text, email: text, role: text, createdAt: text, revokedAt: maybeText },
  "auth/api-key-revoke": { id: text, workspace: text, email: text, revokedAt: text },
  "segment/save": single<SegmentItem>(),
  "segment/update": single<SegmentItem>(),
  "segment/delete": { snapshots: column<number>() },
  "segment/by-ids": keyed<SegmentItem>(),
  "segment/all": single<SegmentItem>(),
  "segment/for-warming": single<SegmentItem>(),
  "segment/snapshots": keyed<SnapshotItem>(),
  "segment/snapshot-by-ids": keyed<SnapshotItem>(),
  "segment/snapshot-members": { item: column<PersonItem>(), sortValue: text },
  "segment/snapshot-members-before": { item: column<PersonItem>(), sortValue: text },
  "segment/snapshot-export": { email: text, name: maybeText, title: maybeText, company: maybeText, domain: maybeText },
  "segment/snapshot-diff": { joined: column<PersonItem[]>(), left: column<PersonItem[]>() },
  "mutation/idempotency-claim": { claimed: column<boolean>(), mutation: text, inputHash: text, result: maybeText },
  "mutation/idempotency-store": NOTHING,
  "mutation/references": {
    people: column<{ id: string; email: string }[]>(),
    companies: column<{ id: string; domain: string }[]>(),
    domains: texts,
    topics: column<{ wanted: string; key: string }[]>(),
    contents: texts,
  },
  "mutation/connect-people": single<Item>(),
  "mutation/disconnect-people": single<Item>(),
  "mutation/record-interaction": single<Item>(),
  "mutation/record-engagement": single<Item>(),
  "mutation/record-concern": single<Item>(),
  "mutation/record-company-event": single<Item>(),
  "mutation/set-relationship-level": single<CompanyItem>(),
  "mutation/topic-conflicts": { clashes: texts, cycles: texts },
  "mutation/content-by-url": single<ContentItem>(),
  "mutation/make-promise": single<Item>(),
  "mutation/set-promise-status": { item, was: text },
  "promise/list": single<Item>(),
  "mutation/forget-person": single<Item>(),
  "mutation/merge-people": single<PersonItem>(),
  "mutation/merge-people-keys": { pairs: column<{ team: string; contact: string }[]>() },
  "mutation/merge-companies": single<CompanyItem>(),
  "tracking/actions": { events: texts, actions: texts },
  "tracking/claim": { claimed: texts },
  "tracking/remember-users": NOTHING,
  "tracking/resolve": {
    emails: texts,
    users: column<{ userId: string; email: string }[]>(),
    urls: texts,
    topics: column<{ wanted: string; key: string }[]>(),
  },
  "tracking/set-actions": { events: texts, actions: texts },
  "tracking/forget-old": { removed: column<number>() },
  "tracking/stats": { messages: column<number>(), recorded: column<number>(), unmatched: column<number>(), ignored: column<number>(), lastReceivedAt: maybeText },
  "webhook/by-segments": { segment: text, item },
  "webhook/claim": { id: text, lease: text, url: text, secret: text, body: text, attempts: column<number>(), giveUpAt: text },
  "webhook/create": single<Item>(),
  "webhook/delete": single<Item>(),
  "webhook/deliveries": single<Item>(),
  "webhook/settle": NOTHING,
  "webhook/store-changes": { stored: column<boolean>() },
  "webhook/watched": { segment: column<Item & { id: string; name: string; owner: string | null }>(), webhooks: texts, version: column<number>(), members: maybeText },
  "webhook/workspaces": { workspace: text },
  "webhook/mark-written": NOTHING,
  "webhook/claim-written": { workspace: text },
  "schedule/claim-turn": { claimed: column<boolean>() },
};

export type QueryName = keyof typeof QUERIES;

export const QUERY_NAMES = Object.keys(QUERIES) as QueryName[];

export type QueryRow<N extends QueryName> = RowOf<(typeof QUERIES)[N]>;

/** The queries a loader batches (src/loaders/keyed.ts): rows of the key asked for and an item for it. */
export type KeyedQueryName = { [N in QueryName]: QueryRow<N> extends { key: string; item: unknown } ? N : never }[QueryName];

/** The queries whose rows carry one `item`, as a mutation's statements do. */
export type ItemQueryName = { [N in QueryName]: QueryRow<N> extends { item: unknown } ? N : never }[QueryName];

export type ItemOf<N extends ItemQueryName> = QueryRow<N> extends { item: infer I } ? I : never;

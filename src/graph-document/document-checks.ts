/**
 * The checks that span records: keys repeated within the document, references
 * that resolve neither in the document nor in the graph, self-connections and
 * cycles in the topic hierarchy. Records that failed their own schema are
 * holes (undefined) in the sections and are skipped here.
 */
import {
  KEY_SEPARATOR, companyKey, companyNameKey, concernKey, eventKey, interactionKey, lower, personKey, profileKey, promiseKey, toInstant, topicKey, type TopicResolver,
} from "./normalize.js";
import type { ParsedSections, SectionName, TopicRecord } from "./schema.js";

export interface Problem {
  path: string;
  message: string;
}

/** Natural keys already in the workspace; topicKeys maps a lower-cased name or alias to its topic's key. */
export interface KnownKeys {
  emails: ReadonlySet<string>;
  /** Normalised profile URL → the email of the person who has it (null: they have none). */
  profiles: ReadonlyMap<string, string | null>;
  domains: ReadonlySet<string>;
  /** companyNameKey of every company that has a name. */
  companyNames: ReadonlySet<string>;
  contentUrls: ReadonlySet<string>;
  topicKeys: ReadonlyMap<string, string>;
}

/** The sections as parsed, with a hole where a record failed its schema, so indexes still match the document. */
export type SectionsWithHoles = { [S in SectionName]: (ParsedSections[S][number] | undefined)[] };

type Report = (path: string, message: string) => void;

function each<T>(records: (T | undefined)[], visit: (record: T, index: number) => void): void {
  records.forEach((record, index) => {
    if (record !== undefined) visit(record, index);
  });
}

export function checkDocument(sections: SectionsWithHoles, known: KnownKeys, problems: Problem[]): TopicResolver {
  const report: Report = (path, message) => problems.push({ path, message });
  const resolveTopic = checkTopicNames(sections.topics, known.topicKeys, report);

  const people = unique(sections.people, (p) => (p.email === undefined ? profileKey(p.profileUrl as string) : lower(p.email)), "people", "email", report, "person");
  const profiles = unique(sections.people.map((p) => (p?.profileUrl === undefined ? undefined : p)), (p) => profileKey(p.profileUrl as string), "people", "profileUrl", report);
  each(sections.people, (p, i) => checkProfileOwner(p, known, (message) => report(`people[${i}].profileUrl`, message)));
  const companies = unique(sections.companies, (c) => (c.domain === undefined ? companyNameKey(c.name as string) : lower(c.domain)), "companies", "domain", report, "company");
  for (const c of sections.companies) if (c?.name !== undefined) companies.add(companyNameKey(c.name));
  const urls = unique(sections.content, (c) => c.url, "content", "url", report);
  const needTopic = (path: string, name: string) => {
    if (resolveTopic(name) === undefined) report(path, `unknown topic ${name}`);
  };
  const needPerson = (path: string, ref: string) => {
    const key = personKey(ref);
    if (!people.has(key) && !profiles.has(key) && !known.emails.has(key) && !known.profiles.has(key)) report(path, `unknown person ${key}`);
  };
  const needCompany = (path: string, ref: string) => {
    const key = companyKey(ref);
    if (!companies.has(key) && !known.domains.has(key) && !known.companyNames.has(key)) report(path, `unknown company ${ref.trim()}`);
  };

  each(sections.topics, (t, i) => t.broader?.forEach((name, j) => needTopic(`topics[${i}].broader[${j}]`, name)));
  each(sections.people, (p, i) => {
    if (p.company !== undefined) needCompany(`people[${i}].company`, p.company);
    const interests = p.interests ?? [];
    interests.forEach((interest, j) => needTopic(`people[${i}].interests[${j}].topic`, interest.topic));
    unique(interests, (interest) => resolveTopic(interest.topic) ?? topicKey(interest.topic), `people[${i}].interests`, "topic", report, "interest");
  });
  each(sections.content, (c, i) => c.topics?.forEach((name, j) => needTopic(`content[${i}].topics[${j}]`, name)));
  each(sections.connections, (k, i) => {
    needPerson(`connections[${i}].a`, k.a);
    needPerson(`connections[${i}].b`, k.b);
    if (personKey(k.a) === personKey(k.b)) report(`connections[${i}].b`, "a person cannot be connected to themselves");
  });
  unique(sections.connections, (k) => [personKey(k.a), personKey(k.b)].sort().join(KEY_SEPARATOR), "connections", "b", report, "connection");
  each(sections.engagements, (e, i) => {
    needPerson(`engagements[${i}].person`, e.person);
    if (!urls.has(e.content) && !known.contentUrls.has(e.content)) report(`engagements[${i}].content`, `unknown content ${e.content}`);
  });
  unique(sections.engagements, (e) => [personKey(e.person), e.content, e.action, toInstant(e.at)].join(KEY_SEPARATOR), "engagements", "at", report, "engagement");
  each(sections.concerns, (k, i) => {
    needPerson(`concerns[${i}].person`, k.person);
    needTopic(`concerns[${i}].topic`, k.topic);
  });
  unique(sections.concerns, (k) => concernKey(personKey(k.person), resolveTopic(k.topic) ?? topicKey(k.topic), toInstant(k.expressedAt), k.text), "concerns", "text", report, "concern");
  each(sections.events, (e, i) => needCompany(`events[${i}].company`, e.company));
  unique(sections.events, (e) => eventKey(companyKey(e.company), e.type, toInstant(e.occurredAt)), "events", "occurredAt", report, "event");
  each(sections.promises, (p, i) => {
    if (p.person === undefined && p.company === undefined) report(`promises[${i}]`, "needs a person, a company or both");
    if (p.person !== undefined) needPerson(`promises[${i}].person`, p.person);
    if (p.company !== undefined) needCompany(`promises[${i}].company`, p.company);
    if (p.id === undefined && p.madeAt === undefined) report(`promises[${i}].madeAt`, "required when the promise has no id");
  });
  unique(sections.promises, (p) => promiseKey({ ...p, person: p.person && personKey(p.person), company: p.company && companyKey(p.company), madeAt: p.madeAt && toInstant(p.madeAt) }), "promises", "text", report, "promise");
  each(sections.users, (u, i) => needPerson(`users[${i}].email`, u.email));
  unique(sections.users, (u) => lower(u.email), "users", "email", report, "user");
  each(sections.interactions, (k, i) => {
    needPerson(`interactions[${i}].user`, k.user);
    needPerson(`interactions[${i}].person`, k.person);
    if (lower(k.user) === personKey(k.person)) report(`interactions[${i}].person`, "must be someone other than the user");
  });
  unique(sections.interactions, (k) => interactionKey(lower(k.user), personKey(k.person), k.kind, toInstant(k.at), k.ref?.trim()), "interactions", "at", report, "interaction");
  checkTopicCycles(sections.topics, resolveTopic, report);
  return resolveTopic;
}

/**
 * A profile URL belongs to one person. A record that gives an email and a
 * profile URL another person already has is refused rather than merged: two
 * records of one person are never joined silently. Someone
 * known by the profile alone gains the record's email, unless that email is
 * already someone else's.
 */
export function checkProfileOwner(person: { email?: string; profileUrl?: string }, known: KnownKeys, report: (message: string) => void): void {
  if (person.email === undefined || person.profileUrl === undefined) return;
  const url = profileKey(person.profileUrl);
  if (!known.profiles.has(url)) return;
  const owner = known.profiles.get(url) ?? null;
  const email = lower(person.email);
  if (owner !== null && owner !== email) report(`${url} is already the profile of ${owner}`);
  if (owner === null && known.emails.has(email)) report(`${url} is already the profile of another person than ${email} (one without an email): the two records would have to be merged first`);
}

/**
 * Each name and alias must belong to one topic only, in the document and in
 * the graph; otherwise a reference to it would be ambiguous. Returns how
 * references resolve: the document's names and aliases over the graph's.
 */
function checkTopicNames(topics: (TopicRecord | undefined)[], graphNames: ReadonlyMap<string, string>, report: Report): TopicResolver {
  // An import replaces the aliases of a topic the document gives aliases for, so the graph's old ones no longer count.
  const replaced = new Set(topics.flatMap((t) => (t?.aliases !== undefined ? [topicKey(t.name)] : [])));
  const graph = new Map([...graphNames].filter(([name, key]) => name === key || !replaced.has(key)));
  const document = new Map<string, { key: string; path: string; topic: number }>();
  each(topics, (t, i) => {
    const key = topicKey(t.name);
    const names: [string, string][] = [[`topics[${i}].name`, t.name], ...(t.aliases ?? []).map((alias, j): [string, string] => [`topics[${i}].aliases[${j}]`, alias])];
    for (const [path, name] of names) {
      const earlier = document.get(topicKey(name));
      if (earlier !== undefined) {
        if (earlier.topic !== i) report(path, `"${name}" is already a name or alias at ${earlier.path}`);
        continue;
      }
      const inGraph = graph.get(topicKey(name));
      if (inGraph !== undefined && inGraph !== key) report(path, `"${name}" is already a name or alias of the topic ${inGraph}`);
      document.set(topicKey(name), { key, path, topic: i });
    }
  });
  return (name) => document.get(topicKey(name))?.key ?? graph.get(topicKey(name));
}

/** The keys of a list of records; a repeated key is reported at its later record. */
function unique<T>(records: (T | undefined)[], keyOf: (record: T) => string, list: string, field: string, report: Report, noun = field): Set<string> {
  const first = new Map<string, number>();
  each(records, (record, index) => {
    const key = keyOf(record);
    const earlier = first.get(key);
    if (earlier !== undefined) report(`${list}[${index}].${field}`, `duplicate ${noun}: same as ${list}[${earlier}]`);
    else first.set(key, index);
  });
  return new Set(first.keys());
}

/**
 * A topic may not be (transitively) broader than itself within the document.
 * Each cycle is reported once, at the `broader` entry that closes it.
 */
function checkTopicCycles(topics: (TopicRecord | undefined)[], resolveTopic: TopicResolver, report: Report): void {
  const indexOf = new Map<string, number>();
  each(topics, (t, i) => indexOf.set(topicKey(t.name), i));
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const nameOf = (key: string) => topics[indexOf.get(key) ?? -1]?.name ?? key;

  const visit = (key: string, index: number) => {
    state.set(key, "open");
    trail.push(key);
    topics[index]?.broader?.forEach((name, j) => {
      const broader = resolveTopic(name);
      const broaderIndex = broader === undefined ? undefined : indexOf.get(broader);
      if (broader === undefined || broaderIndex === undefined) return;
      if (state.get(broader) === "open") {
        const cycle = [...trail.slice(trail.indexOf(broader)), broader].map(nameOf).join(" → ");
        report(`topics[${index}].broader[${j}]`, `cycle in the topic hierarchy: ${cycle}`);
      } else if (!state.has(broader)) {
        visit(broader, broaderIndex);
      }
    });
    trail.pop();
    state.set(key, "done");
  };
  for (const [key, index] of indexOf) if (!state.has(key)) visit(key, index);
}

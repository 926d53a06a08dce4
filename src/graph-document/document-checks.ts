/**
 * The checks that span records: keys repeated within the document, references
 * that resolve neither in the document nor in the graph, self-connections and
 * cycles in the topic hierarchy. Records that failed their own schema are
 * holes (undefined) in the sections and are skipped here.
 */
import { concernKey, eventKey, lower, promiseKey, toInstant, topicKey, type TopicResolver } from "./normalize.js";
import type { ParsedSections } from "./schema.js";
import type { KnownKeys, Problem } from "./validate.js";

type Report = (path: string, message: string) => void;

export function checkDocument(sections: ParsedSections, known: KnownKeys, problems: Problem[]): TopicResolver {
  const report: Report = (path, message) => problems.push({ path, message });
  const each = <T>(records: T[], visit: (record: T, index: number) => void) =>
    records.forEach((record, index) => record !== undefined && visit(record, index));

  const topicNames = new Map(known.topicKeys);
  const firstTopicName = new Map<string, string>();
  each(sections.topics, (t, i) => {
    const key = topicKey(t.name);
    for (const [path, name] of [[`topics[${i}].name`, t.name], ...(t.aliases ?? []).map((a, j) => [`topics[${i}].aliases[${j}]`, a])] as [string, string][]) {
      const earlier = firstTopicName.get(topicKey(name));
      if (earlier !== undefined) report(path, `"${name}" is already a name or alias at ${earlier}`);
      else firstTopicName.set(topicKey(name), path);
      topicNames.set(topicKey(name), key);
    }
  });
  const resolveTopic: TopicResolver = (name) => topicNames.get(topicKey(name));

  const emails = unique(sections.people, (p) => lower(p.email), "people", "email", report);
  const domains = unique(sections.companies, (c) => lower(c.domain), "companies", "domain", report);
  const urls = unique(sections.content, (c) => c.url.trim(), "content", "url", report);
  const person = (email: string) => emails.has(lower(email)) || known.emails.has(lower(email));
  const company = (domain: string) => domains.has(lower(domain)) || known.domains.has(lower(domain));
  const topic = (path: string, name: string) => resolveTopic(name) !== undefined || report(path, `unknown topic ${name}`);
  const needPerson = (path: string, email: string) => person(email) || report(path, `unknown person ${lower(email)}`);
  const needCompany = (path: string, domain: string) => company(domain) || report(path, `unknown company ${lower(domain)}`);

  each(sections.topics, (t, i) => t.broader?.forEach((name, j) => topic(`topics[${i}].broader[${j}]`, name)));
  each(sections.people, (p, i) => {
    if (p.company !== undefined) needCompany(`people[${i}].company`, p.company);
    p.interests?.forEach((interest, j) => topic(`people[${i}].interests[${j}].topic`, interest.topic));
  });
  each(sections.content, (c, i) => c.topics?.forEach((name, j) => topic(`content[${i}].topics[${j}]`, name)));
  each(sections.connections, (k, i) => {
    needPerson(`connections[${i}].a`, k.a);
    needPerson(`connections[${i}].b`, k.b);
    if (lower(k.a) === lower(k.b)) report(`connections[${i}].b`, "a person cannot be connected to themselves");
  });
  unique(sections.connections, (k) => [lower(k.a), lower(k.b)].sort().join(" "), "connections", "b", report, "connection");
  each(sections.engagements, (e, i) => {
    needPerson(`engagements[${i}].person`, e.person);
    if (!urls.has(e.content.trim()) && !known.contentUrls.has(e.content.trim())) report(`engagements[${i}].content`, `unknown content ${e.content.trim()}`);
  });
  unique(sections.engagements, (e) => [lower(e.person), e.content.trim(), e.action, toInstant(e.at)].join(" "), "engagements", "at", report, "engagement");
  each(sections.concerns, (k, i) => {
    needPerson(`concerns[${i}].person`, k.person);
    topic(`concerns[${i}].topic`, k.topic);
  });
  unique(sections.concerns, (k) => concernKey(lower(k.person), resolveTopic(k.topic) ?? topicKey(k.topic), toInstant(k.expressedAt), k.text), "concerns", "text", report, "concern");
  each(sections.events, (e, i) => needCompany(`events[${i}].company`, e.company));
  unique(sections.events, (e) => eventKey(lower(e.company), e.type, toInstant(e.occurredAt)), "events", "occurredAt", report, "event");
  each(sections.promises, (p, i) => {
    if (p.person === undefined && p.company === undefined) report(`promises[${i}]`, "needs a person, a company or both");
    if (p.person !== undefined) needPerson(`promises[${i}].person`, p.person);
    if (p.company !== undefined) needCompany(`promises[${i}].company`, p.company);
    if (p.id === undefined && p.madeAt === undefined) report(`promises[${i}].madeAt`, "required when the promise has no id");
  });
  unique(sections.promises, (p) => promiseKey({ ...p, person: p.person && lower(p.person), company: p.company && lower(p.company), madeAt: p.madeAt && toInstant(p.madeAt) }), "promises", "text", report, "promise");
  each(sections.users, (u, i) => needPerson(`users[${i}].email`, u.email));
  checkTopicCycles(sections, resolveTopic, report);
  return resolveTopic;
}

/** The keys of a section; a repeated key is reported at its later record. */
function unique<T>(records: T[], keyOf: (record: T) => string, section: string, field: string, report: Report, noun = "key"): Set<string> {
  const first = new Map<string, number>();
  records.forEach((record, index) => {
    if (record === undefined) return;
    const key = keyOf(record);
    const earlier = first.get(key);
    if (earlier !== undefined) report(`${section}[${index}].${field}`, `duplicate ${noun}: same as ${section}[${earlier}]`);
    else first.set(key, index);
  });
  return new Set(first.keys());
}

/** A topic may not be (transitively) broader than itself within the document. */
function checkTopicCycles(sections: ParsedSections, resolveTopic: TopicResolver, report: Report): void {
  const broader = new Map<string, string[]>();
  const indexOf = new Map<string, number>();
  sections.topics.forEach((t, i) => {
    if (t === undefined) return;
    indexOf.set(topicKey(t.name), i);
    broader.set(topicKey(t.name), (t.broader ?? []).map(resolveTopic).filter((k): k is string => k !== undefined));
  });
  const state = new Map<string, "visiting" | "done">();
  const visit = (key: string): boolean => {
    if (state.get(key) === "done") return false;
    if (state.get(key) === "visiting") return true;
    state.set(key, "visiting");
    const cyclic = (broader.get(key) ?? []).some(visit);
    state.set(key, "done");
    return cyclic;
  };
  for (const key of broader.keys()) {
    if (state.has(key)) continue;
    if (visit(key)) report(`topics[${indexOf.get(key)}].broader`, "the topic hierarchy has a cycle through this topic");
  }
}

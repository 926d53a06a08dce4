/**
 * Validation of a whole graph document before anything is written. Every
 * problem is reported, each with its JSON path (`people[3].email: invalid
 * email`): record shapes (zod), keys repeated within the document, references
 * to records neither in the document nor already in the graph (`known`),
 * self-connections and cycles in the topic hierarchy.
 *
 * A document is read as a stream (document-source.ts) and checked one record
 * at a time (document-checks.ts). When its sections stand in the order of
 * SECTIONS (as export and the generator write them), every record refers only
 * to sections read before it, so one reading checks everything; otherwise a
 * second reading checks the references. A third is needed only when two
 * records' hashed keys collide, to tell a repeat from a coincidence.
 */
import { DocumentChecker, type KnownKeys, type Problem } from "./document-checks.js";
import { objectItems, type DocumentSource } from "./document-source.js";
import type { DocumentItem } from "./document-tokens.js";
import type { EvidenceSums } from "./evidence-sums.js";
import { normalizeDocument, type NormalizedDocument, type TopicResolver } from "./normalize.js";
import { parseRecord } from "./parse-record.js";
import { DOCUMENT_VERSIONS, SECTIONS, type ParsedSections, type SectionName } from "./schema.js";

export type { KnownKeys, Problem };

export const NO_KNOWN_KEYS: KnownKeys = { emails: new Set(), profiles: new Map(), domains: new Set(), companyNames: new Set(), contentUrls: new Set(), topicKeys: new Map() };

/** What the writer needs of a valid document besides the document itself. */
export interface DocumentPlan {
  resolveTopic: TopicResolver;
  /** The document's sections, in the order they stand in it. */
  order: SectionName[];
  counts: Record<SectionName, number>;
  /** The document's people's evidence bounds, summed from its engagements and concerns. */
  evidence: EvidenceSums;
}

export type StreamValidation = { ok: true; plan: DocumentPlan } | { ok: false; problems: Problem[] };
export type Validation = { ok: true; document: NormalizedDocument } | { ok: false; problems: Problem[] };

type Visit = (section: SectionName, index: number, value: unknown) => void;

/** Validates a document as it streams; the document itself is never held. */
export async function validateDocument(source: DocumentSource, known: KnownKeys = NO_KNOWN_KEYS, onRead?: (items: number) => void): Promise<StreamValidation> {
  const checks = new Checks(known);
  // Neo4j has nothing to do while the document is checked: the tokenizing takes the other core.
  for await (const group of source.read({ onThread: true })) {
    group.forEach((item) => checks.item(item));
    onRead?.(group.length);
  }
  if (!checks.inOrder) await eachRecord(source, (section, index, value) => checks.references(section, index, value));
  if (checks.checker.hasSuspects) {
    const confirm = checks.checker.confirmer();
    await eachRecord(source, (section, index, value) => confirm(section, index, parseRecord(section, value)));
  }
  return checks.result();
}

/** The same validation of a document held in memory, normalized whole: for tests and for callers that build small documents. */
export function validateGraphDocument(input: unknown, known: KnownKeys = NO_KNOWN_KEYS): Validation {
  const checks = new Checks(known);
  const items = [...objectItems(input)].flat();
  items.forEach((item) => checks.item(item));
  const visit = (records: Visit) => eachItem(items, records);
  if (!checks.inOrder) visit((section, index, value) => checks.references(section, index, value));
  if (checks.checker.hasSuspects) {
    const confirm = checks.checker.confirmer();
    visit((section, index, value) => confirm(section, index, parseRecord(section, value)));
  }
  const result = checks.result();
  if (!result.ok) return result;
  const sections = Object.fromEntries(Object.keys(SECTIONS).map((name) => [name, [] as unknown[]])) as Record<SectionName, unknown[]>;
  visit((section, _index, value) => sections[section].push(parseRecord(section, value)));
  return { ok: true, document: normalizeDocument(sections as ParsedSections, result.plan.resolveTopic) };
}

export interface DocumentRecord {
  section: SectionName;
  index: number;
  value: unknown;
}

/** The records of the document's sections, a group at a time, in document order; a section given twice or not known is passed over (Checks reports it). */
export async function* documentRecords(source: DocumentSource): AsyncGenerator<DocumentRecord[]> {
  const filter = new SectionFilter();
  for await (const group of source.read()) {
    const records: DocumentRecord[] = [];
    for (const item of group) {
      if (item.kind === "record" && filter.accepts(item.section)) records.push({ section: item.section as SectionName, index: item.index, value: item.value });
      else if (item.kind === "section") filter.enter(item.name);
    }
    if (records.length > 0) yield records;
  }
}

async function eachRecord(source: DocumentSource, visit: Visit): Promise<void> {
  for await (const group of documentRecords(source)) for (const { section, index, value } of group) visit(section, index, value);
}

function eachItem(items: DocumentItem[], visit: Visit): void {
  const filter = new SectionFilter();
  for (const item of items) {
    if (item.kind === "record" && filter.accepts(item.section)) visit(item.section as SectionName, item.index, item.value);
    else if (item.kind === "section") filter.enter(item.name);
  }
}

class SectionFilter {
  private readonly seen = new Set<string>();
  private current: string | undefined;

  enter(name: string): void {
    this.current = Object.hasOwn(SECTIONS, name) && !this.seen.has(name) ? name : undefined;
    this.seen.add(name);
  }

  accepts(section: string): boolean {
    return section === this.current;
  }
}

class Checks {
  readonly checker: DocumentChecker;
  /** Whether the sections so far stand in the order of SECTIONS, so that references are checked as records arrive. */
  inOrder = true;
  private readonly shapeProblems: Problem[] = [];
  private referenceProblems: Problem[] = [];
  private sink = this.shapeProblems;
  private readonly order: SectionName[] = [];
  private readonly counts = Object.fromEntries(Object.keys(SECTIONS).map((name) => [name, 0])) as Record<SectionName, number>;
  private readonly filter = new SectionFilter();
  private version: unknown;
  private notObject = false;

  constructor(known: KnownKeys) {
    this.checker = new DocumentChecker(known, (path, message) => this.sink.push({ path, message }));
  }

  item(item: DocumentItem): void {
    if (item.kind === "not-object") this.notObject = true;
    else if (item.kind === "field") this.field(item.name, item.value);
    else if (item.kind === "section") this.section(item.name);
    else if (this.filter.accepts(item.section)) this.record(item.section as SectionName, item.index, item.value);
  }

  private field(name: string, value: unknown): void {
    if (name === "version") this.version = value;
    else if (Object.hasOwn(SECTIONS, name)) this.shapeProblems.push({ path: name, message: "must be an array" });
    else this.shapeProblems.push({ path: name, message: "unknown field" });
  }

  private section(name: string): void {
    this.filter.enter(name);
    if (name === "version") this.version = [];
    if (!Object.hasOwn(SECTIONS, name)) {
      if (name !== "version") this.shapeProblems.push({ path: name, message: "unknown field" });
      return;
    }
    const section = name as SectionName;
    if (this.order.includes(section)) {
      this.shapeProblems.push({ path: name, message: "given more than once" });
      return;
    }
    const sections = Object.keys(SECTIONS);
    if (this.inOrder && this.order.some((earlier) => sections.indexOf(earlier) > sections.indexOf(section))) {
      this.inOrder = false;
      this.referenceProblems = [];
      this.checker.resetReferences();
    }
    this.order.push(section);
  }

  private record(section: SectionName, index: number, value: unknown): void {
    this.counts[section] += 1;
    this.sink = this.shapeProblems;
    const record = this.checker.shape(section, index, value);
    if (this.inOrder) this.checkReferences(section, index, record);
  }

  /** A second reading, when the sections were out of order. */
  references(section: SectionName, index: number, value: unknown): void {
    this.checkReferences(section, index, parseRecord(section, value));
  }

  private checkReferences(section: SectionName, index: number, record: unknown): void {
    this.sink = this.referenceProblems;
    this.checker.references(section, index, record);
  }

  result(): StreamValidation {
    if (this.notObject) return { ok: false, problems: [{ path: "$", message: "a graph document must be a JSON object" }] };
    if (!(DOCUMENT_VERSIONS as readonly unknown[]).includes(this.version)) {
      this.shapeProblems.unshift({ path: "version", message: this.version === undefined ? "required: 2 (or 1)" : "unsupported version; expected 2 (or 1)" });
    }
    this.sink = this.referenceProblems;
    const resolveTopic = this.checker.resolveTopics();
    this.checker.finish();
    const problems = [...this.shapeProblems, ...this.referenceProblems];
    if (problems.length > 0) return { ok: false, problems: inDocumentOrder(problems) };
    return { ok: true, plan: { resolveTopic, order: this.order, counts: this.counts, evidence: this.checker.evidence } };
  }
}

/** Problems sorted by where they stand in the document: section, then record (stable within a record). */
function inDocumentOrder(problems: Problem[]): Problem[] {
  const sectionOrder = Object.keys(SECTIONS);
  const position = (path: string): [number, number] => {
    const match = /^(\w+)(?:\[(\d+)\])?/.exec(path);
    return [sectionOrder.indexOf(match?.[1] ?? ""), Number(match?.[2] ?? -1)];
  };
  return problems
    .map((problem, index) => ({ problem, index, at: position(problem.path) }))
    .sort((x, y) => x.at[0] - y.at[0] || x.at[1] - y.at[1] || x.index - y.index)
    .map(({ problem }) => problem);
}

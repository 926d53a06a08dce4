/**
 * Ingestion: messages or meetings, as the parsers read them, into the graph.
 *
 * 1. The team is the workspace's users; the member whose mailbox or calendar
 *    it is must be one of them.
 * 2. Each item becomes interactions (touches.ts), checked with the graph
 *    document's own schema, or is counted as automated, as no evidence about
 *    the team, or as skipped with its position and the reason.
 * 3. Every `batchSize` interactions are written while the next batch is
 *    read: first, in a short transaction of their own, the people and
 *    companies they bring (created only when new; each person once a run,
 *    unless a later header names them), then the interactions, through the
 *    importer's statement, keyed so that reading the same file again changes
 *    nothing. The two lanes share the companies (one domain, many contacts):
 *    written with the interactions, a company stayed locked for the whole of
 *    one lane's write and the other lane waited on it.
 * 4. At the end every pair the file touched is weighed again
 *    (src/relationships/pairs.ts). A run cut short before that is completed by
 *    running it again, which touches the same pairs.
 *
 * Items stream through: memory holds a batch per lane (lanes.ts), the pairs touched and the
 * contacts written, whatever the size of the file.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db/run.js";
import { AppError, ErrorCode } from "../errors.js";
import { lower } from "../graph-document/normalize.js";
import { Progress, type ProgressWriter } from "../graph-document/progress.js";
import { upsertRecords } from "../graph-document/upsert-records.js";
import { inContactOrder, pairsOf, weighPairs, type Pair } from "../relationships/pairs.js";
import { isFreeMailDomain } from "./free-mail.js";
import { InFlight, Lanes } from "./lanes.js";
import { addTouches, MailBatch } from "./mail-batch.js";
import type { MailMessage, MeetingOccurrence, Skipped } from "./records.js";
import { touchesOfMeeting, touchesOfMessage, type Contact, type Team, type Touches } from "./touches.js";

export const DEFAULT_INGEST_BATCH = 2_000;
export const DEFAULT_INGEST_CONCURRENCY = 2;
/** Skipped items listed in a summary; the count covers them all. */
const LISTED_SKIPS = 1_000;
const PAIRS_PER_BATCH = 1_000;

export interface IngestOptions {
  workspace: string;
  /** The member whose mailbox or calendar this is (an email of one of the workspace's users). */
  user: string;
  /** Read and classify everything, write nothing (default false). */
  dryRun?: boolean;
  /** Interactions per write transaction (default 2,000). */
  batchSize?: number;
  /**
   * Write transactions in flight at once (default 2), while the reader goes on
   * reading: one per lane (lanes.ts), so they never lock the same contact.
   */
  concurrency?: number;
  halfLifeDays: number;
  progress?: ProgressWriter;
  /** Called with each skipped item as it is met, e.g. to print it. */
  onSkipped?: (skipped: Skipped) => void;
}

export interface IngestSummary {
  dryRun: boolean;
  /** Messages or meeting occurrences read, skipped ones included. */
  read: number;
  /** Interactions they are evidence of; on a dry run, found. */
  interactions: number;
  /** Of those, new to the workspace, and already known (read before). */
  recorded: number;
  alreadyKnown: number;
  automated: number;
  /** Items between team members only, or outsiders only. */
  withoutTeamContact: number;
  skipped: { count: number; listed: Skipped[] };
  peopleCreated: number;
  companiesCreated: number;
  /** Pairs weighed again, and how many of them are connected afterwards. */
  pairs: number;
  connected: number;
  seconds: number;
  /** Of `seconds`, the part spent weighing pairs after the last batch was written. */
  weighingSeconds: number;
}

type Item = MailMessage | MeetingOccurrence | Skipped;

export async function ingest(db: Db, items: AsyncIterable<Item>, options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const team = await loadTeam(db, options.workspace, options.user);
  const summary: IngestSummary = {
    dryRun: options.dryRun ?? false, read: 0, interactions: 0, recorded: 0, alreadyKnown: 0, automated: 0, withoutTeamContact: 0,
    skipped: { count: 0, listed: [] }, peopleCreated: 0, companiesCreated: 0, pairs: 0, connected: 0, seconds: 0, weighingSeconds: 0,
  };
  const progress = options.progress ? new Progress("ingest", null, options.progress) : undefined;
  const lanes = new Lanes(options.concurrency ?? DEFAULT_INGEST_CONCURRENCY, options.batchSize ?? DEFAULT_INGEST_BATCH, () => new MailBatch());
  const writtenContacts = new WrittenContacts();
  const write = (all = false) => lanes.write((batch) => flush(db, batch, writtenContacts, options, summary), all);
  const touched = new Map<string, Pair>();
  const skip = (skipped: Skipped) => {
    summary.skipped.count += 1;
    if (summary.skipped.listed.length < LISTED_SKIPS) summary.skipped.listed.push(skipped);
    options.onSkipped?.(skipped);
  };

  try {
    await readAll();
  } catch (error) {
    // A reader that fails (an unreadable file, a body over the limit) leaves whole batches: let the ones in flight end first.
    await lanes.settle();
    throw error;
  }
  await lanes.drain();
  const weighingStarted = performance.now();
  if (!summary.dryRun) await weighTouched(db, inContactOrder(touched.values()), options, summary);
  summary.weighingSeconds = Math.round(performance.now() - weighingStarted) / 1000;
  summary.pairs = touched.size;
  progress?.finish();
  summary.seconds = Math.round(performance.now() - started) / 1000;
  return summary;

  async function readAll(): Promise<void> {
    for await (const item of items) {
      summary.read += 1;
      progress?.add(1, "reading");
      if (item.kind === "skipped") {
        skip(item);
        continue;
      }
      const touches = item.kind === "message" ? touchesOfMessage(item, team) : touchesOfMeeting(item, team);
      if (!count(touches, summary)) continue;
      const invalid = addTouches(lanes, touches);
      if (invalid !== null) {
        skip({ kind: "skipped", position: item.position, reason: invalid });
        continue;
      }
      summary.interactions += touches.interactions.length;
      for (const pair of pairsOf(touches.interactions)) touched.set(`${pair.team}\n${pair.contact}`, pair);
      await write();
    }
    await write(true);
  }
}

async function loadTeam(db: Db, workspace: string, user: string): Promise<Team> {
  const users = new Set((await db.read("ingest/team", { workspace })).map((row) => row.email as string));
  const owner = lower(user);
  if (!users.has(owner)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${owner} is not a user of workspace "${workspace}": import them as a user first (the graph document's users)`);
  }
  return { users, owner };
}

/** Counts what is not an interaction; true when the touches are interactions to write. */
function count(touches: Touches, summary: IngestSummary): touches is Extract<Touches, { kind: "interactions" }> {
  if (touches.kind === "automated") summary.automated += 1;
  if (touches.kind === "no-team-contact") summary.withoutTeamContact += 1;
  return touches.kind === "interactions";
}

/**
 * The contacts that committed batches have written: a later batch need not
 * write them again (most of a mailbox's contacts recur in batch after batch).
 * A batch started while the one that creates a person is still in flight
 * does not find them here, so it writes them too, and its MERGE waits for
 * the person where a MATCH would miss them.
 */
class WrittenContacts {
  /** Email → whether the person has a name in the graph, as far as this run knows. */
  private readonly named = new Map<string, boolean>();

  /** Whether the batch must write this contact: new to the run, or a name for someone written without one. */
  needed({ email, name }: Contact): boolean {
    const named = this.named.get(email);
    return named === undefined || (!named && name !== null);
  }

  committed(contacts: readonly Contact[]): void {
    for (const { email, name } of contacts) this.named.set(email, this.named.get(email) === true || name !== null);
  }
}

async function flush(db: Db, batch: MailBatch, written: WrittenContacts, options: IngestOptions, summary: IngestSummary): Promise<void> {
  if (batch.size === 0) return;
  if (options.dryRun) return;
  const { workspace } = options;
  const contacts = [...batch.contacts.values()].filter((contact) => written.needed(contact));
  const rows = contacts.map(({ email, name }) => {
    const domain = email.slice(email.lastIndexOf("@") + 1);
    return { email, name, domain: isFreeMailDomain(domain) ? null : domain, personId: randomUUID(), companyId: randomUUID() };
  });
  if (rows.length > 0) {
    const [created] = await db.transaction("ingest: contacts", (run) => run("ingest/contacts", { workspace, rows }));
    written.committed(contacts);
    summary.peopleCreated += created!.peopleCreated;
    summary.companiesCreated += created!.companiesCreated;
  }
  const interactions = [...batch.interactions.values()];
  const known = await db.transaction("ingest: interactions", async (run) => {
    const upserted = await upsertRecords(run, { interactions }, () => undefined, { workspace });
    const [recorded] = upserted.rows("import/interactions");
    return interactions.length - recorded!.created;
  });
  summary.alreadyKnown += known;
  summary.recorded += interactions.length - known;
}

async function weighTouched(db: Db, pairs: Pair[], options: IngestOptions, summary: IngestSummary): Promise<void> {
  const settings = { nowMs: Date.now(), halfLifeDays: options.halfLifeDays };
  const progress = options.progress ? new Progress("weighing pairs", pairs.length, options.progress) : undefined;
  const weighs = new InFlight(options.concurrency ?? DEFAULT_INGEST_CONCURRENCY);
  for (let offset = 0; offset < pairs.length; offset += PAIRS_PER_BATCH) {
    const slice = pairs.slice(offset, offset + PAIRS_PER_BATCH);
    await weighs.add(async () => {
      const connected = await db.transaction("ingest: connection strengths", (run) => weighPairs(run, options.workspace, slice, settings));
      summary.connected += connected;
      progress?.add(slice.length, "weighing");
    });
  }
  await weighs.drain();
  progress?.finish();
}

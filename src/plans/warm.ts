/**
 * Plans warmed in the background: Neo4j plans each distinct statement the first
 * time it sees it (0.1 to 1 s of CPU on a 100k graph), so a server that has
 * just started, or a segment just saved, would make its first user wait for
 * planning. After the server listens, and after a segment is saved or changed,
 * this runs the statements of every saved segment, of the canonical questions
 * (canonical.ts) and those every filter of a canonical kind shares (a
 * ranking's scoring at each size of its list of ids, the estimates, the
 * lookups a request reads beside them), each once, sequentially, within a
 * time budget.
 *
 * Neo4j does not cache a plan made for EXPLAIN under the statement's own key,
 * and keys a plan by the text and the types of the parameters, lists and
 * strings bucketed by size. So each statement runs as built for a request,
 * with values of the same types and sizes, in a workspace that holds nothing:
 * a name of the served workspace's length that no one uses (it begins with a
 * NUL character). The statements then read only an index or two, and never a
 * row of anyone's data.
 */
import { randomUUID } from "node:crypto";
import type { SegmentItem } from "../db/rows.js";
import type { Db, Statement } from "../db/run.js";
import { DEFAULT_ORDER } from "../filters/ordering.js";
import { prospectsPage, prospectsReadViewer, PROSPECTS_REACH, PROSPECTS_SCORING, type ProspectStatements, type WorkspaceRanking } from "../filters/prospects.js";
import { companiesList, introductionPaths, peopleList, type CompanyStart, type ListStatements, type Scope } from "../filters/statements.js";
import type { CompanyWhere, ConnectedToFilter, EventFilter, PersonWhere } from "../filters/types.js";
import { topLevelInterests } from "../filters/start-choice.js";
import { contenderSearch } from "../scoring-contenders.js";
import { FIRST_FLOOR, searchShares } from "../services/prospect-page.js";
import { eventsEstimate, EVENTS_ESTIMATE, interestsEstimate, INTERESTS_ESTIMATE, reachEstimate, REACH_ESTIMATE } from "../filters/estimates.js";
import { startingPerson } from "../filters/compile.js";
import { integer } from "../db/values.js";
import type { Logger } from "../logger.js";
import { companyFilter, peopleFilter } from "../services/segments.js";
import { canonicalFilters } from "./canonical.js";
import { companyWhereTopics, lookUpTopicIds, personWhereTopics } from "../filters/topic-ids.js";
import { manyByKey } from "../loaders/keyed.js";
import { everyoneScored } from "../services/prospect-ranking.js";

export interface WarmSettings {
  /** The time all the statements of one warming may take; 0 turns warming off. */
  seconds: number;
  shortlistFrom: number;
  /** The workspace served without credentials (dev mode, the demo): its canonical questions are warmed even before it has a segment. */
  workspace: string;
}

export interface WarmReport {
  planned: number;
  failed: number;
  /** Statements left unplanned when the budget ran out. */
  skipped: number;
  ms: number;
}

/** Segments warmed at start at most, the most recently changed first. */
const MAX_SEGMENTS = 500;
/** A page as a list field reads it: its size is a parameter whose type, not value, keys the plan. */
const PAGE = 21;

/** The empty workspace a statement of `workspace` is planned in: the same length, so the same size bucket. */
export function warmingWorkspace(workspace: string): string {
  return `\u0000${"w".repeat(Math.max(0, workspace.length - 1))}`;
}

export class PlanWarmer {
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly db: Db, private readonly settings: WarmSettings, private readonly logger: Logger) {}

  /**
   * At start: every segment, the statements every ranking of a canonical kind
   * shares, and the canonical questions, for the served workspace and for
   * every workspace with a segment.
   */
  atStart(): Promise<WarmReport> {
    return this.enqueue("at start", async () => {
      const segments = (await this.db.read("segment/for-warming", { limit: integer(MAX_SEGMENTS) })).map((row) => row.item);
      const workspaces = [this.settings.workspace, ...segments.map((segment) => String(segment.workspace))];
      const canonical = await canonicalStatements(this.db, workspaces, this.settings.shortlistFrom);
      // Segments first: they are what users come back to. Then what serves every filter of its kind.
      return [...(await this.statementsOf(segments)), ...canonical.filter(isShared), ...canonical];
    });
  }

  /**
   * Only what atStart warms first: what a filter no one has asked before finds
   * planned on a server that has warmed. `withScoring` false leaves out the
   * rankings' scoring, most of it (36 of 48 statements, about 20 s).
   */
  shared(withScoring = true): Promise<WarmReport> {
    return this.enqueue("shared", async () => (await canonicalStatements(this.db, [this.settings.workspace], this.settings.shortlistFrom))
      .filter((statement) => isShared(statement) && (withScoring || statement.name !== PROSPECTS_SCORING)));
  }

  /** After a segment of `workspace` was saved or changed: that workspace's segments (those already planned cost a cache hit and an empty read). */
  segmentsChanged(workspace: string): Promise<WarmReport> {
    return this.enqueue("after a segment changed", async () => {
      const segments = (await this.db.read("segment/all", { workspace })).map((row) => row.item);
      return this.statementsOf(segments.map((segment) => ({ ...segment, workspace })));
    });
  }

  /** What has been asked for so far is done. */
  async idle(): Promise<void> {
    await this.queue;
  }

  stop(): void {
    this.stopped = true;
  }

  /** The segments' statements, their topics looked up one segment at a time: a start may warm hundreds. */
  private async statementsOf(segments: SegmentItem[]): Promise<Statement<unknown>[]> {
    const statements: Statement<unknown>[] = [];
    for (const segment of segments) statements.push(...(await this.segmentStatements(segment)));
    return statements;
  }

  private async segmentStatements(segment: SegmentItem): Promise<Statement<unknown>[]> {
    try {
      const people = peopleFilter(segment);
      const companies = companyFilter(segment);
      const topics = people ? personWhereTopics(people) : companies ? companyWhereTopics(companies) : [];
      const scope = await warmingScope(this.db, String(segment.workspace), this.settings.shortlistFrom, topics);
      if (people) return personStatements(people, scope, true);
      return companies ? companyStatements(companies, scope) : [];
    } catch (error) {
      // A segment saved by an older version may no longer compile; reading it will say so to its reader.
      this.logger.debug({ err: error, segment: segment.id }, "a segment's statements could not be built for warming");
      return [];
    }
  }

  private enqueue(occasion: string, statements: () => Promise<Statement<unknown>[]>): Promise<WarmReport> {
    const settings = this.settings;
    const run = async (): Promise<WarmReport> => {
      const started = performance.now();
      const report: WarmReport = { planned: 0, failed: 0, skipped: 0, ms: 0 };
      if (settings.seconds === 0 || this.stopped) return report;
      const deadline = started + settings.seconds * 1000;
      const seen = new Set<string>();
      for (const statement of await statements()) {
        // Rankings of one kind share their scoring statement: once is enough.
        const key = planKey(statement);
        if (seen.has(key)) continue;
        seen.add(key);
        const left = deadline - performance.now();
        if (this.stopped || left <= 0) {
          report.skipped += 1;
          continue;
        }
        try {
          await this.db.withTxTimeout(Math.ceil(left)).read(statement);
          report.planned += 1;
        } catch (error) {
          report.failed += 1;
          if (!this.stopped) this.logger.debug({ err: error, statement: statement.name }, "planning a statement in the background failed");
        }
      }
      report.ms = Math.round(performance.now() - started);
      if (!this.stopped) this.logger.info({ ...report, occasion }, "planned the canonical questions' and saved segments' statements in the background");
      return report;
    };
    const next = this.queue.then(run, run).catch((error: unknown) => {
      if (!this.stopped) this.logger.warn({ err: error, occasion }, "warming plans failed");
      return { planned: 0, failed: 1, skipped: 0, ms: 0 };
    });
    this.queue = next;
    return next;
  }
}

/**
 * The scope a statement of `workspace` is planned in. The viewer is any id of
 * a person: ids are UUIDs, so this one has their type and size. Each topic key
 * gets as many ids as it matches in `workspace` (the size bucket of a list
 * parameter keys the plan: topic-ids.ts), made up, so that nothing is read.
 */
async function warmingScope(db: Db, workspace: string, shortlistFrom: number, topics: readonly string[]): Promise<Scope> {
  const matched = await lookUpTopicIds(manyByKey(db, workspace, "topic/family"), topics);
  const topicIds = new Map([...matched].map(([key, ids]) => [key, ids.map(() => randomUUID())]));
  return { workspace: warmingWorkspace(workspace), viewerId: randomUUID(), shortlistFrom, topicIds };
}

/** What Neo4j keys a cached plan by: the text, and each parameter's type, with strings and lists by their size bucket. */
function planKey(statement: Statement<unknown>): string {
  const shapes = Object.entries(statement.params).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => {
    if (typeof value === "string" || Array.isArray(value)) return `${name}:${typeof value}:${sizeBucket(value.length)}`;
    return `${name}:${value === null ? "null" : typeof value}`;
  });
  return `${statement.text}\n${shapes.join(",")}`;
}

/** Neo4j's size bucket of a string or a list: 0, 1, then the next power of ten. */
const sizeBucket = (length: number) => (length <= 1 ? length : 10 ** Math.ceil(Math.log10(length)));

/**
 * Each canonical question once per size of workspace name among `workspaces`,
 * with the topic ids of the first workspace of that size; and the lookups
 * that requests read beside a filter's statements, for one key and for a
 * few: topic ids (topic-ids.ts), the people and companies a request names,
 * whose existence is checked (src/services/existence.ts), and the viewer by
 * email (src/context.ts); and once, the API key a request signs in with.
 */
async function canonicalStatements(db: Db, workspaces: string[], shortlistFrom: number): Promise<Statement<unknown>[]> {
  const bySize = new Map(workspaces.map((workspace) => [sizeBucket(workspace.length), workspace]));
  const topics = [...new Set(canonicalFilters("").flatMap((filter) => (filter.list === "companies" ? companyWhereTopics(filter.where) : personWhereTopics(filter.where))))];
  const signIn = db.named(API_KEY_LOOKUP, { hash: "0".repeat(64) });
  const each = await Promise.all([...bySize.values()].map(async (workspace) => {
    const scope = await warmingScope(db, workspace, shortlistFrom, topics);
    const me = scope.viewerId as string;
    const filters = canonicalFilters(me).flatMap((filter) =>
      (filter.list === "companies" ? companyStatements(filter.where, scope) : personStatements(filter.where, scope, filter.list === "prospects")));
    const paths = [
      introductionPaths(scope, { person: me }, { to: randomUUID(), toCompany: null }, 3, 5),
      introductionPaths(scope, { person: me }, { to: null, toCompany: randomUUID() }, 3, 5),
    ];
    const lookups = [[randomUUID()], [randomUUID(), randomUUID()]].flatMap((keys) => LOOKUPS.map((query) => db.named(query, { workspace: scope.workspace, keys })));
    return [db.named(VIEWER_LOOKUP, { workspace: scope.workspace, keys: ["viewer@example.com"] }), ...lookups, ...filters, ...paths];
  }));
  return [signIn, ...each.flat()];
}

function personStatements(where: PersonWhere, scope: Scope, ranked: boolean): Statement<unknown>[] {
  const lists = shortlistings(where.connectedTo, scope).flatMap((shape) => {
    if (!ranked) return listed(peopleList(where, shape, DEFAULT_ORDER, PAGE, null));
    const page = (viewer: Scope) => prospectsStatements(prospectsPage(where, viewer, PAGE, { scoredAt: new Date().toISOString(), after: null }));
    return [...page(shape), ...viewerless(where, () => page({ ...shape, viewerId: null }))];
  });
  const interests = ranked && !where.connectedTo ? topLevelInterests(where).map((names) => interestsEstimate(scope.workspace, names)) : [];
  return [...estimates(where.connectedTo, null, scope), ...interests, ...lists];
}

/**
 * The numbers of people a ranking is warmed for: each the largest of its size
 * bucket (sizeBucket), up to a tenth of a million-person workspace. The scoring
 * statement's text is one per kind of ranking, shared by every filter, so these
 * are planned once for all the segments and questions of that kind.
 */
const SCORED_SIZES = [1, 10, 100, 1_000, 10_000, 100_000];
let scoredIds: string[] | undefined;

/** Lookups by the keys a request names, read beside its filter's statements: topic ids, and the people and companies whose existence is checked. */
const LOOKUPS = ["topic/family", "person/by-ids", "company/by-ids"] as const;
/** The viewer, by the signed-in user's email (src/context.ts). */
const VIEWER_LOOKUP = "person/by-emails";
/** A request's API key, before anything else it reads (src/auth/api-keys.ts). */
const API_KEY_LOOKUP = "auth/api-key-by-hash";
/** The statements whose text does not depend on the filter: a ranking's scoring (prospects.ts), the estimates a start is chosen by (start-choice.ts) and the lookups beside them. */
const SHARED = new Set<string>([PROSPECTS_SCORING, PROSPECTS_REACH, REACH_ESTIMATE, EVENTS_ESTIMATE, INTERESTS_ESTIMATE, ...LOOKUPS, VIEWER_LOOKUP, API_KEY_LOOKUP]);
const isShared = (statement: Statement<unknown>) => SHARED.has(statement.name);

/** The estimates a request of a filter reads before its statements (start-choice.ts). */
function estimates(connectedTo: ConnectedToFilter | null | undefined, hadEvent: EventFilter | null | undefined, scope: Scope): Statement<unknown>[] {
  const from = connectedTo && (connectedTo.team ? { team: true as const } : { anchor: startingPerson(connectedTo.person, scope) });
  return [
    ...(from ? [reachEstimate(scope.workspace, from)] : []),
    ...(hadEvent?.withinDays != null ? [eventsEstimate(scope.workspace, { ...hadEvent, withinDays: hadEvent.withinDays })] : []),
  ];
}

/** A ranking's statements: the filter's ids (and, of the whole workspace, its contenders and count), the viewer's reach, and the scoring of as many people as each size bucket holds (ids no one has). */
function prospectsStatements(page: ProspectStatements): Statement<unknown>[] {
  scoredIds ??= Array.from({ length: Math.max(...SCORED_SIZES) }, () => randomUUID());
  const scored = (ids: string[]) => everyoneScored(page, { ids, evidence: [], reach: new Map() });
  const workspace = page.kind === "workspace" ? workspaceStatements(page) : [];
  return [page.matching, ...workspace, ...SCORED_SIZES.map((size) => scored(scoredIds!.slice(0, size)))];
}

/** A ranking of the whole workspace's own statements: its contenders, as a first round reads them, its count and the viewer's reach. */
function workspaceStatements(page: WorkspaceRanking): Statement<unknown>[] {
  const firstRound = searchShares(contenderSearch(FIRST_FLOOR, Infinity, Date.now())!)[0]!;
  const contenders = page.contenders();
  return [...(contenders.reached ? [contenders.reached] : []), contenders.byEvidence(firstRound), page.count(), ...(page.reach ? [page.reach] : [])];
}

/** A request's statement expanding connectedTo has two texts, for many reached and for few, as its reach estimate decides (start-choice.ts): both are warmed. */
function shortlistings(connectedTo: ConnectedToFilter | null | undefined, scope: Scope): Scope[] {
  return connectedTo ? [{ ...scope, fewReached: false }, { ...scope, fewReached: true }] : [scope];
}

/**
 * Without a connectedTo, the ranking reads from the viewer, whose id is a null parameter when the
 * signed-in user has no person in the workspace (dev mode on an imported graph): another plan. A
 * filter that needs the viewer elsewhere (near, connectedTo without a person) cannot be asked without one.
 */
function viewerless(where: PersonWhere, build: () => Statement<unknown>[]): Statement<unknown>[] {
  if (where.connectedTo || !prospectsReadViewer(where)) return [];
  try {
    return build();
  } catch {
    return [];
  }
}

/** A filter with a windowed hadEvent may start from the events (src/filters/start-choice.ts): both starts are warmed. */
function companyStatements(where: CompanyWhere, scope: Scope): Statement<unknown>[] {
  const starts: CompanyStart[] = where.hadEvent?.withinDays == null ? ["usual"] : ["usual", "events"];
  const lists = starts.flatMap((start) => (start === "usual" ? shortlistings(where.employs?.connectedTo, scope) : [scope])
    .flatMap((shape) => listed(companiesList(where, shape, DEFAULT_ORDER, PAGE, null, start))));
  return [...estimates(where.employs?.connectedTo, where.hadEvent, scope), ...lists];
}

function listed<I>({ page, count }: ListStatements<I>): Statement<unknown>[] {
  return count === null ? [page] : [page, count];
}

/**
 * Where a company filter's statement starts, chosen by cost. A statement
 * reads from one side and tests the rest: a company filter whose employees
 * must be connected to someone (a top-level employs.connectedTo) expands from
 * that person and goes to the employers of the people reached; one whose
 * top-level hadEvent has a window (withinDays) can instead start from the
 * events in that window (an index range) and test each of their companies for
 * the rest of the filter, its employees' connection tested from both ends
 * (person/connected-to-near). The rarest side is the cheapest start: from a
 * well-connected rep, two hops reach 22k people of the generated 100k graph,
 * while a Series B in the last 60 days is rare.
 *
 * The cost of each start is the rows it reads, estimated from the graph
 * (estimates.ts):
 * - from connectedTo: the paths of the expansion, from the starts' degrees and
 *   their connections' degrees (one hop: the first; two: the second; each
 *   further hop multiplies by their ratio, the mean degree of a connection);
 * - from the events: the events, and for each person who works at their
 *   companies, the paths of the test from their end: the mean degree of a
 *   connection to the power of the hops it walks.
 * Without an employs.connectedTo, starting from the events reads a part of
 * what any other start reads (every company, or every person when the
 * employees are shortlisted by topic), so it is taken whenever the window
 * holds fewer than EVENTS_CAP events. Answers are the same from every start;
 * tests/differential/starts.test.ts holds the starts to that.
 *
 * The same estimate of the paths of an expansion says whether a statement
 * that expands connectedTo needs its shortlist steps (shortlist.ts): below
 * Scope.shortlistFrom they would skip themselves, and a text without them is
 * planned in about half the time (Q1 from the user, one hop, on the generated
 * 100k graph: 169 ms against 305). The paths are at least the people reached,
 * so an estimate below the threshold is never a large reach tested person by
 * person, as long as the graph has not grown since it was read.
 *
 * A ranking of the whole workspace starts from its contenders
 * (src/services/prospect-page.ts) when the filter may match at least
 * StartSettings.contendersFrom people (100,000 unless set), by the interests
 * in the topics of a top-level interestedIn, the one kind of condition
 * estimated so far. Below that, or without one, it reads everyone the filter
 * matches: the 20,240 people "interested in CRM" of the generated 100k
 * workspace in 270–320 ms.
 */
import type { Db } from "../db/run.js";
import type { Logger } from "../logger.js";
import { farHops, startingPerson } from "./compile.js";
import { topicKey } from "../graph-document/normalize.js";
import { estimateEvents, estimateInterests, estimateReach, EVENTS_CAP, type Reach, type ReachFrom, type WindowedEvents } from "./estimates.js";
import type { CompanyStart, Scope } from "./statements.js";
import type { CompanyWhere, ConnectedToFilter, PersonWhere } from "./types.js";

/** RAPPORT_FILTER_START: choose by cost, or always take one start where the filter allows it (for tests and comparisons). */
export type StartSetting = "cost" | "connected" | "events";

/** What the choices are made by (config.ts, search). */
export interface StartSettings {
  filterStart: StartSetting;
  /** RAPPORT_CONTENDERS_FROM: the fewest people a filter may match for a ranking of the whole workspace to start from its contenders. */
  contendersFrom: number;
}

export class StartChoice {
  constructor(private readonly db: Db, private readonly settings: StartSettings, private readonly logger?: Logger) {}

  /** The scope for a statement that expands `connectedTo`, with fewReached: whether its reach is below shortlistFrom. */
  async shortlisting(connectedTo: ConnectedToFilter | null | undefined, scope: Scope): Promise<Scope> {
    if (!connectedTo) return scope;
    const reach = await estimateReach(this.db, scope.workspace, connectedTo.team ? { team: true } : { anchor: startingPerson(connectedTo.person, scope) });
    const paths = Math.round(expansionPaths(reach, connectedTo.maxHops ?? 1));
    const fewReached = paths < scope.shortlistFrom;
    this.logger?.debug({ workspace: scope.workspace, fewReached, paths, shortlistFrom: scope.shortlistFrom }, "filter statement shortlisting chosen");
    return { ...scope, fewReached };
  }

  /** Whether a ranking of the whole workspace by `where` (without connectedTo) starts from its contenders. */
  async contendersFirst(where: PersonWhere, scope: Scope): Promise<boolean> {
    const topicSets = topLevelInterests(where);
    if (where.connectedTo || topicSets.length === 0) return false;
    const estimates = await Promise.all(topicSets.map((names) => estimateInterests(this.db, scope.workspace, names)));
    const interests = Math.min(...estimates);
    const contendersFirst = interests >= this.settings.contendersFrom;
    this.logger?.debug({ workspace: scope.workspace, list: "prospects", contendersFirst, interests, contendersFrom: this.settings.contendersFrom }, "ranking start chosen");
    return contendersFirst;
  }

  async companies(where: CompanyWhere, scope: Scope): Promise<CompanyStart> {
    const hadEvent = where.hadEvent;
    if (hadEvent?.withinDays == null || this.settings.filterStart === "connected") return "usual";
    if (this.settings.filterStart === "events") return "events";
    const events = estimateEvents(this.db, scope.workspace, hadEvent as WindowedEvents);
    const connectedTo = where.employs?.connectedTo;
    const from: ReachFrom | null = !connectedTo ? null : connectedTo.team ? { team: true } : { anchor: startingPerson(connectedTo.person, scope) };
    const [matching, reach] = await Promise.all([events, from && estimateReach(this.db, scope.workspace, from)]);
    const hops = connectedTo?.maxHops ?? 1;
    const costs = {
      events: matching.events >= EVENTS_CAP ? Number.POSITIVE_INFINITY : Math.round(matching.events + matching.employees * (reach ? meanDegree(reach) ** farHops(hops) : 1)),
      usual: reach ? Math.round(expansionPaths(reach, hops)) : Number.POSITIVE_INFINITY,
    };
    const start: CompanyStart = costs.events < costs.usual ? "events" : "usual";
    this.logger?.debug({ workspace: scope.workspace, list: "companies", start, costs, estimates: { events: matching, reach } }, "filter statement start chosen");
    return start;
  }
}

/** The topic names of each interestedIn that must hold (not under OR or NOT), as topic keys. */
export function topLevelInterests(where: PersonWhere): string[][] {
  const own = where.interestedIn?.topics ? [where.interestedIn.topics.map(topicKey)] : [];
  return [...own, ...(where.AND ?? []).flatMap(topLevelInterests)];
}

/** The mean degree of the starts' connections: how many more paths each further hop makes. */
function meanDegree(reach: Reach): number {
  return reach.firstHop === 0 ? 0 : reach.secondHop / reach.firstHop;
}

/** The paths of an expansion of `hops` from the starts. */
function expansionPaths(reach: Reach, hops: number): number {
  return hops <= 1 ? reach.firstHop : reach.secondHop * meanDegree(reach) ** (hops - 2);
}

/**
 * Which tracked events are engagements, and of which action. Event names are
 * matched without regard to case or surrounding blanks. A `page` call is looked
 * up as "Page Viewed". A workspace may add entries or override these with
 * setTrackingActions; an entry without an action makes its event record nothing.
 */
import { ENGAGEMENT_ACTIONS } from "../graph-document/schema.js";

export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number];

/** What a `page` call is looked up as in the table. */
export const PAGE_EVENT = "Page Viewed";

/** The default table, documented in docs/signals.md and on Query.trackingActions. */
export const DEFAULT_TRACKING_ACTIONS: ReadonlyArray<readonly [string, EngagementAction]> = [
  ["Whitepaper Downloaded", "DOWNLOADED"],
  ["White Paper Downloaded", "DOWNLOADED"],
  ["Asset Downloaded", "DOWNLOADED"],
  ["Report Downloaded", "DOWNLOADED"],
  ["Ebook Downloaded", "DOWNLOADED"],
  ["Webinar Attended", "ATTENDED"],
  ["Event Attended", "ATTENDED"],
  ["Content Viewed", "READ"],
  ["Article Read", "READ"],
  ["Video Watched", "READ"],
  [PAGE_EVENT, "READ"],
  ["Content Shared", "SHARED"],
  ["Content Liked", "LIKED"],
  ["Comment Posted", "COMMENTED"],
  ["Content Commented", "COMMENTED"],
];

/** How the workspace's own entries are stored: an action of IGNORED means "records nothing". */
export const IGNORED = "IGNORED";

export interface TrackingAction {
  event: string;
  action: EngagementAction | null;
  /** True when the workspace set this entry, false when it is the default's. */
  custom: boolean;
}

export function eventKey(event: string): string {
  return event.trim().toLowerCase();
}

/** The table in force: the default's entries, overridden and extended by the workspace's own (stored as parallel lists). */
export function trackingTable(events: readonly string[], actions: readonly string[]): TrackingAction[] {
  const table = new Map<string, TrackingAction>(DEFAULT_TRACKING_ACTIONS.map(([event, action]) => [eventKey(event), { event, action, custom: false }]));
  events.forEach((event, index) => {
    const action = actions[index];
    table.set(eventKey(event), { event, action: action === IGNORED || action === undefined ? null : (action as EngagementAction), custom: true });
  });
  return [...table.values()];
}

/** The action of an event in a table; undefined when the event is not an engagement. */
export function actionOf(table: readonly TrackingAction[], event: string): EngagementAction | undefined {
  return table.find((entry) => eventKey(entry.event) === eventKey(event))?.action ?? undefined;
}

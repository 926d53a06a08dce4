/**
 * What `npm run ingest` and POST /ingest/* read: mail or calendars, from
 * paths or a request's body, as one stream of items for ingest().
 */
import { readCalendar } from "./read-calendar.js";
import { readMail } from "./read-mail.js";
import type { IngestSource, MailMessage, MeetingOccurrence, Skipped } from "./records.js";

export const INGEST_KINDS = ["mail", "calendar"] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];

/** Every item of every source, in order; meetings count up to `now`. */
export async function* itemsOf(kind: IngestKind, sources: IngestSource[], now: Date): AsyncGenerator<MailMessage | MeetingOccurrence | Skipped> {
  for (const source of sources) {
    yield* kind === "mail" ? readMail(source) : readCalendar(source, { now });
  }
}

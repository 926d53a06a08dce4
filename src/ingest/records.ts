/**
 * The records that the mail and calendar readers hand to whatever builds
 * relationships from them. They carry METADATA only — who wrote to or met whom,
 * and when — never a subject, a body or an event's title: the readers do not
 * even decode those. Every record says where it came from (Position), so a
 * user can find the message or event behind any figure, and every input that
 * yields no relationship yields a Skipped with a reason instead of vanishing.
 */
import type { Readable } from "node:stream";

/** A mailbox: an email address and the display name written beside it. */
export interface Address {
  /** Trimmed and lower-cased; always a syntactically plausible local@domain.tld. */
  email: string;
  /** The display name, RFC 2047 encoded words decoded, trimmed; null when none was written. */
  name: string | null;
}

/** Where a record came from. */
export interface Position {
  /** The file the record was read from, as given or found by walking a directory; for a stream, the name it was given (e.g. "request body"). */
  source: string;
  /**
   * 1-based number of the message (in an mbox) or event (VEVENT, in file
   * order) within that source. 0 when the Skipped stands for the whole source
   * (e.g. a file that is neither mail nor iCalendar).
   */
  index: number;
  /** The Message-ID (without angle brackets) or the event's UID, when the source has one. */
  id: string | null;
}

/** One mail message, reduced to who wrote to whom and when. */
export interface MailMessage {
  kind: "message";
  position: Position;
  /**
   * Identifies the message across re-reads: the Message-ID without angle
   * brackets, trimmed, case kept; when the message has none, "sha256:" and the
   * hex SHA-256 of its raw header block, so reading the same file again gives
   * the same key.
   */
  key: string;
  /** When it was written, from the Date header, its zone offset honoured. Never a stand-in such as "now". */
  at: Date;
  /** The first usable address of the From header. */
  from: Address;
  /**
   * Recipients. An address appears at most once across to, cc and bcc (in the
   * first of those in which it is written); group syntax is flattened; invalid
   * addresses are dropped. The sender stays in a list when they wrote to themselves.
   */
  to: Address[];
  cc: Address[];
  bcc: Address[];
  /**
   * null for mail written by a person; otherwise why it is machine mail, e.g.
   * "List-Id header", "Precedence: bulk", "Auto-Submitted: auto-replied",
   * "no-reply sender". A consumer records nothing for automated mail.
   */
  automated: string | null;
}

/** One occurrence of a meeting that has taken place (its start is at or before the reader's `now`). */
export interface MeetingOccurrence {
  kind: "meeting";
  /** position.id is the event's UID; index is the number of the VEVENT that holds the series. */
  position: Position;
  /** The UID, "@", and the occurrence's start as an ISO instant (e.g. "abc@2024-03-05T09:00:00.000Z"). */
  key: string;
  /** The occurrence's start, as an instant (a moved occurrence: where it was moved to). */
  at: Date;
  /** The ORGANIZER's mailto: address; null when there is none or it is not an email address. */
  organizer: Address | null;
  /** ATTENDEEs with a mailto: address, the organizer and those with PARTSTAT=DECLINED left out, each once. */
  attendees: Address[];
}

/** An input that yields no relationship, and why. */
export interface Skipped {
  kind: "skipped";
  position: Position;
  /** Why, in words a user can act on (e.g. "no Date header", "cancelled", "unknown time zone \"Mars/Olympus\""). */
  reason: string;
}

/** Where the readers read from: a file or directory path, or a stream with a name for Positions. */
export type IngestSource = { path: string } | { stream: Readable; name: string };

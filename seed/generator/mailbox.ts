/**
 * A realistic mbox for tests and benchmarks of the mail reader: a team's mail
 * with the people it deals with, as mail clients and servers really write it.
 * The same options give the same bytes: randomness comes only from the seed
 * (one stream per message, so message i is drawn without the ones before it)
 * and time only from `now`.
 *
 * What it holds: mail from team users to external people and back (replies
 * both ways, answering a message up to 30 before), some internal mail, CC
 * lists, folded headers, RFC 2047 names (UTF-8 base64 and ISO-8859-1
 * quoted-printable), quoted "Last, First" names, bare addresses, assorted
 * zone offsets, messages without Message-ID, body lines that start with
 * "From " or ">From " (quoted as mboxrd requires), mailing-list and no-reply
 * mail (automated) and a few messages whose Date is missing or unreadable.
 * Dates rise with the message number over the two years before `now`.
 * External people work at a handful of company domains, ~15% use free mail.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { affinePermutation, Random } from "./random.js";
import { COMPANY_ENDINGS, COMPANY_ROOTS, FIRST_NAMES, LAST_NAMES } from "./vocabulary.js";

export interface MailboxOptions {
  messages: number;
  seed: number;
  now: Date;
  /** The team's email addresses. */
  users: readonly string[];
  /** How many external people the team writes with. */
  externals: number;
}

/** What was written, for a reader's counts to be checked against. */
export interface MailboxSummary {
  messages: number;
  /** Messages whose Date is missing or unreadable: a reader must skip them. */
  brokenDate: number;
  /** Mailing-list and no-reply mail. */
  automated: number;
}

interface Person {
  email: string;
  name: string | null;
}

type Kind = "original" | "reply" | "automated" | "broken-date";

interface Participants {
  from: Person;
  to: Person[];
  cc: Person[];
  reply: boolean;
  /** The headers that make mail automated, for newsletters. */
  listHeaders: string[];
}

const KINDS: readonly (readonly [Kind, number])[] = [["original", 58], ["reply", 33], ["automated", 8], ["broken-date", 1]];
const COMPANY_COUNT = 6;
const FREE_MAIL = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "gmx.de", "icloud.com"];
const FREE_MAIL_SHARE = 0.15;
const ACCENTED_FIRST_NAMES = ["Zoë", "José", "Renée", "Søren", "Łukasz", "Jürgen", "Chloé", "Björn", "Zoltán", "Tomáš"];
const ZONES = ["+0000", "+0100", "+0200", "-0500", "-0800", "+0530", "+0900", "-0300"];
const UNREADABLE_DATES = ["sometime last week", "Tue, 3 Dec 2024 14:20:00", "31 Feb 2024 10:00:00 +0000", "0"];
const SUBJECTS = ["Quarterly review", "Proposal draft", "Next steps", "Intro call", "Contract renewal", "Pilot results", "Pricing question", "Meeting notes"];
const BODY_LINES = [
  "Thanks for the time today.", "Attached is the latest version.", "Could we find a slot next week?", "Looping in my colleague.",
  "Let me know what you think.", "Happy to walk you through it.", "See the numbers below.", "Best regards,",
];
const DAY_MS = 86_400_000;
const SPAN_MS = 730 * DAY_MS;
const MAX_REPLY_DISTANCE = 30;
const CHUNK_CHARS = 256 * 1024;

/** Writes `options.messages` messages to `out`, waiting for 'drain' when it is full; leaves `out` open. */
export async function writeMailbox(out: Writable, options: MailboxOptions): Promise<MailboxSummary> {
  const mailbox = new Mailbox(options);
  const summary: MailboxSummary = { messages: options.messages, brokenDate: 0, automated: 0 };
  let chunk = "";
  for (let index = 0; index < options.messages; index++) {
    const kind = mailbox.kindOf(index);
    if (kind === "broken-date") summary.brokenDate += 1;
    if (kind === "automated") summary.automated += 1;
    chunk += mailbox.message(index, kind);
    if (chunk.length >= CHUNK_CHARS) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  if (chunk && !out.write(chunk)) await once(out, "drain");
  return summary;
}

class Mailbox {
  private readonly team: Person[];
  private readonly domains: string[];
  private readonly nameOf: (index: number) => number;

  constructor(private readonly options: MailboxOptions) {
    if (options.users.length === 0 || options.externals < 1) throw new RangeError("a mailbox needs at least one user and one external person");
    this.team = options.users.map((email) => ({ email, name: nameFromEmail(email) }));
    const random = new Random(options.seed, "mailbox-companies");
    // Consecutive roots from a random start: distinct domains.
    const firstRoot = random.int(0, COMPANY_ROOTS.length - 1);
    this.domains = Array.from({ length: COMPANY_COUNT }, (_, at) => `${COMPANY_ROOTS[(firstRoot + at) % COMPANY_ROOTS.length]}${random.pick(COMPANY_ENDINGS)}.example`.toLowerCase());
    this.nameOf = affinePermutation(FIRST_NAMES.length * LAST_NAMES.length, random);
  }

  kindOf(index: number): Kind {
    return new Random(this.options.seed, "mailbox-kind", index).weighted(KINDS);
  }

  message(index: number, kind: Kind): string {
    const random = new Random(this.options.seed, "mailbox-message", index);
    const at = this.dateOf(index, random);
    const { from, to, cc, reply, listHeaders } = this.participants(index, kind);
    const relay = `mail${random.int(1, 9)}.${from.email.split("@")[1]}`;
    const headers = [
      `Received: from ${relay} (${relay} [192.0.2.${random.int(1, 254)}])`,
      `\tby mx.${this.team[0]!.email.split("@")[1]} with ESMTPS id ${hex(random, 12)};`,
      `\t${rfc5322Date(at, "+0000")}`,
      ...(random.chance(0.03) ? [] : [`Message-ID: <${hex(random, 16)}.${index}@${relay}>`]),
      ...(kind === "broken-date" ? brokenDateHeader(random) : [`Date: ${rfc5322Date(at, random.pick(ZONES))}`]),
      `From: ${mailbox(from, random)}`,
      ...addressHeader("To", to, random),
      ...addressHeader("Cc", cc, random),
      `Subject: ${reply ? "Re: " : ""}${random.pick(SUBJECTS)}`,
      ...listHeaders,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
    ];
    const body = Array.from({ length: random.int(2, 6) }, () => random.pick(BODY_LINES));
    if (random.chance(0.05)) body.splice(1, 0, "From the notes of our last call:");
    if (random.chance(0.03)) body.splice(1, 0, ">From an earlier message");
    return `From ${from.email} ${asctime(at)}\n${headers.join("\n")}\n\n${body.map(quoteFromLine).join("\n")}\n\n`;
  }

  /** Message dates rise with the index over the span, with a few hours of jitter. */
  private dateOf(index: number, random: Random): Date {
    const start = this.options.now.getTime() - SPAN_MS;
    const step = SPAN_MS / Math.max(1, this.options.messages);
    return new Date(Math.min(this.options.now.getTime(), Math.floor(start + index * step + random.next() * Math.min(step, DAY_MS / 4))));
  }

  /**
   * Who writes to whom in message `index`, drawn from a stream of its own so
   * that a reply can redraw the message it answers. A reply answers a first
   * message up to MAX_REPLY_DISTANCE before, from one of its recipients to its
   * sender; when that message is not a first message, it is a first message itself.
   */
  private participants(index: number, kind: Kind): Participants {
    const random = new Random(this.options.seed, "mailbox-people", index);
    if (kind === "automated") return this.automated(random);
    if (kind === "reply") {
      const target = index - random.int(1, MAX_REPLY_DISTANCE);
      if (target >= 0 && this.kindOf(target) === "original") {
        const original = this.participants(target, "original");
        return { from: random.pick(original.to), to: [original.from], cc: original.cc, reply: true, listHeaders: [] };
      }
    }
    return this.original(random);
  }

  /** A first message: a user writes to people at one company (or to a colleague), or one of them writes to the team. */
  private original(random: Random): Participants {
    const user = random.pick(this.team);
    const colleagues = this.team.filter((person) => person !== user);
    const external = this.external(random.int(0, this.options.externals - 1));
    const others = Array.from({ length: random.int(0, 2) }, () => this.colleagueOf(external, random));
    const cc = random.chance(0.3) && colleagues.length > 0 ? [random.pick(colleagues)] : [];
    const direction = random.next();
    const mail = (from: Person, to: Person[], copied: Person[]): Participants => ({ from, to, cc: copied, reply: false, listHeaders: [] });
    if (direction < 0.5) return mail(user, [external, ...others], cc);
    if (direction < 0.9) return mail(external, [user], [...others, ...cc]);
    return mail(user, colleagues.length > 0 ? [random.pick(colleagues)] : [external], []);
  }

  /** A company's newsletter (List-Id, Precedence: bulk) or a notification from its no-reply address, to a user. */
  private automated(random: Random): Participants {
    const domain = random.pick(this.domains);
    const to = [random.pick(this.team)];
    if (random.chance(0.5)) return { from: { email: `news@${domain}`, name: "Newsletter" }, to, cc: [], reply: false, listHeaders: [`List-Id: Updates <updates.${domain}>`, "Precedence: bulk"] };
    return { from: { email: `notifications-noreply@${domain}`, name: null }, to, cc: [], reply: false, listHeaders: [] };
  }

  /** External person k: a name from the vocabulary, at a company domain or, for ~15%, at a free-mail provider. */
  private external(k: number): Person {
    const random = new Random(this.options.seed, "mailbox-external", k);
    const nameIndex = this.nameOf(k % (FIRST_NAMES.length * LAST_NAMES.length));
    const first = FIRST_NAMES[nameIndex % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(nameIndex / FIRST_NAMES.length)]!;
    const local = `${first}.${last}${k >= FIRST_NAMES.length * LAST_NAMES.length ? k : ""}`.toLowerCase();
    const domain = random.chance(FREE_MAIL_SHARE) ? random.pick(FREE_MAIL) : this.domains[k % COMPANY_COUNT]!;
    const shownFirst = random.chance(0.15) ? random.pick(ACCENTED_FIRST_NAMES) : first;
    return { email: `${local}@${domain}`, name: random.chance(0.1) ? null : `${shownFirst} ${last}` };
  }

  /** Someone at the same company as `person` (external people of one company are every COMPANY_COUNT-th). */
  private colleagueOf(person: Person, random: Random): Person {
    const k = random.int(0, Math.max(0, Math.floor((this.options.externals - 1) / COMPANY_COUNT))) * COMPANY_COUNT;
    const domainIndex = this.domains.indexOf(person.email.split("@")[1]!);
    return this.external(Math.min(this.options.externals - 1, k + Math.max(0, domainIndex)));
  }
}

/** A display name as mail clients write it: plain, quoted "Last, First", RFC 2047 encoded when not ASCII, or none. */
function mailbox(person: Person, random: Random): string {
  if (!person.name) return person.email;
  const [first, ...rest] = person.name.split(" ");
  if (!/^[\x20-\x7e]*$/.test(person.name)) return `${encodedWord(person.name, random)} <${person.email}>`;
  if (rest.length > 0 && random.chance(0.1)) return `"${rest.join(" ")}, ${first}" <${person.email}>`;
  return `${person.name} <${person.email}>`;
}

/** RFC 2047: ISO-8859-1 quoted-printable when the name fits Latin-1 (as older clients write), else UTF-8 base64. */
function encodedWord(name: string, random: Random): string {
  const latin1 = /^[\x00-\xff]*$/.test(name);
  if (latin1 && random.chance(0.5)) {
    const encoded = [...Buffer.from(name, "latin1")].map((byte) => (/[A-Za-z0-9]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : byte === 0x20 ? "_" : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`));
    return `=?ISO-8859-1?Q?${encoded.join("")}?=`;
  }
  return `=?UTF-8?B?${Buffer.from(name, "utf8").toString("base64")}?=`;
}

/** "To: a, b" on one line, or folded with one address per continuation line when it would pass 76 characters. */
function addressHeader(field: string, people: Person[], random: Random): string[] {
  if (people.length === 0) return [];
  const written = people.map((person) => mailbox(person, random));
  const line = `${field}: ${written.join(", ")}`;
  return line.length <= 76 ? [line] : written.map((address, at) => `${at === 0 ? `${field}: ` : " "}${address}${at < written.length - 1 ? "," : ""}`);
}

function brokenDateHeader(random: Random): string[] {
  return random.chance(0.5) ? [] : [`Date: ${random.pick(UNREADABLE_DATES)}`];
}

/** mboxrd: a body line that starts with "From ", after any number of ">", gets one more ">". */
function quoteFromLine(line: string): string {
  return /^>*From /.test(line) ? `>${line}` : line;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Tue, 3 Dec 2024 14:20:00 +0100": the instant as the clock in zone `offset` shows it. */
function rfc5322Date(at: Date, offset: string): string {
  const minutes = (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3)));
  const local = new Date(at.getTime() + minutes * 60_000);
  return `${DAYS[local.getUTCDay()]}, ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${clock(local)} ${offset}`;
}

/** The From_ line's date: asctime, in UTC. */
function asctime(at: Date): string {
  return `${DAYS[at.getUTCDay()]} ${MONTHS[at.getUTCMonth()]} ${String(at.getUTCDate()).padStart(2, " ")} ${clock(at)} ${at.getUTCFullYear()}`;
}

function clock(at: Date): string {
  return [at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()].map((part) => String(part).padStart(2, "0")).join(":");
}

function hex(random: Random, length: number): string {
  let text = "";
  while (text.length < length) text += Math.floor(random.next() * 16).toString(16);
  return text;
}

/** "ann.lee@acme.io" → "Ann Lee". */
function nameFromEmail(email: string): string {
  return email.split("@")[0]!.split(/[._-]+/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join(" ");
}

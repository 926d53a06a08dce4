/**
 * readMail: mail files and streams → one MailMessage or Skipped per message.
 *
 * What it reads: an mbox (mboxrd; From_ lines, LF or CRLF), a single message
 * (an .eml file, a Maildir file, a request body), or a directory of them,
 * walked recursively in sorted order. Which of the two a file or stream is, is
 * read from its content, not its name: an mbox starts with a "From " line, a
 * message with a header field. Any other file (an index such as Thunderbird's
 * .msf, a stray .DS_Store, a PDF) yields one Skipped for the whole file
 * (index 0) and the walk goes on; so does an empty file, and a symbolic link,
 * which is not followed.
 *
 * What it guarantees: memory stays flat whatever the size of the input — an
 * mbox is read one message at a time, and of a single message only the header
 * block is read. Every message yields exactly one record, in input order.
 * Files that cannot be opened are errors, not Skipped: they are not the data's fault.
 */
import { toMailRecord } from "./mail-message.js";
import { headerBlockOf } from "./mail-headers.js";
import { isBlankLine, LineSplitter, splitMbox } from "./mbox-splitter.js";
import type { IngestSource, MailMessage, Skipped } from "./records.js";
import { inputsOf, type SourceInput } from "./source-files.js";

/** RFC 5322's longest line: a first line longer than this without a colon is not a header field. */
const MAX_LINE = 998;
/** Where a single message's header block is cut if no blank line has ended it: a message without a body can be a whole file. */
const MAX_HEADER_BLOCK = 1024 * 1024;
const HEADER_FIELD_START = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

export async function* readMail(source: IngestSource): AsyncGenerator<MailMessage | Skipped> {
  for await (const input of inputsOf(source)) {
    if ("reason" in input) yield wholeSourceSkipped(input.name, input.reason);
    else yield* readMailInput(input);
  }
}

async function* readMailInput({ name, chunks }: SourceInput): AsyncGenerator<MailMessage | Skipped> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head = await readFirstLine(iterator);
  const rest = replay(head, iterator);
  const start = Buffer.concat(head);
  if (start.length === 0) yield wholeSourceSkipped(name, "empty");
  else if (start.subarray(0, 5).toString("latin1") === "From ") yield* readMbox(name, rest);
  else if (HEADER_FIELD_START.test(start.toString("latin1", 0, MAX_LINE))) yield toMailRecord(await readHeaderBlock(rest), { source: name, index: 1 });
  else {
    await iterator.return?.();
    yield wholeSourceSkipped(name, 'neither an mbox (no leading "From " line) nor a mail message (no header field on the first line)');
  }
}

async function* readMbox(name: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<MailMessage | Skipped> {
  let index = 0;
  for await (const lines of splitMbox(chunks)) {
    index += 1;
    yield toMailRecord(headerBlockOf(lines), { source: name, index });
  }
}

/** A single message's header block (at most MAX_HEADER_BLOCK bytes of it); the rest of the input is left unread. */
async function readHeaderBlock(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const splitter = new LineSplitter();
  const lines: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    for (const line of splitter.push(chunk)) {
      if (isBlankLine(line) || size > MAX_HEADER_BLOCK) return Buffer.concat(lines);
      lines.push(line);
      size += line.length;
    }
  }
  lines.push(...splitter.end());
  return Buffer.concat(lines);
}

/** The first chunks, up to the end of the first line (or MAX_LINE bytes): enough to tell an mbox from a message. */
async function readFirstLine(iterator: AsyncIterator<Buffer>): Promise<Buffer[]> {
  const head: Buffer[] = [];
  let length = 0;
  while (length < MAX_LINE) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
    if (next.value.includes(0x0a)) break;
  }
  return head;
}

/** The chunks already read, then the rest. */
async function* replay(head: Buffer[], iterator: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } finally {
    await iterator.return?.();
  }
}

function wholeSourceSkipped(source: string, reason: string): Skipped {
  return { kind: "skipped", position: { source, index: 0, id: null }, reason };
}

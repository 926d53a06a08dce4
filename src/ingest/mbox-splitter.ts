/**
 * Splits a byte stream into lines, and an mbox into messages, holding at most
 * one message at a time: memory follows the largest message, not the file.
 *
 * The mbox rules are mboxrd's: a message starts at a line beginning "From "
 * at the start of the file or after a blank line (that "From_" line is the
 * envelope, not part of the message); body lines the writer quoted as
 * ">From ", ">>From " … lose one ">". The blank line a writer puts between two
 * messages is not part of either. Lines end in LF or CRLF; both are kept as
 * written, so a message's bytes (and a hash of them) do not depend on how the
 * mbox was split.
 */

const LF = 0x0a;
const CR = 0x0d;
const FROM_ = Buffer.from("From ");
const QUOTED_FROM = /^>+From /;

/** Cuts chunks into lines (each with its line ending, if any); a line may span many chunks. */
export class LineSplitter {
  /** The pieces of a line not yet ended: joined once, when its LF arrives, however many chunks it spans. */
  private partial: Buffer[] = [];

  push(chunk: Buffer): Buffer[] {
    const lines: Buffer[] = [];
    let start = 0;
    for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, end + 1);
      if (this.partial.length === 0) lines.push(piece);
      else {
        this.partial.push(piece);
        lines.push(Buffer.concat(this.partial));
        this.partial = [];
      }
      start = end + 1;
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
    return lines;
  }

  /** The last line, when the input does not end with a line ending. */
  end(): Buffer[] {
    const rest = this.partial.length > 0 ? [Buffer.concat(this.partial)] : [];
    this.partial = [];
    return rest;
  }
}

export function isBlankLine(line: Buffer): boolean {
  return line.length === 0 || (line.length === 1 && line[0] === LF) || (line.length === 2 && line[0] === CR && line[1] === LF);
}

/** Cuts an mbox into messages, each a list of its lines (envelope line dropped, quoted From lines unquoted). */
export class MboxSplitter {
  private readonly lines = new LineSplitter();
  /** The message being read; null until the first From_ line (text before it belongs to no message). */
  private message: Buffer[] | null = null;
  private afterBlankLine = true;

  push(chunk: Buffer): Buffer[][] {
    return this.take(this.lines.push(chunk), false);
  }

  end(): Buffer[][] {
    return this.take(this.lines.end(), true);
  }

  private take(lines: Buffer[], last: boolean): Buffer[][] {
    const complete: Buffer[][] = [];
    for (const line of lines) {
      if (this.afterBlankLine && startsWithFrom(line)) {
        if (this.message) complete.push(withoutSeparator(this.message));
        this.message = [];
      } else if (this.message) {
        this.message.push(line[0] === 0x3e && QUOTED_FROM.test(line.toString("latin1", 0, 64)) ? line.subarray(1) : line);
      }
      this.afterBlankLine = isBlankLine(line);
    }
    if (last && this.message) {
      complete.push(withoutSeparator(this.message));
      this.message = null;
    }
    return complete;
  }
}

/** Reads an mbox stream message by message. */
export async function* splitMbox(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer[]> {
  const splitter = new MboxSplitter();
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

function startsWithFrom(line: Buffer): boolean {
  return line.length >= FROM_.length && line.compare(FROM_, 0, FROM_.length, 0, FROM_.length) === 0;
}

/** Drops the blank line that separates a message from the next From_ line. */
function withoutSeparator(message: Buffer[]): Buffer[] {
  const last = message[message.length - 1];
  if (last && isBlankLine(last)) message.pop();
  return message;
}

import { describe, expect, it } from "vitest";
import { LineSplitter, MboxSplitter, splitMbox } from "../../../src/ingest/mbox-splitter.js";

/** Feeds `text` to a splitter in chunks of `size` bytes, so lines and From_ lines straddle chunk ends. */
function split(text: string, size: number): string[] {
  const splitter = new MboxSplitter();
  const bytes = Buffer.from(text);
  const messages: Buffer[][] = [];
  for (let at = 0; at < bytes.length; at += size) messages.push(...splitter.push(bytes.subarray(at, at + size)));
  messages.push(...splitter.end());
  return messages.map((lines) => Buffer.concat(lines).toString());
}

const MBOX = [
  "From alice@acme.io Mon Jan  1 10:00:00 2024",
  "From: alice@acme.io",
  "Subject: one",
  "",
  "Hello",
  ">From the start, a quoted line",
  ">>From deeper",
  "From inside a paragraph is not a separator",
  "",
  "From bob@globex.com Tue Jan  2 11:00:00 2024",
  "From: bob@globex.com",
  "",
  "Second",
  "",
].join("\n");

describe("MboxSplitter (mboxrd)", () => {
  it.each([1, 3, 7, 64, 100_000])("splits at From_ lines after a blank line and unquotes >From lines by one > (chunks of %i bytes)", (size) => {
    expect(split(MBOX, size)).toEqual([
      "From: alice@acme.io\nSubject: one\n\nHello\nFrom the start, a quoted line\n>From deeper\nFrom inside a paragraph is not a separator\n",
      "From: bob@globex.com\n\nSecond\n",
    ]);
  });

  it("keeps CRLF line endings as written and drops the separating blank line", () => {
    const crlf = MBOX.replaceAll("\n", "\r\n");
    const [first, second] = split(crlf, 5);
    expect(first).toBe("From: alice@acme.io\r\nSubject: one\r\n\r\nHello\r\nFrom the start, a quoted line\r\n>From deeper\r\nFrom inside a paragraph is not a separator\r\n");
    expect(second).toBe("From: bob@globex.com\r\n\r\nSecond\r\n");
  });

  it("reads a last message without a final line ending, and a message with no body", () => {
    expect(split("From a Mon Jan  1 10:00:00 2024\nFrom: a@b.io\n\nFrom b Mon Jan  1 10:00:00 2024\nFrom: b@c.io", 4)).toEqual(["From: a@b.io\n", "From: b@c.io"]);
  });

  it("yields nothing for text before the first From_ line, or for no From_ line at all", () => {
    expect(split("no mbox here\n\nreally\n", 3)).toEqual([]);
  });

  it("streams: splitMbox yields each message as soon as its successor starts", async () => {
    async function* chunks(): AsyncGenerator<Buffer> {
      yield Buffer.from("From a Mon Jan  1 10:00:00 2024\nFrom: a@b.io\n\n");
      yield Buffer.from("From b Mon Jan  1 10:00:00 2024\nFrom: b@c.io\n");
    }
    const seen: string[] = [];
    for await (const lines of splitMbox(chunks())) seen.push(Buffer.concat(lines).toString());
    expect(seen).toEqual(["From: a@b.io\n", "From: b@c.io\n"]);
  });
});

describe("LineSplitter", () => {
  it("joins a line that spans many chunks once, keeping its line ending", () => {
    const splitter = new LineSplitter();
    const lines = [..."abc\r\ndef".split("").flatMap((char) => splitter.push(Buffer.from(char))), ...splitter.end()];
    expect(lines.map(String)).toEqual(["abc\r\n", "def"]);
  });
});

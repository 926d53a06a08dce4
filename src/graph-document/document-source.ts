/**
 * A graph document as a stream of its records, so that an import never holds
 * the whole document: a file is read with stream-json's tokenizer and each
 * record of a section is assembled alone, then dropped once handled. A source
 * can be read again from its start, since an import reads it twice (validate,
 * then write). A document already in memory (the demo, the write API's tests)
 * is a source too, read in the order of SECTIONS, so both take one path.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import parser from "stream-json/parser.js";
import Assembler from "stream-json/assembler.js";
import { SECTIONS } from "./schema.js";

export type DocumentItem =
  /** A top-level field holding an array; its records follow. */
  | { kind: "section"; name: string }
  | { kind: "record"; section: string; index: number; value: unknown }
  /** A top-level field holding anything but an array (the version, or a section given wrongly). */
  | { kind: "field"; name: string; value: unknown }
  /** The document is not a JSON object; nothing else follows. */
  | { kind: "not-object" };

export interface DocumentSource {
  /** The document's items in the order they stand, a few at a time; each call reads it again from its start. */
  read(): AsyncIterable<DocumentItem[]>;
}

/** The document is not well-formed JSON. */
export class DocumentSyntaxError extends Error {}

/** Items are handed on in groups of this many, so that the async iteration costs little per record. */
const ITEMS_PER_GROUP = 512;

export function fileDocument(file: string): DocumentSource {
  return { read: () => tokenized(() => fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) };
}

/**
 * A document that arrives once (standard input, a request body), kept in a
 * temporary file while `use` reads it, since an import reads it twice.
 */
export async function spooledDocument<T>(input: Readable, use: (source: DocumentSource) => Promise<T>): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "rapport-import-"));
  try {
    const file = path.join(dir, "document.json");
    await pipeline(input, fs.createWriteStream(file));
    return await use(fileDocument(file));
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

export function objectDocument(input: unknown): DocumentSource {
  return {
    async *read() {
      yield* objectItems(input);
    },
  };
}

/** The items of a document held in memory: its sections in the order of SECTIONS, then any other field. */
export function* objectItems(input: unknown): Generator<DocumentItem[]> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    yield [{ kind: "not-object" }];
    return;
  }
  const raw = input as Record<string, unknown>;
  const fields = [...Object.keys(SECTIONS).filter((name) => Object.hasOwn(raw, name)), ...Object.keys(raw).filter((name) => !Object.hasOwn(SECTIONS, name))];
  for (const name of fields) {
    const value = raw[name];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      yield [{ kind: "field", name, value }];
      continue;
    }
    yield [{ kind: "section", name }];
    for (let offset = 0; offset < value.length; offset += ITEMS_PER_GROUP) {
      yield value.slice(offset, offset + ITEMS_PER_GROUP).map((record, i): DocumentItem => ({ kind: "record", section: name, index: offset + i, value: record }));
    }
  }
}

/**
 * Tokens → items. Depth 1 is the document object, depth 2 a section array;
 * a value that starts at depth 2 is a record, assembled on its own. The
 * tokenizer is paused while the reader has a full group it has not taken.
 */
async function* tokenized(open: () => NodeJS.ReadableStream & fs.ReadStream): AsyncGenerator<DocumentItem[]> {
  const text = open();
  const tokens = parser.asStream({ streamValues: false });
  let ready: DocumentItem[] = [];
  const groups: DocumentItem[][] = [];
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const emit = (item: DocumentItem) => {
    ready.push(item);
    if (ready.length < ITEMS_PER_GROUP) return;
    groups.push(ready);
    ready = [];
    if (groups.length > 2) tokens.pause();
    notify();
  };

  let depth = 0;
  let field: string | null = null;
  let inArray = false;
  let index = 0;
  let record: Assembler | null = null;
  let value: Assembler | null = null;
  const finishValue = (assembled: unknown) => {
    if (inArray) emit({ kind: "record", section: field as string, index: index++, value: assembled });
    else emit({ kind: "field", name: field as string, value: assembled });
  };
  tokens.on("data", (token: parser.Token) => {
    const assembler = record ?? value;
    if (assembler) {
      assembler.consume(token);
      if (assembler.done) {
        finishValue(assembler.current);
        record = value = null;
      }
      return;
    }
    if (depth === 0) {
      if (token.name === "startObject") depth = 1;
      else {
        // Nothing of a document that is not an object is read further.
        depth = -1;
        ready.push({ kind: "not-object" });
        ended = true;
        notify();
      }
      return;
    }
    if (depth === -1) return;
    if (depth === 1) {
      if (token.name === "keyValue") {
        field = token.value;
        return;
      }
      if (token.name === "endObject") {
        depth = 0;
        return;
      }
      if (token.name === "startArray") {
        depth = 2;
        inArray = true;
        index = 0;
        emit({ kind: "section", name: field as string });
        return;
      }
      inArray = false;
    } else if (token.name === "endArray") {
      depth = 1;
      inArray = false;
      return;
    }
    // A value at depth 1 (a field) or 2 (a record): a scalar is whole in one token, an object or array is assembled.
    if (token.name === "startObject" || token.name === "startArray") {
      const assembler = new Assembler();
      assembler.consume(token);
      if (inArray) record = assembler;
      else value = assembler;
      return;
    }
    finishValue(scalar(token));
  });
  const fail = (error: Error) => {
    failure ??= error;
    notify();
  };
  tokens.on("error", (error: Error) => fail(new DocumentSyntaxError(error.message)));
  text.on("error", fail);
  tokens.on("end", () => {
    ended = true;
    notify();
  });
  text.pipe(tokens);

  try {
    for (;;) {
      if (failure) throw failure;
      const group = groups.shift();
      if (group) {
        if (groups.length <= 1) tokens.resume();
        yield group;
        continue;
      }
      if (ended) {
        if (ready.length > 0) yield ready;
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    text.destroy();
    tokens.destroy();
  }
}

function scalar(token: parser.Token): unknown {
  switch (token.name) {
    case "stringValue":
      return token.value;
    case "numberValue":
      return Number(token.value);
    case "nullValue":
      return null;
    case "trueValue":
      return true;
    case "falseValue":
      return false;
    default:
      return undefined;
  }
}

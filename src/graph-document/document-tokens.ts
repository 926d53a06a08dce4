/**
 * A graph document file as items: read with stream-json's tokenizer, each
 * record of a section assembled alone and handed on with its place, then
 * dropped by whoever reads it, so that no reading holds the whole document.
 * A file may be tokenized on the reading thread, or on a worker thread of its
 * own (tokenize-worker.ts) for a reader with work enough of its own.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import parser from "stream-json/parser.js";
import Assembler from "stream-json/assembler.js";

export type DocumentItem =
  /** A top-level field holding an array; its records follow. */
  | { kind: "section"; name: string }
  | { kind: "record"; section: string; index: number; value: unknown }
  /** A top-level field holding anything but an array (the version, or a section given wrongly). */
  | { kind: "field"; name: string; value: unknown }
  /** The document is not a JSON object; nothing else follows. */
  | { kind: "not-object" };

/** The document is not well-formed JSON. */
export class DocumentSyntaxError extends Error {}

/** Items are handed on in groups of this many, so that the async iteration costs little per record. */
export const ITEMS_PER_GROUP = 512;

/** A file's items, tokenized on the reading thread. */
export function fileItems(file: string): AsyncGenerator<DocumentItem[]> {
  return tokenized(() => fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }));
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

/** What a reading thread asks of its worker (tokenize-worker.ts). */
export interface TokenizeWork {
  file: string;
  /** Groups it may have read before the reader takes them. */
  ahead: number;
}

/** What the worker posts: a group of items, the end (null), or why it stopped. */
export type TokenizeMessage = DocumentItem[] | null | { failure: string; syntax: boolean };

/** Groups a worker may have read before the reader takes them. */
const GROUPS_AHEAD = 8;

/**
 * The worker holds a few groups and the file's next chunk, far less than
 * this; without a limit V8 may let a heap grow unswept. A million-person
 * import peaked at 983 MB without these limits and 978 MB with them (834
 * before the checking had a worker): that peak is not the worker's.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/**
 * The worker's entry: its compiled module, or, run from the TypeScript
 * sources (tsx, vitest), a bootstrap that loads the source through tsx,
 * whose loader a worker does not inherit.
 */
function tokenizeWorker(): [string | URL, { eval?: boolean }] {
  const typescript = fileURLToPath(import.meta.url).endsWith(".ts");
  if (!typescript) return [new URL("./tokenize-worker.js", import.meta.url), {}];
  const entry = new URL("./tokenize-worker.ts", import.meta.url).href;
  return [`import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`, { eval: true }];
}

/**
 * A file's items, tokenized on a worker thread (tokenize-worker.ts). Measured
 * on the 100k-person document (2.3 million items), read whole twice each
 * way: this thread busy 7.8–10.1 s tokenizing, 3.2–3.3 s taking the items
 * from a worker; the process's CPU 8.9–11.8 s and 15.7–16.4 s.
 */
export async function* itemsOnThread(file: string): AsyncGenerator<DocumentItem[]> {
  const work: TokenizeWork = { file, ahead: GROUPS_AHEAD };
  const [entry, options] = tokenizeWorker();
  const worker = new Worker(entry, { ...options, workerData: work, resourceLimits: WORKER_HEAP });
  const messages: TokenizeMessage[] = [];
  let stopped: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on("message", (message: TokenizeMessage) => {
    messages.push(message);
    notify();
  });
  worker.on("error", (error) => {
    stopped ??= error;
    notify();
  });
  worker.on("exit", (code) => {
    stopped ??= new Error(`the document's reading thread stopped (exit code ${code})`);
    notify();
  });
  try {
    for (;;) {
      if (messages.length === 0) {
        if (stopped) throw stopped;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const message = messages.shift()!;
      if (message === null) return;
      if (!Array.isArray(message)) throw message.syntax ? new DocumentSyntaxError(message.failure) : new Error(message.failure);
      worker.postMessage(0);
      yield message;
    }
  } finally {
    await worker.terminate();
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

/**
 * A graph document as a stream of its records, so that an import never holds
 * the whole document: a file is read as items (document-tokens.ts). A source
 * can be read again from its start, since an import reads it twice (validate,
 * then write). A document already in memory (the demo, the write API's tests)
 * is a source too, read in the order of SECTIONS, so both take one path.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileItems, itemsOnThread, ITEMS_PER_GROUP, type DocumentItem } from "./document-tokens.js";
import { SECTIONS } from "./schema.js";

export interface DocumentSource {
  /** The document's items in the order they stand, a few at a time; each call reads it again from its start. */
  read(options?: ReadOptions): AsyncIterable<DocumentItem[]>;
}

export interface ReadOptions {
  /**
   * Tokenize on a worker thread of its own (default false): for a reading
   * whose reader has a core's worth of work of its own with each record, as
   * the checking has while Neo4j has nothing to do. Only a file of at least
   * `threadFromBytes` is (fileDocument); any other source ignores it.
   */
  onThread?: boolean;
}

/**
 * Starting the worker costs about half a second under tsx, and a thread
 * saves the reader about 13 ms a megabyte (measured on the 100k-person
 * document: document-tokens.ts, itemsOnThread): smaller files are read on
 * the reader's thread whatever it asks.
 */
export const THREAD_FROM_BYTES = 64 * 2 ** 20;

export function fileDocument(file: string, threadFromBytes = THREAD_FROM_BYTES): DocumentSource {
  return { read: (options) => (options?.onThread && fs.statSync(file).size >= threadFromBytes ? itemsOnThread(file) : fileItems(file)) };
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


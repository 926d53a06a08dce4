/**
 * Opens what the readers read: a file, every file under a directory, or a
 * stream, as a sequence of byte chunks with the name Positions give it.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { IngestSource } from "./records.js";

/** One input to read: its chunks, and its name in Positions. */
export interface SourceInput {
  name: string;
  chunks: AsyncIterable<Buffer>;
}

/** What a directory walk found that is not a file to read; the reader reports it. */
export interface SourceNotRead {
  name: string;
  reason: string;
}

/**
 * The inputs of a source. A directory is walked recursively, entries sorted
 * by name (code-unit order, so the order is the same on every machine),
 * depth first; symbolic links are not followed (a link can loop back to a
 * parent) and are reported instead, as are sockets and other special files.
 */
export async function* inputsOf(source: IngestSource): AsyncGenerator<SourceInput | SourceNotRead> {
  if ("stream" in source) {
    // The stream is the caller's (an HTTP request, say): reading only a message's header block must not destroy it.
    yield { name: source.name, chunks: bytesOf(source.stream.iterator({ destroyOnReturn: false })) };
    return;
  }
  if ((await stat(source.path)).isDirectory()) yield* walk(source.path);
  else yield fileInput(source.path);
}

async function* walk(directory: string): AsyncGenerator<SourceInput | SourceNotRead> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(entryPath);
    else if (entry.isFile()) yield fileInput(entryPath);
    else yield { name: entryPath, reason: entry.isSymbolicLink() ? "symbolic link, not followed" : "not a regular file" };
  }
}

function fileInput(filePath: string): SourceInput {
  return { name: filePath, chunks: fileBytes(filePath) };
}

/** Opens the file only when its first chunk is asked for, and closes it when reading stops. */
async function* fileBytes(filePath: string): AsyncGenerator<Buffer> {
  yield* bytesOf(createReadStream(filePath, { highWaterMark: 256 * 1024 }));
}

/** A stream's chunks as Buffers, whether it was opened in binary or in text mode. */
async function* bytesOf(chunks: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
}

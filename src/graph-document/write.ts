/**
 * Writes a graph document as JSON to a stream, section by section and one
 * record per line, awaiting 'drain' when the stream is full — so a document of
 * millions of records is written in constant memory, and the file diffs and
 * greps well. Sections may be sync or async iterables; empty ones are left out.
 * Resolves with the number of records written per section.
 */
import type { Writable } from "node:stream";
import { DOCUMENT_VERSION } from "./schema.js";

export type SectionSource = Iterable<unknown> | AsyncIterable<unknown>;

export async function writeGraphDocument(sections: Record<string, SectionSource>, out: Writable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await write(out, `{\n  "version": ${DOCUMENT_VERSION}`);
  for (const [name, records] of Object.entries(sections)) {
    let count = 0;
    for await (const record of records) {
      await write(out, `${count === 0 ? `,\n  ${JSON.stringify(name)}: [\n` : ",\n"}    ${JSON.stringify(record)}`);
      count += 1;
    }
    if (count > 0) await write(out, "\n  ]");
    counts[name] = count;
  }
  await write(out, "\n}\n");
  return counts;
}

function write(out: Writable, chunk: string): Promise<void> {
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off("error", onError);
      resolve();
    };
    const onError = (error: Error) => {
      out.off("drain", onDrain);
      reject(error);
    };
    out.once("drain", onDrain);
    out.once("error", onError);
  });
}

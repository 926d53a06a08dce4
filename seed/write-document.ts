/**
 * Streams a generated graph to a Writable as one JSON graph document: section
 * by section in document order, one record per line, awaiting 'drain' when
 * the stream is full (the format and backpressure are those of export, see
 * src/graph-document/write.ts), so 1.5 million connections never sit in
 * memory as text. Each record is written as JSON.stringify writes it; empty
 * sections are left out. Resolves with the number of records per section.
 */
import type { Writable } from "node:stream";
import type { SectionName } from "../src/graph-document/schema.js";
import { writeGraphDocument as writeSections, type SectionSource } from "../src/graph-document/write.js";
import type { GeneratedGraph } from "./generator.js";

/** Called once per record, as it is handed to the stream: for progress reports. */
export type RecordListener = (section: SectionName) => void;

export async function writeGraphDocument(graph: GeneratedGraph, out: Writable, onRecord?: RecordListener): Promise<Record<SectionName, number>> {
  const sections: Record<string, SectionSource> = {};
  for (const name of Object.keys(graph) as SectionName[]) {
    const records: Iterable<unknown> = graph[name]();
    sections[name] = onRecord ? observed(records, () => onRecord(name)) : records;
  }
  return (await writeSections(sections, out)) as Record<SectionName, number>;
}

function* observed<T>(records: Iterable<T>, onRecord: () => void): Generator<T> {
  for (const record of records) {
    onRecord();
    yield record;
  }
}

/**
 * npm run bench -- <benchmark> [options]. Benchmarks print figures and ratios;
 * they are run by hand, not by the test suite, because 2-core machines are noisy.
 *   import    import a generated graph (see bench/import.ts)
 *   queries   the canonical questions, GraphQL over HTTP beside raw Cypher (see bench/queries.ts)
 *   ingest    ingest a generated mailbox, beside reading it alone (see bench/ingest.ts)
 *   track     tracking events accepted per second over the Segment API (see bench/track.ts)
 *   load      steady load from 1, 8, 32 clients, and the write path (see bench/load.ts)
 *   contacts  ingest a generated LinkedIn export: rows/s and peak RSS (see bench/contacts.ts)
 *   anchor    the canonical questions beside the Neo4j GraphQL Library on the same store (see bench/anchor.ts)
 *   growth    the import and the canonical questions at 100k, 300k and 1M people (see bench/growth.ts)
 */
import { runCli, UsageError } from "../src/cli/run-cli.js";
import { anchorBenchmark } from "./anchor.js";
import { contactsBenchmark } from "./contacts.js";
import { growthBenchmark } from "./growth.js";
import { importBenchmark } from "./import.js";
import { ingestBenchmark } from "./ingest.js";
import { loadBenchmark } from "./load.js";
import { queriesBenchmark } from "./queries.js";
import { trackBenchmark } from "./track.js";

const BENCHMARKS: Record<string, (argv: string[]) => Promise<void>> = {
  import: importBenchmark, queries: queriesBenchmark, ingest: ingestBenchmark, track: trackBenchmark, load: loadBenchmark, contacts: contactsBenchmark,
  anchor: anchorBenchmark, growth: growthBenchmark,
};

runCli(async () => {
  const [name, ...argv] = process.argv.slice(2);
  const benchmark = name ? BENCHMARKS[name] : undefined;
  if (!benchmark) throw new UsageError(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [options]`);
  await benchmark(argv);
  return 0;
});

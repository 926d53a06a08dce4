/**
 * npm run bench -- <benchmark> [options]. Benchmarks print figures and ratios;
 * they are run by hand, not by the test suite, because 2-core machines are noisy.
 *   import    import a generated graph (see bench/import.ts)
 */
import { runCli, UsageError } from "../src/cli/run-cli.js";
import { importBenchmark } from "./import.js";

const BENCHMARKS: Record<string, (argv: string[]) => Promise<void>> = { import: importBenchmark };

runCli(async () => {
  const [name, ...argv] = process.argv.slice(2);
  const benchmark = name ? BENCHMARKS[name] : undefined;
  if (!benchmark) throw new UsageError(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [options]`);
  await benchmark(argv);
  return 0;
});

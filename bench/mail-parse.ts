/**
 * How fast readMail reads an mbox, and in how much memory: generates an mbox
 * of N messages (default 50,000; seed/generator/mailbox.ts) to a temporary
 * file, reads it back with readMail and prints messages/s and the peak RSS
 * while reading. Run by hand: npx tsx bench/mail-parse.ts [messages]
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { writeMailbox } from "../seed/generator/mailbox.js";
import { readMail } from "../src/ingest/read-mail.js";

const messages = Number(process.argv[2] ?? 50_000);
const directory = await mkdtemp(path.join(tmpdir(), "rapport-mail-bench-"));
try {
  const file = path.join(directory, "bench.mbox");
  const out = createWriteStream(file);
  const users = ["ann.lee@acme.io", "bob.stone@acme.io", "carol.diaz@acme.io", "dan.wu@acme.io"];
  const summary = await writeMailbox(out, { messages, seed: 1, now: new Date("2026-11-22T09:30:00Z"), users, externals: 5_000 });
  out.end();
  await finished(out);
  const bytes = (await stat(file)).size;

  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  const counts = { message: 0, skipped: 0, automated: 0 };
  const started = performance.now();
  for await (const record of readMail({ path: file })) {
    counts[record.kind] += 1;
    if (record.kind === "message" && record.automated) counts.automated += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());

  const mib = (value: number) => `${(value / 2 ** 20).toFixed(0)} MiB`;
  console.log(`mbox: ${messages.toLocaleString("en")} messages, ${mib(bytes)} (written: ${summary.brokenDate} broken Date, ${summary.automated} automated)`);
  console.log(`read: ${counts.message} messages (${counts.automated} automated), ${counts.skipped} skipped in ${seconds.toFixed(2)} s`);
  console.log(`      ${Math.round(messages / seconds).toLocaleString("en")} messages/s, ${(bytes / 2 ** 20 / seconds).toFixed(0)} MiB/s`);
  console.log(`rss:  ${mib(rssBefore)} before reading, peak ${mib(peakRss)} while reading`);
} finally {
  await rm(directory, { recursive: true, force: true });
}

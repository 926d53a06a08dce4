/**
 * The mailbox generator (seed/generator/mailbox.ts) writes the same bytes for
 * the same options, and readMail reads back what it wrote: one record per
 * message, the broken dates skipped, the automated mail marked.
 */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writeMailbox, type MailboxOptions, type MailboxSummary } from "../../../seed/generator/mailbox.js";
import { isFreeMailDomain } from "../../../src/ingest/free-mail.js";
import { readMail } from "../../../src/ingest/read-mail.js";
import type { MailMessage, Skipped } from "../../../src/ingest/records.js";
import { slowSink } from "../../support/slow-sink.js";

const NOW = new Date("2026-11-22T09:30:00Z");
const USERS = ["ann.lee@acme.io", "bob.stone@acme.io", "carol@acme.io"];
const OPTIONS: MailboxOptions = { messages: 3000, seed: 42, now: NOW, users: USERS, externals: 400 };

/** Through a slow sink, so the generator has to wait for 'drain' again and again. */
async function generate(options: MailboxOptions): Promise<{ text: Buffer; summary: MailboxSummary }> {
  const { sink, finish } = slowSink();
  const summary = await writeMailbox(sink, options);
  return { text: await finish(), summary };
}

const { text, summary } = await generate(OPTIONS);

async function readBack(bytes: Buffer): Promise<(MailMessage | Skipped)[]> {
  const records: (MailMessage | Skipped)[] = [];
  for await (const record of readMail({ stream: Readable.from([bytes]), name: "generated.mbox" })) records.push(record);
  return records;
}

describe("writeMailbox", () => {
  it("writes the same bytes for the same options, and others for another seed", async () => {
    expect((await generate(OPTIONS)).text.equals(text)).toBe(true);
    expect((await generate({ ...OPTIONS, seed: 43 })).text.equals(text)).toBe(false);
  });

  it("writes what readMail reads back: one record per message, broken dates skipped, automated mail marked", async () => {
    const records = await readBack(text);
    expect(records).toHaveLength(OPTIONS.messages);
    expect(records.map((record) => record.position.index)).toEqual(Array.from({ length: OPTIONS.messages }, (_, at) => at + 1));
    const skipped = records.filter((record): record is Skipped => record.kind === "skipped");
    const messages = records.filter((record): record is MailMessage => record.kind === "message");
    expect(summary.brokenDate).toBeGreaterThan(0);
    expect(skipped).toHaveLength(summary.brokenDate);
    expect(skipped.every((record) => /Date/.test(record.reason))).toBe(true);
    expect(summary.automated).toBeGreaterThan(0);
    expect(messages.filter((message) => message.automated !== null)).toHaveLength(summary.automated);
  });

  it("writes mail as it is in the wild: replies both ways, CC, encoded and quoted names, free mail, no Message-ID, quoted From lines", async () => {
    const messages = (await readBack(text)).filter((record): record is MailMessage => record.kind === "message" && record.automated === null);
    const isTeam = (email: string) => USERS.includes(email);
    expect(messages.some((message) => isTeam(message.from.email) && message.to.some((to) => !isTeam(to.email)))).toBe(true);
    expect(messages.some((message) => !isTeam(message.from.email) && message.to.some((to) => isTeam(to.email)))).toBe(true);
    expect(messages.filter((message) => message.cc.length > 0).length).toBeGreaterThan(messages.length / 10);
    const names = messages.flatMap((message) => [message.from, ...message.to, ...message.cc]).map((address) => address.name ?? "");
    expect(names.some((name) => /[^\x00-\x7f]/.test(name))).toBe(true);
    expect(names.some((name) => name.includes(", "))).toBe(true);
    expect(messages.some((message) => isFreeMailDomain(message.from.email.split("@")[1]!))).toBe(true);
    expect(messages.some((message) => message.key.startsWith("sha256:"))).toBe(true);
    const twoYearsAgo = NOW.getTime() - 731 * 86_400_000;
    expect(messages.every((message) => message.at.getTime() >= twoYearsAgo && message.at <= NOW)).toBe(true);
    const source = text.toString("utf8");
    expect(source).toMatch(/^>From /m);
    expect(source).toMatch(/^>>From /m);
    expect(source).toMatch(/^To: .*,\n .*/m);
  });
});

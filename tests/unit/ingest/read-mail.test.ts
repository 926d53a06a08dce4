import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailMessage, Skipped } from "../../../src/ingest/records.js";
import { readMail } from "../../../src/ingest/read-mail.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rapport-mail-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(source: Parameters<typeof readMail>[0]): Promise<(MailMessage | Skipped)[]> {
  const records: (MailMessage | Skipped)[] = [];
  for await (const record of readMail(source)) records.push(record);
  return records;
}

async function readOne(headers: string[], body = "Hi\n"): Promise<MailMessage | Skipped> {
  const [record, ...rest] = await collect({ stream: Readable.from([`${headers.join("\r\n")}\r\n\r\n${body}`]), name: "request body" });
  expect(rest).toEqual([]);
  return record!;
}

function message(record: MailMessage | Skipped | undefined): MailMessage {
  if (record?.kind !== "message") throw new Error(`expected a message, got ${JSON.stringify(record)}`);
  return record;
}

const mbox = (...messages: string[][]): string => messages.map((lines) => `From sender@example.com Mon Dec  2 10:00:00 2024\n${lines.join("\n")}\n\n`).join("");

describe("readMail: headers as real mail writes them", () => {
  it("reads folded headers, encoded names, quoted names with commas, several recipients, groups and zone offsets", async () => {
    const record = message(
      await readOne([
        "Received: from mx.example.net by mail.acme.io; Tue, 3 Dec 2024 14:20:00 +0100",
        "Message-ID:",
        " <CAF=3d+x@Mail.Example.COM>",
        "Date: Tue, 3 Dec 2024",
        " 14:20:00 -0500 (EST)",
        "From: =?UTF-8?B?Wm/DqyBNw7xsbGVy?= <Zoe.Muller@Globex.COM>",
        'To: "Rivera, Chuck" <chuck@x.io>, Ann Lee <ann@acme.io>,',
        "\tbob@acme.io, not-an-address, =?ISO-8859-1?Q?Andr=E9_Dupont?= <andre@initech.fr>",
        "Cc: Project team: carol@acme.io, \"Dan\" <dan@acme.io>;, ANN@acme.io",
        "Cc: undisclosed-recipients:;",
        "Bcc: eve@acme.io, chuck@x.io",
        "Subject: =?UTF-8?Q?never_read?=",
      ]),
    );
    expect(record).toEqual({
      kind: "message",
      position: { source: "request body", index: 1, id: "CAF=3d+x@Mail.Example.COM" },
      key: "CAF=3d+x@Mail.Example.COM",
      at: new Date("2024-12-03T19:20:00.000Z"),
      from: { email: "zoe.muller@globex.com", name: "Zoë Müller" },
      to: [
        { email: "chuck@x.io", name: "Rivera, Chuck" },
        { email: "ann@acme.io", name: "Ann Lee" },
        { email: "bob@acme.io", name: null },
        { email: "andre@initech.fr", name: "André Dupont" },
      ],
      cc: [
        { email: "carol@acme.io", name: null },
        { email: "dan@acme.io", name: "Dan" },
      ],
      bcc: [{ email: "eve@acme.io", name: null }],
      automated: null,
    });
  });

  it("reads UTF-8 written raw in headers (RFC 6532)", async () => {
    const record = message(await readOne(["Date: Tue, 3 Dec 2024 14:20:00 +0000", "From: Jürgen Groß <juergen@beispiel.de>"]));
    expect(record.from).toEqual({ email: "juergen@beispiel.de", name: "Jürgen Groß" });
    expect(record.to).toEqual([]);
  });

  it("skips a message without a Date, never dating it now", async () => {
    const record = await readOne(["Message-ID: <a@b>", "From: a@acme.io", "To: b@acme.io"]);
    expect(record).toEqual({ kind: "skipped", position: { source: "request body", index: 1, id: "a@b" }, reason: "no Date header" });
  });

  it.each([
    ["Date: next Tuesday", 'unreadable Date "next Tuesday"'],
    ["Date: Tue, 3 Dec 2024 14:20:00", 'Date "Tue, 3 Dec 2024 14:20:00" has no zone offset'],
    ["Date:", 'unreadable Date ""'],
  ])("skips a message whose Date cannot be read (%s)", async (dateLine, reason) => {
    expect(await readOne([dateLine, "From: a@acme.io"])).toMatchObject({ kind: "skipped", reason });
  });

  it.each([
    [[], "no From header"],
    [["From: undisclosed"], 'no usable address in From "undisclosed"'],
    [["From: Team: ;"], 'no usable address in From "Team: ;"'],
  ])("skips a message without a usable From (%j)", async (fromLines, reason) => {
    expect(await readOne(["Date: Tue, 3 Dec 2024 14:20:00 +0000", ...fromLines, "To: b@acme.io"])).toMatchObject({ kind: "skipped", reason });
  });

  it("keys a message without Message-ID by the hash of its header block, the same on every read and in every container", async () => {
    const headers = ["Date: Tue, 3 Dec 2024 14:20:00 +0000", "From: a@acme.io", "To: b@acme.io"];
    const first = message(await readOne(headers, "one body"));
    const again = message(await readOne(headers, "another body"));
    expect(first.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(again.key).toBe(first.key);
    expect(first.position.id).toBeNull();
    const eml = path.join(dir, "no-id.eml");
    await writeFile(eml, `${headers.join("\r\n")}\r\n\r\nbody\r\n`);
    expect(message((await collect({ path: eml }))[0]).key).toBe(first.key);
  });
});

describe("readMail: automated mail", () => {
  const base = ["Date: Tue, 3 Dec 2024 14:20:00 +0000", "To: b@acme.io"];
  it.each([
    [["From: news@globex.com", "List-Id: Globex news <news.globex.com>"], "List-Id header"],
    [["From: news@globex.com", "Precedence: bulk"], "Precedence: bulk"],
    [["From: news@globex.com", "Precedence: junk"], "Precedence: junk"],
    [["From: ann@globex.com", "Auto-Submitted: auto-replied; owner-email=ann@globex.com"], "Auto-Submitted: auto-replied"],
    [["From: alerts-noreply@globex.com"], "no-reply sender"],
    [["From: Globex <do-not-reply@globex.com>"], "no-reply sender"],
    [["From: DoNotReply@globex.com"], "no-reply sender"],
    [["From: MAILER-DAEMON@mx.globex.com"], "no-reply sender"],
    [["From: postmaster@globex.com"], "no-reply sender"],
    [["From: bounces+123@globex.com"], "no-reply sender"],
  ])("%j is automated: %s", async (lines, reason) => {
    expect(message(await readOne([...base, ...lines])).automated).toBe(reason);
  });

  it.each([
    [["From: ann@globex.com", "Auto-Submitted: no"]],
    [["From: ann@globex.com", "Precedence: first-class"]],
    [["From: bouncer@globex.com"]],
    [["From: replyguy@globex.com"]],
  ])("%j is a person's mail", async (lines) => {
    expect(message(await readOne([...base, ...lines])).automated).toBeNull();
  });
});

describe("readMail: files, directories and streams", () => {
  it("reads an mbox message by message with 1-based positions, CRLF or LF, and skips broken ones with their position", async () => {
    const file = path.join(dir, "inbox.mbox");
    const text = mbox(
      ["Message-ID: <1@acme.io>", "Date: Mon, 2 Dec 2024 09:00:00 +0100", "From: ann@acme.io", "To: bob@globex.com", "", ">From the body", "From: not a header"],
      ["Message-ID: <2@acme.io>", "From: ann@acme.io", "", "no date"],
      ["Message-ID: <3@acme.io>", "Date: Mon, 2 Dec 2024 10:00:00 +0000", "From: bob@globex.com", "To: ann@acme.io"],
      ["\u0000\u0001 garbled beyond repair", "no header here either", "", "body"],
      ["", "a body without headers"],
    );
    await writeFile(file, text.replaceAll("\n", "\r\n"));
    const records = await collect({ path: file });
    expect(records.map((record) => [record.kind, record.position, record.kind === "skipped" ? record.reason : null])).toEqual([
      ["message", { source: file, index: 1, id: "1@acme.io" }, null],
      ["skipped", { source: file, index: 2, id: "2@acme.io" }, "no Date header"],
      ["message", { source: file, index: 3, id: "3@acme.io" }, null],
      ["skipped", { source: file, index: 4, id: null }, "no Date header"],
      ["skipped", { source: file, index: 5, id: null }, "no Date header"],
    ]);
    expect(message(records[0]).to).toEqual([{ email: "bob@globex.com", name: null }]);
  });

  it("walks a directory recursively in sorted order, reads .eml and mbox files by their content, and reports every other file", async () => {
    const root = path.join(dir, "export");
    await mkdir(path.join(root, "b-folder"), { recursive: true });
    const eml = (id: string): string => `Message-ID: <${id}>\nDate: Mon, 2 Dec 2024 09:00:00 +0000\nFrom: ann@acme.io\n\nbody\n`;
    await writeFile(path.join(root, "c.eml"), eml("c"));
    await writeFile(path.join(root, "a.eml"), eml("a"));
    await writeFile(path.join(root, "b-folder", "Inbox"), mbox(["Message-ID: <b1>", "Date: Mon, 2 Dec 2024 09:00:00 +0000", "From: ann@acme.io"], ["Message-ID: <b2>", "Date: Mon, 2 Dec 2024 09:00:00 +0000", "From: ann@acme.io"]));
    await writeFile(path.join(root, "b-folder", "Inbox.msf"), "// <!-- <mdb:mork:z v=\"1.4\"/> -->\n");
    await writeFile(path.join(root, "d-empty.eml"), "");
    await symlink(path.join(root, "a.eml"), path.join(root, "e-link.eml"));
    const records = await collect({ path: root });
    expect(records.map((record) => [path.relative(root, record.position.source), record.position.index, record.kind === "skipped" ? record.reason : record.key])).toEqual([
      ["a.eml", 1, "a"],
      ["b-folder/Inbox", 1, "b1"],
      ["b-folder/Inbox", 2, "b2"],
      ["b-folder/Inbox.msf", 0, 'neither an mbox (no leading "From " line) nor a mail message (no header field on the first line)'],
      ["c.eml", 1, "c"],
      ["d-empty.eml", 0, "empty"],
      ["e-link.eml", 0, "symbolic link, not followed"],
    ]);
  });

  it("tells an mbox stream from a single message by its content", async () => {
    const single = await collect({ stream: Readable.from([Buffer.from("From: ann@acme.io\nDate: Mon, 2 Dec 2024 09:00:00 +0000\n\nbody\n")]), name: "request body" });
    expect(single.map((record) => record.kind)).toEqual(["message"]);
    const box = mbox(["Date: Mon, 2 Dec 2024 09:00:00 +0000", "From: ann@acme.io"], ["Date: Mon, 2 Dec 2024 09:00:00 +0000", "From: bob@acme.io"]);
    const pieces = box.match(/[^]{1,3}/g)!;
    const records = await collect({ stream: Readable.from(pieces), name: "upload" });
    expect(records.map((record) => [record.kind, record.position.source, record.position.index])).toEqual([["message", "upload", 1], ["message", "upload", 2]]);
  });

  it("reads only the header block of a single message and leaves the caller's stream open", async () => {
    let bodyChunksRead = 0;
    async function* request(): AsyncGenerator<Buffer> {
      yield Buffer.from("From: ann@acme.io\nDate: Mon, 2 Dec 2024 09:00:00 +0000\n\n");
      for (;;) {
        bodyChunksRead += 1;
        yield Buffer.alloc(64 * 1024, "x");
      }
    }
    const stream = Readable.from(request(), { objectMode: false, highWaterMark: 1 });
    const records = await collect({ stream, name: "request body" });
    expect(records.map((record) => record.kind)).toEqual(["message"]);
    expect(bodyChunksRead).toBeLessThan(5);
    expect(stream.destroyed).toBe(false);
    stream.destroy();
  });

  it("reports a stream that is not mail as one Skipped for the whole source", async () => {
    expect(await collect({ stream: Readable.from(["%PDF-1.7\n%âãÏÓ\n"]), name: "upload.pdf" })).toEqual([
      { kind: "skipped", position: { source: "upload.pdf", index: 0, id: null }, reason: 'neither an mbox (no leading "From " line) nor a mail message (no header field on the first line)' },
    ]);
  });
});

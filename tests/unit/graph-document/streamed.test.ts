import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileDocument } from "../../../src/graph-document/document-source.js";
import { DocumentSyntaxError } from "../../../src/graph-document/document-tokens.js";
import { validateDocument, validateGraphDocument } from "../../../src/graph-document/validate.js";
import { smallGraph } from "../../fixtures/small-graph.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-streamed-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function written(text: string): string {
  const file = path.join(dir, `document-${files++}.json`);
  fs.writeFileSync(file, text);
  return file;
}

async function streamedProblems(text: string): Promise<string[]> {
  const result = await validateDocument(fileDocument(written(text)));
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

function inMemoryProblems(document: unknown): string[] {
  const result = validateGraphDocument(document);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

/** The small graph with a repeated connection, a person nobody defined and a bad email, its sections in reverse order. */
function faultyReversed() {
  const document = smallGraph() as ReturnType<typeof smallGraph> & { connections: { a: string; b: string }[]; people: { email?: string }[] };
  document.connections.push({ ...document.connections[0]! }, { a: document.connections[0]!.a, b: "nobody@nowhere.example" });
  document.people[1]!.email = "not an email";
  const reversed = Object.fromEntries(Object.entries(document).reverse());
  return { document, text: JSON.stringify(reversed, null, 1) };
}

describe("a document read from a file as a stream", () => {
  it("is valid when its object is, with the records of each section counted", async () => {
    const document = smallGraph();
    const result = await validateDocument(fileDocument(written(JSON.stringify(document))));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan.counts.people).toBe(document.people.length);
  });

  it("has the same problems, at the same paths, as the document in memory, whatever the order of its sections", async () => {
    const { document, text } = faultyReversed();
    const expected = inMemoryProblems(document);
    expect(expected).toContain(`connections[${document.connections.length - 2}].b: duplicate connection: same as connections[0]`);
    expect(expected.some((problem) => problem.includes("unknown person nobody@nowhere.example"))).toBe(true);
    expect(await streamedProblems(text)).toEqual(expected);
  });

  it("says a document that is not an object, or not JSON, is so", async () => {
    expect(await streamedProblems("[1, 2]")).toEqual(["$: a graph document must be a JSON object"]);
    await expect(validateDocument(fileDocument(written('{"version": 2, "people": [{"email": "a@b.example"'))))
      .rejects.toBeInstanceOf(DocumentSyntaxError);
  });

  it("reads the same items on a worker thread as on the reader's, and fails alike on a document that is not JSON", async () => {
    const file = written(faultyReversed().text);
    const items = async (onThread: boolean) => {
      const read = [];
      for await (const group of fileDocument(file, 0).read({ onThread })) read.push(...group);
      return read;
    };
    const here = await items(false);
    expect(here.filter((item) => item.kind === "record").length).toBeGreaterThan(20);
    expect(await items(true)).toEqual(here);
    const broken = fileDocument(written('{"version": 2, "people": [{"email": "a@b.example"'), 0);
    await expect(validateDocument(broken)).rejects.toBeInstanceOf(DocumentSyntaxError);
  });

  it("stops its worker thread, and so closes the file, when the reader stops early", async () => {
    // More records than the worker reads ahead, in more than the file stream's first chunk: the worker waits with the file open.
    const people = Array.from({ length: 40_000 }, (_, i) => ({ email: `person-${i}@example.com`, name: `Person ${i}` }));
    const file = written(JSON.stringify({ version: 2, people }));
    const opened = () => fs.readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
      } catch {
        return false;
      }
    }).length;
    for await (const group of fileDocument(file, 0).read({ onThread: true })) {
      expect(group.length).toBeGreaterThan(0);
      expect(opened()).toBe(1);
      break;
    }
    expect(opened()).toBe(0);
  });
});

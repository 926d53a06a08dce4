/**
 * /graphql as HTTP (src/http/graphql-endpoint.ts and json-body.ts): what a
 * client may send — compressed bodies, charsets, other content types — what
 * it is told when the body is wrong, that a refused body does not cost the
 * client its keep-alive connection, and that answers are never cached.
 */
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueWorkspace } from "../support/db.js";
import { startTestServer, type TestServer } from "../support/server.js";

const TYPENAME = JSON.stringify({ query: "{ __typename }" });
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(uniqueWorkspace("graphql-http"), undefined, { REQUEST_BODY_LIMIT: "2kb" });
});

afterAll(async () => {
  await server.stop();
});

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: any; reusedSocket: boolean }

/** One request through `agent`, so a test can see whether the connection was kept. */
function request(agent: http.Agent, headers: Record<string, string>, body: Buffer | string, method = "POST", path = ""): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${path}`, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")), reusedSocket: req.reusedSocket }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };
const refused = (message: string) => ({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });

describe("the request body", () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  afterAll(() => agent.destroy());

  it("may come compressed with gzip, deflate or br, and is read as JSON once inflated", async () => {
    for (const [encoding, compress] of [["gzip", zlib.gzipSync], ["deflate", zlib.deflateSync], ["br", zlib.brotliCompressSync]] as const) {
      const answer = await request(agent, { ...JSON_TYPE, "content-encoding": encoding }, compress(TYPENAME));
      expect([encoding, answer.status, answer.body]).toEqual([encoding, 200, { data: { __typename: "Query" } }]);
    }
  });

  it("is refused when it inflates past REQUEST_BODY_LIMIT, though it arrived small", async () => {
    const inflating = zlib.gzipSync(JSON.stringify({ query: `{ search(text: "${"a".repeat(10_000)}") { score } }` }));
    expect(inflating.length).toBeLessThan(2048);
    const answer = await request(agent, { ...JSON_TYPE, "content-encoding": "gzip" }, inflating);
    expect([answer.status, answer.body]).toEqual([413, refused("the request body is larger than this server accepts (2kb)")]);
  });

  it("is refused with 415 in an encoding or a charset this server does not read", async () => {
    const compressed = await request(agent, { ...JSON_TYPE, "content-encoding": "compress" }, TYPENAME);
    expect([compressed.status, compressed.body]).toEqual([415, refused("the request body's content-encoding compress is not supported: send identity, gzip, deflate or br")]);
    const latin1 = await request(agent, { "content-type": "application/json; charset=latin1" }, TYPENAME);
    expect([latin1.status, latin1.body]).toEqual([415, refused("the request body must be UTF-8, not latin1")]);
  });

  it("that is refused leaves the connection open for the client's next request", async () => {
    const large = JSON.stringify({ query: `{ search(text: "${"a".repeat(100_000)}") { score } }` });
    const refusals: [Record<string, string>, string | Buffer, number][] = [
      [JSON_TYPE, large, 413],
      // Without a content-length, the body is found too large only while it is read.
      [{ ...JSON_TYPE, "transfer-encoding": "chunked" }, large, 413],
      [{ ...JSON_TYPE, "content-encoding": "gzip" }, "not gzip at all", 400],
      [{ ...JSON_TYPE, "content-encoding": "gzip", "transfer-encoding": "chunked" }, zlib.gzipSync(large), 413],
    ];
    for (const [headers, body, status] of refusals) {
      const answer = await request(agent, headers, body);
      const next = await request(agent, JSON_TYPE, TYPENAME);
      expect([answer.status, next.status, next.body, next.reusedSocket]).toEqual([status, 200, { data: { __typename: "Query" } }, true]);
    }
  });

  it("of another content type is a client error that says what to send, not a server error", async () => {
    const plain = await request(agent, { "content-type": "text/plain", "apollo-require-preflight": "true" }, TYPENAME);
    expect(plain.status).toBe(400);
    expect(plain.body.errors[0].message).toMatch(/invalid Content-Type/);
  });
});

describe("the answer", () => {
  const agent = new http.Agent({ keepAlive: true });
  afterAll(() => agent.destroy());

  it("is never cached, is JSON and carries the request id, for POST and GET, answered or refused", async () => {
    const answers = [
      await request(agent, { ...JSON_TYPE, "x-request-id": "req-1" }, TYPENAME),
      await request(agent, { ...JSON_TYPE, "x-request-id": "req-2" }, JSON.stringify({ query: "{ nope }" })),
      await request(agent, { "apollo-require-preflight": "true", "x-request-id": "req-3" }, "", "GET", `?query=${encodeURIComponent("{ __typename }")}`),
    ];
    expect(answers.map((answer) => [answer.status, answer.headers["cache-control"], answer.headers["content-type"], answer.headers["x-request-id"]])).toEqual([
      [200, "no-store", "application/json; charset=utf-8", "req-1"],
      [200, "no-store", "application/json; charset=utf-8", "req-2"],
      [200, "no-store", "application/json; charset=utf-8", "req-3"],
    ]);
  });
});

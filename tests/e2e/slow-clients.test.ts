/**
 * A slow client cannot hold the server: a connection that sends nothing is
 * cut after HTTP_HEADERS_TIMEOUT_MS, and a JSON body that does not arrive
 * within HTTP_BODY_READ_TIMEOUT_MS is answered 408 and its connection closed.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTarget, uniqueWorkspace } from "../support/db.js";
import { startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
let port: number;

beforeAll(async () => {
  server = await startTestServer(uniqueWorkspace("slow-clients"), testTarget(), { HTTP_HEADERS_TIMEOUT_MS: "300", HTTP_BODY_READ_TIMEOUT_MS: "300" });
  port = Number(new URL(server.origin).port);
});

afterAll(async () => {
  await server.stop();
});

/** Opens a connection, writes `sent` (possibly nothing), and resolves with what came back once the server closed it. */
function connectAndWait(sent: string, giveUpMs = 5_000): Promise<{ received: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(port, "127.0.0.1", () => socket.write(sent));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("utf8")));
    socket.on("error", () => {});
    socket.on("close", () => resolve({ received, closedAfterMs: performance.now() - started }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error("the server kept the connection open"));
    }, giveUpMs);
  });
}

describe("slow clients", () => {
  it("cuts off a connection that sends nothing", async () => {
    const { closedAfterMs } = await connectAndWait("");
    expect(closedAfterMs).toBeGreaterThanOrEqual(250);
  });

  it("answers 408 to a GraphQL body that does not arrive in time, and closes the connection", async () => {
    const head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    const { received } = await connectAndWait(`${head}{"query":`);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(received).toMatch(/connection: close/i);
    expect(received).toContain('"code":"BAD_REQUEST"');
  });
});

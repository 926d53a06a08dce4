/**
 * GET /health: the process is alive. GET /ready: Neo4j answers; 503 with the
 * reason when it does not, so a load balancer stops sending traffic until it
 * comes back, and 503 at once when the server is draining on its way down.
 * Readiness asks Neo4j on every call, with a short deadline, on a connection
 * admission control leaves free (src/db/admission.ts), so it never waits
 * behind queries.
 */
import type { Request, Response } from "express";
import type { Driver } from "neo4j-driver";

const READY_DEADLINE_MS = 2_000;

export function healthHandler(_req: Request, res: Response): void {
  res.json({ status: "ok" });
}

export function readyHandler(driver: Driver, database: string | undefined, draining: () => boolean) {
  return async (_req: Request, res: Response): Promise<void> => {
    if (draining()) return void res.status(503).json({ status: "unavailable", reason: "shutting down" });
    try {
      const info = await withDeadline(driver.getServerInfo({ database }), READY_DEADLINE_MS);
      res.json({ status: "ready", neo4j: { address: info.address, agent: info.agent } });
    } catch (error) {
      const reason = error instanceof Error && error.message === "deadline" ? "Neo4j did not answer in time" : "Neo4j is not reachable";
      res.status(503).json({ status: "unavailable", reason });
    }
  };
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("deadline")), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

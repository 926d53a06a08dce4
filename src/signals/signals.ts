/**
 * When watched segments are evaluated:
 *
 * - soon after a write that can change them. A server's own writes (a
 *   mutation, an import, an ingestion, tracked events) each tell
 *   `changed(workspace)`; writes by the command-line import and ingestion
 *   leave a mark in the database (`markWrittenOutsideServers`), which one
 *   instance claims within `pollMs` and treats the same way. Evaluations
 *   follow at most `debounceMs` later, one at a time per workspace, however
 *   many writes came in between;
 * - on a schedule, for every workspace with webhooks (what changes with time
 *   alone: "within the last 60 days"), each turn on one instance (db/turns.ts).
 *
 * Stored events are handed to the deliveries at once.
 */
import type { Db } from "../db/run.js";
import { scheduleTurns } from "../db/turns.js";
import type { Logger } from "../logger.js";
import { startDeliveries, type DeliverySettings } from "./deliver.js";
import { evaluateWorkspace, type Execute } from "./evaluate.js";

export interface SignalSettings extends DeliverySettings {
  /** How soon after a write its workspace is evaluated (RAPPORT_SIGNALS_DEBOUNCE_MS). */
  debounceMs: number;
  /** Every workspace with webhooks is evaluated this often (RAPPORT_SIGNALS_EVERY_MINUTES; 0: never). */
  everyMinutes: number;
  /** How often an instance looks for writes made outside the servers (RAPPORT_SIGNALS_POLL_MS; 0: never). */
  pollMs: number;
}

export interface Signals {
  changed(workspace: string): void;
  /** Calls `listener` after each debounced batch of writes to the workspace (in this instance); returns how to stop. */
  listen(workspace: string, listener: () => void): () => void;
  /** Evaluates a workspace now; resolves with the number of events stored. */
  evaluate(workspace: string): Promise<number>;
  stop(): Promise<void>;
}

export function startSignals(db: Db, execute: Execute, settings: SignalSettings, logger: Logger): Signals {
  const deliveries = startDeliveries(db, settings, logger);
  const pending = new Map<string, NodeJS.Timeout>();
  const listeners = new Map<string, Set<() => void>>();
  const running = new Map<string, Promise<number>>();
  let stopped = false;

  const evaluate = async (workspace: string): Promise<number> => {
    // One evaluation per workspace at a time: the next waits for the one under way, and sees its writes.
    const before = running.get(workspace) ?? Promise.resolve(0);
    const next = before.catch(() => 0).then(() => evaluateWorkspace(db, execute, workspace));
    running.set(workspace, next);
    try {
      const events = await next;
      if (events > 0) deliveries.poke();
      return events;
    } finally {
      if (running.get(workspace) === next) running.delete(workspace);
    }
  };
  const failed = (workspace: string) => (error: unknown) => logger.error({ err: error, workspace }, "evaluating watched segments failed");

  const evaluateAll = async () => {
    const rows = await db.read("webhook/workspaces");
    await Promise.all(rows.map((row) => evaluate(row.workspace).catch(failed(row.workspace))));
  };
  // Not at start: writes made while no server ran are marked (CLI) or were evaluated by the server that took them.
  const stopSchedule = settings.everyMinutes > 0
    ? scheduleTurns(db, "evaluation of watched segments", settings.everyMinutes * 60_000, evaluateAll, failed("*"), false)
    : () => {};
  const poll = settings.pollMs > 0 ? setInterval(() => {
    void db.write("webhook/claim-written").then((rows) => rows.forEach((row) => signals.changed(row.workspace)), failed("*"));
  }, settings.pollMs) : undefined;

  const signals: Signals = {
    changed(workspace) {
      if (stopped || pending.has(workspace)) return;
      pending.set(workspace, setTimeout(() => {
        pending.delete(workspace);
        for (const listener of listeners.get(workspace) ?? []) listener();
        evaluate(workspace).catch(failed(workspace));
      }, settings.debounceMs));
    },
    listen(workspace, listener) {
      const set = listeners.get(workspace) ?? new Set();
      listeners.set(workspace, set.add(listener));
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(workspace);
      };
    },
    evaluate,
    async stop() {
      stopped = true;
      stopSchedule();
      clearInterval(poll);
      for (const timer of pending.values()) clearTimeout(timer);
      await Promise.allSettled(running.values());
      await deliveries.stop();
    },
  };
  return signals;
}

/** Tells the servers that a process of no server's (the command-line import or ingestion) wrote to the workspace. */
export async function markWrittenOutsideServers(db: Db, workspace: string): Promise<void> {
  await db.write("webhook/mark-written", { workspace });
}

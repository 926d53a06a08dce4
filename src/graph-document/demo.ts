/**
 * The demo story on first start: loaded into the served workspace only when
 * that workspace is empty, so it never mixes with, or overwrites, real data.
 */
import { demoStory } from "../../seed/demo-story.js";
import type { Db } from "../db/run.js";
import { importGraphDocument } from "./import.js";

export type DemoLoad = { loaded: false } | { loaded: true; records: number; seconds: number };

export async function loadDemoIfEmpty(db: Db, workspace: string, now = new Date()): Promise<DemoLoad> {
  const [row] = await db.read("import/workspace-populated", { workspace });
  if (row?.populated) return { loaded: false };
  const result = await importGraphDocument(db, demoStory(now), { workspace });
  if (!result.ok) {
    throw new Error(`the demo story is not a valid graph document:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join("\n")}`);
  }
  return { loaded: true, records: result.steps.reduce((sum, step) => sum + step.records, 0), seconds: result.seconds };
}

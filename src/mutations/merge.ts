/**
 * mergePeople and mergeCompanies: two records of one person (or company)
 * become one, in one transaction (cypher/mutation/merge-*.cypher say what
 * moves). Both must be in the caller's workspace: keep is checked as any
 * reference; merge is found by the statement, which also answers for a merge
 * already done, so that doing it again returns keep. Keys naming merge
 * follow to keep first (merge-people-keys.cypher), and keep's connections to
 * the team are weighed again from the interactions they now have.
 */
import { z } from "zod";
import { KEY_SEPARATOR } from "../graph-document/normalize.js";
import { weighPairs } from "../relationships/pairs.js";
import { id } from "./inputs.js";
import { mutation } from "./run-mutation.js";

const twoRecords = z.object({ keep: id, merge: id }).refine((m) => m.keep !== m.merge, { message: "must be another record than keep", path: ["merge"] });

export const mergePeople = mutation({
  name: "mergePeople",
  input: twoRecords,
  references: ({ keep }) => ({ people: [keep] }),
  async write({ keep, merge }, tx, ctx) {
    const [keys] = await tx.run("mutation/merge-people-keys", { keep, merge, separator: KEY_SEPARATOR });
    const kept = await tx.item("mutation/merge-people", { keep, merge });
    // keep's connections to the team were combined (the stronger stayed); their interactions now add up to new strengths.
    await weighPairs(tx.run, ctx.workspace, keys?.pairs ?? [], { nowMs: Date.now(), halfLifeDays: ctx.relationships.halfLifeDays });
    return kept;
  },
});

export const mergeCompanies = mutation({
  name: "mergeCompanies",
  input: twoRecords,
  references: ({ keep }) => ({ companies: [keep] }),
  write: ({ keep, merge }, tx) => tx.item("mutation/merge-companies", { keep, merge }),
});

/**
 * mergePeople and mergeCompanies: two records of one person (or company)
 * become one, in one transaction (cypher/mutation/merge-*.cypher say what
 * moves). Both must be in the caller's workspace: keep is checked as any
 * reference; merge is found by the statement, which also answers for a merge
 * already done, so that doing it again returns keep.
 */
import { z } from "zod";
import { id } from "./inputs.js";
import { mutation } from "./run-mutation.js";

const twoRecords = z.object({ keep: id, merge: id }).refine((m) => m.keep !== m.merge, { message: "must be another record than keep", path: ["merge"] });

export const mergePeople = mutation({
  name: "mergePeople",
  input: twoRecords,
  references: ({ keep }) => ({ people: [keep] }),
  write: ({ keep, merge }, tx) => tx.item("mutation/merge-people", { keep, merge }),
});

export const mergeCompanies = mutation({
  name: "mergeCompanies",
  input: twoRecords,
  references: ({ keep }) => ({ companies: [keep] }),
  write: ({ keep, merge }, tx) => tx.item("mutation/merge-companies", { keep, merge }),
});

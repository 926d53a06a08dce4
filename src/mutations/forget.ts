/**
 * forgetPerson: removes a person and every fact about them in one
 * transaction (cypher/mutation/forget-person.cypher says what that covers),
 * and says how many of each kind went. The result names no id or email of
 * theirs, so that even the stored result of this mutation forgets them.
 */
import { z } from "zod";
import { KEY_SEPARATOR } from "../graph-document/normalize.js";
import { id } from "./inputs.js";
import { mutation } from "./run-mutation.js";

export const forgetPerson = mutation({
  name: "forgetPerson",
  input: z.object({ id }),
  references: ({ id: person }) => ({ people: [person] }),
  write: ({ id: person }, tx) => tx.item("mutation/forget-person", { id: person, separator: KEY_SEPARATOR }),
});

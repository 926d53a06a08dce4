/**
 * Promises we make: makePromise (to a person, a company or both) and
 * setPromiseStatus (OPEN → KEPT or BROKEN, once). A promise made through the
 * API is keyed like an imported one without a source id — whom it was made to
 * and its text — so making the same promise twice records it once.
 */
import { z } from "zod";
import { promiseKey } from "../graph-document/normalize.js";
import { utcDateTime } from "../db/values.js";
import { AppError, ErrorCode } from "../errors.js";
import { text } from "../graph-document/schema.js";
import { id, instant, pastInstant, statement } from "./inputs.js";
import { mutation } from "./run-mutation.js";

export const makePromise = mutation({
  name: "makePromise",
  input: z.object({ person: id.optional(), company: id.optional(), text: statement, dueAt: instant.optional() })
    .refine((p) => p.person !== undefined || p.company !== undefined, { message: "give a person, a company or both", path: ["person"] }),
  references: ({ person, company }) => ({ people: person ? [person] : [], companies: company ? [company] : [] }),
  write(promise, tx) {
    const key = promiseKey({
      person: promise.person && tx.refs.personKey(promise.person), company: promise.company && tx.refs.companyKey(promise.company), text: promise.text,
    });
    return tx.item("mutation/make-promise", {
      key, person: promise.person ?? null, company: promise.company ?? null, text: promise.text,
      dueAt: promise.dueAt === undefined ? null : utcDateTime(promise.dueAt),
    });
  },
});

export const setPromiseStatus = mutation({
  name: "setPromiseStatus",
  input: z.object({
    id, status: z.enum(["KEPT", "BROKEN"], "must be KEPT or BROKEN"), at: pastInstant.optional(),
    note: text.max(10_000, "must be at most 10000 characters").optional(),
  }),
  async write(change, tx) {
    const [row] = await tx.run("mutation/set-promise-status", {
      id: change.id, status: change.status, at: utcDateTime(change.at ?? new Date().toISOString()), note: change.note ?? null,
    });
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, `no promise with id ${change.id}`, { ids: [change.id] });
    if (row.was !== "OPEN") {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `status: the promise is ${row.was} already; only an OPEN promise can become KEPT or BROKEN`, { path: ["status"] });
    }
    return row.item;
  },
});

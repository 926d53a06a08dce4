/**
 * Segment mutations, through the same helper as every mutation (validation,
 * one transaction, idempotencyKey): save, change and delete a saved filter,
 * and freeze a people segment's members in a snapshot.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { snapshotPeople } from "../filters/statements.js";
import { personWhereTopics } from "../filters/topic-ids.js";
import { personWhereReadsViewer } from "../filters/viewer.js";
import { requirePeople } from "../services/existence.js";
import { peopleFilter } from "../services/segments.js";
import { validSegmentChanges, validSegmentInput, type SegmentFields } from "../validation/segments.js";
import { mutation } from "./run-mutation.js";

const segmentId = z.string().min(1).max(200);

export const saveSegment = named(mutation({
  name: "saveSegment",
  argument: "input",
  input: z.unknown().transform((input) => validSegmentInput(input as Record<string, unknown>)),
  async write(input, tx) {
    return tx.item("segment/save", { description: null, ...stored(input), id: randomUUID() });
  },
}));

export const updateSegment = named(mutation({
  name: "updateSegment",
  input: z.object({ id: segmentId, changes: z.unknown().transform((changes) => validSegmentChanges(changes as Record<string, unknown>)) }),
  async write({ id, changes }, tx) {
    const [row] = await tx.run("segment/update", { name: null, description: null, people: null, companies: null, ...stored(changes), id });
    if (!row) throw noSegment(id);
    return row.item;
  },
}));

export const deleteSegment = mutation({
  name: "deleteSegment",
  input: z.object({ id: segmentId }),
  async write({ id }, tx) {
    const [row] = await tx.run("segment/delete", { id });
    if (!row) throw noSegment(id);
    return { id, snapshots: row.snapshots };
  },
});

export const snapshotSegment = mutation({
  name: "snapshotSegment",
  input: z.object({ id: segmentId }),
  async write({ id }, tx, ctx) {
    const [segment] = await tx.run("segment/by-ids", { keys: [id] });
    if (!segment) throw noSegment(id);
    const where = peopleFilter(segment.item);
    if (!where) throw new AppError(ErrorCode.BAD_USER_INPUT, "only a people segment has members to freeze", { argument: "id" });
    const snapshot = randomUUID();
    const statement = snapshotPeople(where, await ctx.scope(personWhereReadsViewer(where), personWhereTopics(where)), { segment: id, snapshot }, ctx.identity.email);
    await requirePeople(statement.personIds, ctx);
    const [row] = await tx.run(statement);
    return { ...row!.item, segmentId: id };
  },
});

function stored(fields: SegmentFields) {
  const filter = fields.filter;
  return {
    ...(fields.name !== undefined ? { name: fields.name } : {}),
    ...(fields.description !== undefined ? { description: fields.description } : {}),
    ...(filter ? {
      people: "people" in filter ? JSON.stringify(filter.people) : null,
      companies: "companies" in filter ? JSON.stringify(filter.companies) : null,
    } : {}),
  };
}

/** A segment's name is unique in its workspace (a constraint, so concurrent saves can't both win). */
function named<R>(resolve: (parent: unknown, args: Record<string, unknown>, ctx: RequestContext) => Promise<R>) {
  return async (parent: unknown, args: Record<string, unknown>, ctx: RequestContext): Promise<R> => {
    try {
      return await resolve(parent, args, ctx);
    } catch (error) {
      if ((error as { code?: unknown }).code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
        throw new AppError(ErrorCode.BAD_USER_INPUT, "a segment with that name exists already", { argument: "name" });
      }
      throw error;
    }
  };
}

function noSegment(id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `no segment has the id ${id}`, { argument: "id" });
}

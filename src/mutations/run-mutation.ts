/**
 * The one way every mutation runs, so that each is validated, scoped, atomic
 * and safe to retry in the same way:
 *
 * 1. the arguments are checked with the mutation's zod schema before anything
 *    is read or written (a failure is BAD_USER_INPUT naming the field's path);
 * 2. one write transaction then claims the idempotency key, if one was given
 *    (a repeat returns the first result; the same key with another mutation
 *    or other input is BAD_USER_INPUT), resolves every id, topic and url the
 *    mutation refers to (anything missing in the caller's workspace is
 *    NOT_FOUND), runs the mutation's own statement(s) and stores the result
 *    under the key — all or nothing.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { RequestContext } from "../context.js";
import type { ItemOf, ItemQueryName, QueryName, QueryRow } from "../db/query-names.js";
import type { Params, RunQuery, Statement } from "../db/run.js";
import { AppError, ErrorCode } from "../errors.js";
import { topicKey } from "../graph-document/normalize.js";
import { parseInput } from "./validate.js";

/** What a mutation refers to by id, domain, topic name (any case, or an alias) or url; each must exist. */
export interface References {
  people?: string[];
  companies?: string[];
  domains?: string[];
  topics?: string[];
  contents?: string[];
}

/** References resolved to natural keys: the email of a person id, the domain of a company id, the key of a topic name. */
export interface Resolved {
  email(personId: string): string;
  domain(companyId: string): string;
  topicKey(nameOrAlias: string): string;
}

/** A mutation's access to its transaction: statements that get `$workspace` and `$recordedBy` (the caller's email). */
export interface Tx {
  run: RunQuery;
  /** The statement's single `item`; no row means something it matched has gone since it was resolved. */
  item<N extends ItemQueryName>(name: N, params?: Params): Promise<ItemOf<N>>;
  refs: Resolved;
}

export interface MutationSpec<I, R> {
  name: string;
  input: z.ZodType<I>;
  /** A GraphQL argument whose fields the paths are reported inside (e.g. `input`), when the schema takes one. */
  argument?: string;
  references?(input: I, ctx: RequestContext): References | Promise<References>;
  write(input: I, tx: Tx, ctx: RequestContext): Promise<R>;
}

const idempotencyKey = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces").optional();

export function mutation<I, R>(spec: MutationSpec<I, R>) {
  return async (_: unknown, args: Record<string, unknown>, ctx: RequestContext): Promise<R> => {
    const { idempotencyKey: rawKey, ...rest } = withoutNulls(args) as Record<string, unknown>;
    const key = parseInput(idempotencyKey, rawKey, ["idempotencyKey"]);
    const input = spec.argument === undefined ? parseInput(spec.input, rest) : parseInput(spec.input, rest[spec.argument], [spec.argument]);
    const references = (await spec.references?.(input, ctx)) ?? {};
    const inputHash = hash(rest);
    const workspace = ctx.workspace;
    return ctx.db.transaction(`mutation/${spec.name}`, async (run) => {
      if (key !== undefined) {
        const [claim] = await run("mutation/idempotency-claim", { workspace, key, mutation: spec.name, inputHash });
        if (!claim!.claimed) {
          if (claim!.mutation !== spec.name || claim!.inputHash !== inputHash) {
            throw new AppError(ErrorCode.BAD_USER_INPUT, "idempotencyKey: already used for another mutation or other input", { path: ["idempotencyKey"] });
          }
          return JSON.parse(claim!.result ?? "null") as R;
        }
      }
      const tx: Tx = { ...scopedTo(run, { workspace, recordedBy: ctx.identity.email }), refs: await resolve(run, workspace, references) };
      const result = await spec.write(input, tx, ctx);
      if (key !== undefined) await run("mutation/idempotency-store", { workspace, key, result: JSON.stringify(result) });
      return result;
    });
  };
}

/** The transaction's statements with the parameters every mutation's statement gets. */
function scopedTo(run: RunQuery, scope: Params): Pick<Tx, "run" | "item"> {
  function scoped<N extends QueryName>(query: N, params?: Params): Promise<QueryRow<N>[]>;
  function scoped<R>(query: Statement<R>, params?: Params): Promise<R[]>;
  function scoped(query: QueryName | Statement<unknown>, params: Params = {}): Promise<unknown[]> {
    return typeof query === "string" ? run(query, { ...params, ...scope }) : run(query, { ...params, ...scope });
  }
  function item<N extends ItemQueryName>(name: N, params?: Params): Promise<ItemOf<N>>;
  async function item(name: ItemQueryName, params?: Params): Promise<unknown> {
    const [row] = await scoped(name, params);
    if (!row?.item) throw new AppError(ErrorCode.NOT_FOUND, "what this mutation refers to no longer exists");
    return row.item;
  }
  return { run: scoped, item };
}

/** Nothing referred to: nothing to look up. */
const NONE: Resolved = {
  email: (id) => { throw new Error(`person ${id} was not declared among the mutation's references`); },
  domain: (id) => { throw new Error(`company ${id} was not declared among the mutation's references`); },
  topicKey: (name) => { throw new Error(`topic ${name} was not declared among the mutation's references`); },
};

async function resolve(run: RunQuery, workspace: string, refs: References): Promise<Resolved> {
  const wanted = {
    people: refs.people ?? [], companies: refs.companies ?? [], domains: refs.domains ?? [],
    topics: (refs.topics ?? []).map(topicKey), contents: refs.contents ?? [],
  };
  // A third of a plain upsertPerson's round trips, and a write's time is mostly its transaction's (bench/write-path.ts).
  if (Object.values(wanted).every((list) => list.length === 0)) return NONE;
  const [row] = await run("mutation/references", { workspace, ...wanted });
  const emails = new Map(row!.people.map((p) => [p.id, p.email]));
  const domains = new Map(row!.companies.map((c) => [c.id, c.domain]));
  const topics = new Map(row!.topics.map((t) => [t.wanted, t.key]));
  const foundDomains = new Set(row!.domains);
  const contents = new Set(row!.contents);
  const missing = [
    ...wanted.people.filter((id) => !emails.has(id)).map((id) => `person ${id}`),
    ...wanted.companies.filter((id) => !domains.has(id)).map((id) => `company ${id}`),
    ...wanted.domains.filter((domain) => !foundDomains.has(domain)).map((domain) => `company ${domain}`),
    ...wanted.topics.filter((name) => !topics.has(name)).map((name) => `topic ${name}`),
    ...wanted.contents.filter((url) => !contents.has(url)).map((url) => `content ${url}`),
  ];
  if (missing.length > 0) throw new AppError(ErrorCode.NOT_FOUND, `not found in this workspace: ${missing.join(", ")}`, { missing });
  return {
    email: (id) => emails.get(id)!,
    domain: (id) => domains.get(id)!,
    topicKey: (name) => topics.get(topicKey(name))!,
  };
}

/** GraphQL's explicit nulls mean "not given", as a missing field does: zod's optional fields then accept them. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null).map(([name, inner]) => [name, withoutNulls(inner)]));
}

/** The same input gives the same hash whatever order its fields came in. */
function hash(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(sorted(input))).digest("hex");
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((name) => [name, sorted((value as Record<string, unknown>)[name])]));
}

/** Query.people and Query.companies: validate → compile the filter → one statement per page (and per count, when asked). */
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { companiesCount, companiesPage, peopleCount, peoplePage, type Statement } from "../filters/statements.js";
import type { Item } from "../loaders/keyed.js";
import { pageSize } from "../validation/arguments.js";
import { validCompanyWhere, validPersonWhere } from "../validation/where.js";
import { connection, decodeCursor } from "./pagination.js";

interface ListArgs { where?: unknown; first: number; after?: string | null }

export async function people(_: unknown, args: ListArgs, ctx: RequestContext) {
  const where = validPersonWhere(args.where);
  const first = pageSize(args.first);
  const scope = { workspace: ctx.workspace, viewerId: await ctx.viewerId() };
  const page = peoplePage(where, scope, first + 1, decodeCursor(args.after));
  await requirePeople(page, ctx);
  const rows = await ctx.db.readCompiled("filters/people-page", page);
  return connection(rows.map((row) => row.item as Item), first, keyOf("email"), () => count(ctx, "filters/people-count", peopleCount(where, scope)));
}

export async function companies(_: unknown, args: ListArgs, ctx: RequestContext) {
  const where = validCompanyWhere(args.where);
  const first = pageSize(args.first);
  const scope = { workspace: ctx.workspace, viewerId: await ctx.viewerId() };
  const page = companiesPage(where, scope, first + 1, decodeCursor(args.after));
  await requirePeople(page, ctx);
  const rows = await ctx.db.readCompiled("filters/companies-page", page);
  return connection(rows.map((row) => row.item as Item), first, keyOf("domain"), () => count(ctx, "filters/companies-count", companiesCount(where, scope)));
}

/** A filter that names a person who does not exist is the client's mistake, not an empty answer. */
async function requirePeople(statement: Statement, ctx: RequestContext): Promise<void> {
  const found = await Promise.all(statement.personIds.map((id) => ctx.loaders.personById.load(id)));
  const missing = statement.personIds.filter((_, index) => found[index] === null);
  if (missing.length > 0) throw new AppError(ErrorCode.NOT_FOUND, `no person with id ${missing.join(", ")}`, { ids: missing });
}

async function count(ctx: RequestContext, label: string, statement: Statement): Promise<number> {
  const [row] = await ctx.db.readCompiled(label, statement);
  return Number(row?.total ?? 0);
}

function keyOf(naturalKey: "email" | "domain") {
  return (item: Item): [string, string] => [String(item.name ?? ""), String(item[naturalKey])];
}

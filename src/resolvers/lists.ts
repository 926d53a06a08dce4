/** Query.people and Query.companies: validate → compile the filter → one statement per page (and per count, when asked). */
import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../context.js";
import { companiesCount, companiesPage, peopleCount, peoplePage, type PageKey, type Scope, type Statement } from "../filters/statements.js";
import type { Item } from "../loaders/keyed.js";
import { pageSize } from "../validation/arguments.js";
import { validCompanyWhere, validPersonWhere } from "../validation/where.js";
import { requirePeople } from "./existence.js";
import { connection, decodeCursor, totalCount } from "./pagination.js";

interface ListArgs { where?: unknown; first: number; after?: string | null }

interface ListKind<W> {
  name: string;
  validate(input: unknown): W;
  page(where: W, scope: Scope, first: number, after: PageKey | null): Statement;
  count(where: W, scope: Scope): Statement;
  /** The natural key that breaks ties between equal names. */
  naturalKey: "email" | "domain";
}

const PEOPLE: ListKind<ReturnType<typeof validPersonWhere>> = {
  name: "people", validate: validPersonWhere, page: peoplePage, count: peopleCount, naturalKey: "email",
};
const COMPANIES: ListKind<ReturnType<typeof validCompanyWhere>> = {
  name: "companies", validate: validCompanyWhere, page: companiesPage, count: companiesCount, naturalKey: "domain",
};

export const people = (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(PEOPLE, args, ctx, info);
export const companies = (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(COMPANIES, args, ctx, info);

async function list<W>(kind: ListKind<W>, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
  const where = kind.validate(args.where);
  const first = pageSize(args.first);
  const scope = { workspace: ctx.workspace, viewerId: await ctx.viewerId() };
  const page = kind.page(where, scope, first + 1, decodeCursor(args.after, isPageKey));
  await requirePeople(page.personIds, ctx);
  const count = totalCount(info, async () => {
    const [row] = await ctx.db.readCompiled(`filters/${kind.name}-count`, kind.count(where, scope));
    return Number(row?.total ?? 0);
  });
  const rows = await ctx.db.readCompiled(`filters/${kind.name}-page`, page);
  const keyOf = ({ node }: { node: Item }): PageKey => [String(node.name ?? ""), String(node[kind.naturalKey])];
  return connection(rows.map((row) => ({ node: row.item as Item })), first, keyOf, count);
}

function isPageKey(key: unknown): key is PageKey {
  return Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === "string");
}

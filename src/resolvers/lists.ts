/** Query.people and Query.companies: validate → compile the filter → one statement per page (and per count, when asked). */
import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { DEFAULT_ORDER, type Order, type PageKey } from "../filters/ordering.js";
import { companiesCount, companiesPage, peopleCount, peoplePage, type Scope, type Statement } from "../filters/statements.js";
import { companyWhereReadsViewer, personWhereReadsViewer } from "../filters/viewer.js";
import type { Item } from "../loaders/keyed.js";
import { pageSize } from "../validation/arguments.js";
import { validCompanyWhere, validPersonWhere } from "../validation/where.js";
import { readCheckingPeople } from "./existence.js";
import { connection, decodeCursor, totalCount } from "./pagination.js";

interface ListArgs { where?: unknown; orderBy?: Partial<Order> | null; first: number; after?: string | null }

interface ListKind<W> {
  name: string;
  validate(input: unknown): W;
  page(where: W, scope: Scope, order: Order, first: number, after: PageKey | null): Statement;
  count(where: W, scope: Scope): Statement;
  readsViewer(where: W): boolean;
  /** The natural key that breaks ties between equal names. */
  naturalKey: "email" | "domain";
}

const PEOPLE: ListKind<ReturnType<typeof validPersonWhere>> = {
  name: "people", validate: validPersonWhere, page: peoplePage, count: peopleCount, readsViewer: personWhereReadsViewer, naturalKey: "email",
};
const COMPANIES: ListKind<ReturnType<typeof validCompanyWhere>> = {
  name: "companies", validate: validCompanyWhere, page: companiesPage, count: companiesCount, readsViewer: companyWhereReadsViewer, naturalKey: "domain",
};

export const people = (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(PEOPLE, args, ctx, info);
export const companies = (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(COMPANIES, args, ctx, info);

async function list<W>(kind: ListKind<W>, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
  const where = kind.validate(args.where);
  const first = pageSize(args.first);
  const order: Order = { field: args.orderBy?.field ?? DEFAULT_ORDER.field, direction: args.orderBy?.direction ?? DEFAULT_ORDER.direction };
  const after = decodeCursor(args.after, isPageKey);
  if (after && (after.order.field !== order.field || after.order.direction !== order.direction)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "after is a cursor of another order: ask for the same orderBy as the page it came from", { argument: "after" });
  }
  const scope = await ctx.scope(kind.readsViewer(where));
  const page = kind.page(where, scope, order, first + 1, after);
  const counting = kind.count(where, scope);
  const count = totalCount(info, async () => {
    const [row] = await ctx.db.readCompiled(`filters/${kind.name}-count`, counting);
    return Number(row?.total ?? 0);
  });
  const rows = await readCheckingPeople(page.personIds, ctx, () => ctx.db.readCompiled(`filters/${kind.name}-page`, page));
  const keyOf = ({ node, sortValue }: { node: Item; sortValue: string | number }): PageKey => ({ order, value: sortValue, key: String(node[kind.naturalKey]) });
  return connection(rows.map((row) => ({ node: row.item as Item, sortValue: row.sortValue as string | number })), first, keyOf, count);
}

function isPageKey(key: unknown): key is PageKey {
  const { order, value, key: naturalKey } = (key ?? {}) as Partial<PageKey>;
  return typeof order?.field === "string" && (order.direction === "ASC" || order.direction === "DESC")
    && (typeof value === "string" || typeof value === "number") && typeof naturalKey === "string";
}

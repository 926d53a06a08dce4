/**
 * Query.people and Query.companies: validate → compile the filter → one
 * statement per page (and per count, when asked and the page does not count:
 * filters/statements.ts's ListStatements). Every order is total and
 * breaks ties in its own direction (filters/ordering.ts), so a backward page
 * is the forward page of the opposite direction, from the `before` cursor.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { DEFAULT_ORDER, type Order, type PageKey } from "../filters/ordering.js";
import type { CompanyItem, PersonItem } from "../db/rows.js";
import type { ConnectedToFilter } from "../filters/types.js";
import { companiesList, peopleList, type CompanyStart, type ListStatements, type Scope } from "../filters/statements.js";
import { companyWhereTopics, personWhereTopics } from "../filters/topic-ids.js";
import { companyWhereReadsViewer, personWhereReadsViewer } from "../filters/viewer.js";
import { validCompanyWhere, validPersonWhere } from "../validation/where.js";
import { readCheckingPeople } from "../services/existence.js";
import { connection, decodeCursor, pagingOf, totalCount, type PagingArgs } from "./pagination.js";

interface ListArgs extends PagingArgs { where?: unknown; orderBy?: Partial<Order> | null }

interface ListKind<W, I, S> {
  validate(input: unknown): W;
  /** Where its statements start (src/filters/start-choice.ts). */
  start(where: W, scope: Scope, ctx: RequestContext): Promise<S>;
  statements(where: W, scope: Scope, order: Order, first: number, after: PageKey | null, start: S): ListStatements<I>;
  readsViewer(where: W): boolean;
  /** The topic keys it names, looked up before it is compiled (topic-ids.ts). */
  topics(where: W): string[];
  /** The connectedTo its statements expand, whose reach decides their shortlist steps (start-choice.ts). */
  expands(where: W): ConnectedToFilter | null | undefined;
  /** The natural key that breaks ties between equal names. */
  naturalKey(item: I): string;
}

const PEOPLE: ListKind<ReturnType<typeof validPersonWhere>, PersonItem, null> = {
  validate: validPersonWhere, start: async () => null, statements: peopleList, readsViewer: personWhereReadsViewer, topics: personWhereTopics, expands: (where) => where.connectedTo, naturalKey: (person) => person.email ?? (person.profileUrl as string),
};
const COMPANIES: ListKind<ReturnType<typeof validCompanyWhere>, CompanyItem, CompanyStart> = {
  validate: validCompanyWhere, start: (where, scope, ctx) => ctx.starts.companies(where, scope), statements: companiesList, readsViewer: companyWhereReadsViewer, topics: companyWhereTopics, expands: (where) => where.employs?.connectedTo, naturalKey: (company) => company.domain ?? (company.nameKey as string),
};

export const people = (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(PEOPLE, args, ctx, info);
export const companies = (_: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(COMPANIES, args, ctx, info);

async function list<W, I, S>(kind: ListKind<W, I, S>, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
  const where = kind.validate(args.where);
  const paging = pagingOf(args, info);
  const argument = paging.backward ? "before" : "after";
  const order: Order = { field: args.orderBy?.field ?? DEFAULT_ORDER.field, direction: args.orderBy?.direction ?? DEFAULT_ORDER.direction };
  const from = decodeCursor(paging.cursor, isPageKey, argument);
  if (from && (from.order.field !== order.field || from.order.direction !== order.direction)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} is a cursor of another order: ask for the same orderBy as the page it came from`, { argument });
  }
  const readOrder: Order = paging.backward ? { ...order, direction: order.direction === "ASC" ? "DESC" : "ASC" } : order;
  const scope = await ctx.starts.shortlisting(kind.expands(where), await ctx.scope(kind.readsViewer(where), kind.topics(where)));
  const start = await kind.start(where, scope, ctx);
  const { page, count: counting } = kind.statements(where, scope, readOrder, paging.size + 1, from && { ...from, order: readOrder }, start);
  const reading = readCheckingPeople(page.personIds, ctx, () => ctx.db.read(page));
  const count = totalCount(info, async () => {
    const [row] = counting === null ? await reading : await ctx.db.read(counting);
    return row?.total ?? 0;
  });
  const rows = (await reading).flatMap(({ item, sortValue }) => (item === null ? [] : [{ node: item, sortValue }]));
  const keyOf = ({ node, sortValue }: { node: I; sortValue: string | number }): PageKey => ({ order, value: sortValue, key: kind.naturalKey(node) });
  return connection(rows, paging, keyOf, count);
}

function isPageKey(key: unknown): key is PageKey {
  const { order, value, key: naturalKey } = (key ?? {}) as Partial<PageKey>;
  return typeof order?.field === "string" && (order.direction === "ASC" || order.direction === "DESC")
    && (typeof value === "string" || typeof value === "number") && typeof naturalKey === "string";
}

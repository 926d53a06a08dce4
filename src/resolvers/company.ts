/** Company's nested fields, each through a per-request loader. */
import type { RequestContext } from "../context.js";
import type { Item } from "../loaders/keyed.js";
import { pageSize } from "../validation/arguments.js";

interface PromiseArgs { status?: string | null; first: number }

export const Company = {
  employees(company: Item, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.employeesOfCompany(pageSize(args.first)).load(company.id as string);
  },

  events(company: Item, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.eventsOfCompany(pageSize(args.first)).load(company.id as string);
  },

  promises(company: Item, args: PromiseArgs, ctx: RequestContext) {
    return ctx.loaders.promisesToCompany(args.status ?? null, pageSize(args.first)).load(company.id as string);
  },
};

/** Company's nested fields, each through a per-request loader. */
import type { RequestContext } from "../context.js";
import type { CompanyItem } from "../db/rows.js";
import { pageSize } from "../validation/arguments.js";

interface PromiseArgs { status?: string | null; first: number }

export const Company = {
  employees(company: CompanyItem, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.employeesOfCompany(pageSize(args.first)).load(company.id);
  },

  events(company: CompanyItem, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.eventsOfCompany(pageSize(args.first)).load(company.id);
  },

  promises(company: CompanyItem, args: PromiseArgs, ctx: RequestContext) {
    return ctx.loaders.promisesToCompany(args.status ?? null, pageSize(args.first)).load(company.id);
  },
};

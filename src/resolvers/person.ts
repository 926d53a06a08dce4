/** Person's nested fields, each through a per-request loader. */
import type { RequestContext } from "../context.js";
import type { PersonItem } from "../db/rows.js";
import { pageSize, validMaxHops } from "../validation/arguments.js";

interface PromiseArgs { status?: string | null; first: number }

export const Person = {
  async company(person: PersonItem, _: unknown, ctx: RequestContext) {
    const employment = await ctx.loaders.employmentOfPerson.load(person.id);
    return employment?.company ?? null;
  },

  employment(person: PersonItem, _: unknown, ctx: RequestContext) {
    return ctx.loaders.employmentOfPerson.load(person.id);
  },

  interests(person: PersonItem, _: unknown, ctx: RequestContext) {
    return ctx.loaders.interestsOfPerson.load(person.id);
  },

  engagements(person: PersonItem, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.engagementsOfPerson(pageSize(args.first)).load(person.id);
  },

  concerns(person: PersonItem, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.concernsOfPerson(pageSize(args.first)).load(person.id);
  },

  async connectionToViewer(person: PersonItem, args: { maxHops: number }, ctx: RequestContext) {
    const maxHops = validMaxHops(args.maxHops);
    const viewerId = await ctx.viewerId();
    if (viewerId === null || viewerId === person.id) return null;
    return ctx.loaders.strongestPathFrom(viewerId, maxHops).load(person.id);
  },

  promises(person: PersonItem, args: PromiseArgs, ctx: RequestContext) {
    return ctx.loaders.promisesToPerson(args.status ?? null, pageSize(args.first)).load(person.id);
  },
};

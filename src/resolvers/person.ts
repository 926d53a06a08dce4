/** Person's nested fields, each through a per-request loader. */
import type { RequestContext } from "../context.js";
import type { Item } from "../loaders/keyed.js";
import { pageSize, validMaxHops } from "../validation/arguments.js";

interface PromiseArgs { status?: string | null; first: number }

export const Person = {
  async company(person: Item, _: unknown, ctx: RequestContext) {
    const employment = await ctx.loaders.employmentOfPerson.load(person.id as string);
    return employment?.company ?? null;
  },

  employment(person: Item, _: unknown, ctx: RequestContext) {
    return ctx.loaders.employmentOfPerson.load(person.id as string);
  },

  interests(person: Item, _: unknown, ctx: RequestContext) {
    return ctx.loaders.interestsOfPerson.load(person.id as string);
  },

  engagements(person: Item, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.engagementsOfPerson(pageSize(args.first)).load(person.id as string);
  },

  concerns(person: Item, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.concernsOfPerson(pageSize(args.first)).load(person.id as string);
  },

  async connectionToViewer(person: Item, args: { maxHops: number }, ctx: RequestContext) {
    const maxHops = validMaxHops(args.maxHops);
    const viewerId = await ctx.viewerId();
    if (viewerId === null || viewerId === person.id) return null;
    return ctx.loaders.strongestPathFrom(viewerId, maxHops).load(person.id as string);
  },

  promises(person: Item, args: PromiseArgs, ctx: RequestContext) {
    return ctx.loaders.promisesToPerson(args.status ?? null, pageSize(args.first)).load(person.id as string);
  },
};

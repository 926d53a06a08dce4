/** Root fields: lookups by id or natural key (a miss is null, never an error), and the filtered lists. */
import type { RequestContext } from "../context.js";
import { lower, profileKey, topicKey } from "../graph-document/normalize.js";
import { exactlyOne } from "../validation/arguments.js";
import { introductionPaths } from "./introductions.js";
import { possibleDuplicates } from "./duplicates.js";
import { companies, people } from "./lists.js";
import { prospects } from "./prospects.js";
import { search } from "./search.js";

interface PersonArgs { id?: string | null; email?: string | null; profileUrl?: string | null }
interface CompanyArgs { id?: string | null; domain?: string | null }

export const Query = {
  person(_: unknown, args: PersonArgs, ctx: RequestContext) {
    const by = exactlyOne(args, "id", "email", "profileUrl");
    if (by.name === "id") return ctx.loaders.personById.load(by.value);
    if (by.name === "email") return ctx.loaders.personByEmail.load(lower(by.value));
    return URL.canParse(by.value) ? ctx.loaders.personByProfile.load(profileKey(by.value)) : null;
  },

  company(_: unknown, args: CompanyArgs, ctx: RequestContext) {
    const by = exactlyOne(args, "id", "domain");
    return by.name === "id" ? ctx.loaders.companyById.load(by.value) : ctx.loaders.companyByDomain.load(lower(by.value));
  },

  topic(_: unknown, args: { name: string }, ctx: RequestContext) {
    return ctx.loaders.topicByName.load(topicKey(args.name));
  },

  people,
  possibleDuplicates,
  companies,
  prospects,
  introductionPaths,
  search,
};

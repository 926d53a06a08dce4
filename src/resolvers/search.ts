/**
 * Query.search: one box for people, companies and topics. The user's words
 * become a Lucene query with every special character escaped — so a stray
 * quote or bracket is a word, not a syntax error — and each word matches as
 * a prefix, so results come while typing.
 */
import neo4j from "neo4j-driver";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import type { Item } from "../db/rows.js";
import { pageSize } from "../validation/arguments.js";

const MAX_TEXT = 200;
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export async function search(_: unknown, args: { text: string; first: number }, ctx: RequestContext) {
  const first = pageSize(args.first);
  const words = args.text.trim().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0 || args.text.length > MAX_TEXT) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `text must have 1 to ${MAX_TEXT} characters and at least one word`, { argument: "text" });
  }
  const query = words.map((word) => `${word.replace(LUCENE_SPECIAL, (c) => `\\${c}`)}*`).join(" ");
  const rows = await ctx.db.read("search/full-text", { workspace: ctx.workspace, query, limit: neo4j.int(first) });
  return rows.map((row) => ({ score: row.score, node: { ...row.item, __kind: row.kind } }));
}

export const SearchResult = {
  __resolveType(node: Item & { __kind: string }): string {
    return node.__kind;
  },
};

/**
 * Read-your-writes when Neo4j is a cluster. Reads may go to a member that has
 * not yet applied a transaction the leader committed; a bookmark names a
 * transaction, and a transaction that starts with it waits until the member
 * it runs on has applied it. On a single server every bookmark is already
 * there, and waiting costs nothing.
 *
 * - Within an instance, every session shares one bookmark manager: a read
 *   sees every write this instance committed before the read began, whichever
 *   request made it.
 * - Across instances, a response to a mutation carries the bookmarks of its
 *   last transaction in the `Rapport-Bookmark` header; a request that brings
 *   them back (to any instance) reads at least that state.
 */
import neo4j, { type BookmarkManager } from "neo4j-driver";
import { z } from "zod";
import { AppError, ErrorCode } from "../errors.js";

/** The HTTP header that carries bookmarks, as a comma-separated list. */
export const BOOKMARK_HEADER = "rapport-bookmark";

/** A request brings at most a few bookmarks (one per database it wrote to), each an opaque token of the server's. */
const GivenBookmarks = z.array(z.string().regex(/^[A-Za-z0-9:+/=_-]{1,512}$/)).max(16);

export class Bookmarks implements BookmarkManager {
  private last: string[] = [];

  private constructor(private readonly shared: BookmarkManager, private readonly given: readonly string[]) {}

  /** The manager every session of this instance shares. */
  static forInstance(): Bookmarks {
    return new Bookmarks(neo4j.bookmarkManager(), []);
  }

  /** For one request: this instance's bookmarks and those the request brought. */
  forRequest(given: readonly string[]): Bookmarks {
    return new Bookmarks(this.shared, given);
  }

  async getBookmarks(): Promise<Iterable<string>> {
    if (this.given.length === 0) return this.shared.getBookmarks();
    return new Set([...(await this.shared.getBookmarks()), ...this.given]);
  }

  async updateBookmarks(previous: Iterable<string>, next: Iterable<string>): Promise<void> {
    this.last = [...next];
    await this.shared.updateBookmarks(previous, next);
  }

  /** The bookmarks of the last transaction this manager saw commit; empty before the first. */
  get latest(): readonly string[] {
    return this.last;
  }
}

/** The bookmarks a request brought in its header; a malformed header is refused, not ignored, so a client learns of it. */
export function bookmarksFromHeader(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = (Array.isArray(value) ? value.join(",") : value).split(",").map((token) => token.trim()).filter((token) => token !== "");
  const parsed = GivenBookmarks.safeParse(list);
  if (!parsed.success) {
    throw new AppError(ErrorCode.BAD_REQUEST, `the ${BOOKMARK_HEADER} header must be bookmarks this service gave, comma-separated`, { http: { status: 400 } });
  }
  return parsed.data;
}

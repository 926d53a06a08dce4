/**
 * What one request costs the database (QueryMeter: round trips and time, for
 * the response's extensions and the metrics) and what it may spend
 * (RequestDeadline: its budget of database time, src/db/run.ts cuts every
 * statement's timeout to it).
 */
import { AppError, ErrorCode } from "../errors.js";

/** What one request cost the database: round trips and wall time waiting for it. */
export class QueryMeter {
  roundTrips = 0;
  neo4jMs = 0;
  readonly names: string[] = [];
}

/** A request's budget of database time, counted from its first statement. */
export class RequestDeadline {
  private at: number | undefined;
  /**
   * A statement of the request has held an admission slot. Not the same as
   * having asked for one: statements a request sends side by side (a page
   * and its count) all ask at once, and if those after the first counted as
   * under way they would go ahead of their own first statement, run, and be
   * wasted when it is refused.
   */
  admitted = false;

  constructor(private readonly budgetMs: number) {}

  /** The timeout for a statement starting now: the configured one, or less when the budget ends sooner. */
  timeoutFor(txTimeoutMs: number): number {
    const now = performance.now();
    this.at ??= now + this.budgetMs;
    const left = Math.floor(this.at - now);
    if (left <= 0) throw new AppError(ErrorCode.QUERY_TIMEOUT, `This request has used its ${this.budgetMs} ms of database time; ask for less in one request.`);
    return Math.min(txTimeoutMs, left);
  }
}

/**
 * Running statements: a named query of the catalogue (query-names.ts) or a
 * statement built in code (src/filters), either way with the type of its
 * rows, which leave here typed after their columns are checked. `Db.read`
 * runs in a read transaction and `Db.write` in a write transaction, so a
 * routing driver can send reads to replicas. Each call opens its own session:
 * sibling resolvers run concurrently and a session holds one transaction at a
 * time. Every transaction has a timeout and metadata naming the statement, and
 * driver errors are turned into AppErrors by their code. A Db made for a
 * request meters its round trips and time. A serving Db (`serving`) takes a
 * slot of admission control (admission.ts) for each session it holds, and
 * gives each request a budget of database time: a deadline from its first
 * statement to which every later statement's timeout is cut. Each statement is
 * a span of the request's trace when tracing is on (src/tracing).
 */
import { isRetryableError, type Driver, type ManagedTransaction, type QueryResult, type Record as Neo4jRecord, type Session } from "neo4j-driver";
import { setTimeout as sleep } from "node:timers/promises";
import { fromNeo4jError } from "../errors.js";
import { traceCypher } from "../tracing/spans.js";
import type { Admission, Release } from "./admission.js";
import { Bookmarks } from "./bookmarks.js";
import { QueryMeter, RequestDeadline } from "./request-cost.js";
import type { CypherCatalogue } from "./cypher.js";
import { recordToObject } from "./mapping.js";
import { QUERIES, QUERY_NAMES, type ItemOf, type KeyedQueryName, type QueryName, type QueryRow } from "./query-names.js";
import type { Columns, RowOf } from "./rows.js";

/** Neo4j's update counters of a statement: nodesCreated, relationshipsCreated, labelsAdded, propertiesSet … */
export type Updates = Record<string, number>;
export type Params = Record<string, unknown>;
type TransactionConfig = Parameters<Session["run"]>[2];

/** A statement built in code (src/filters) rather than named in the catalogue, with the rows it returns. */
export interface Statement<R> {
  /** Names it in metrics and transaction metadata. */
  name: string;
  text: string;
  params: Params;
  /** The columns of its rows, in order: every result is checked against them. */
  columns: readonly string[];
  /** Where a filter's statement starts reading (src/filters/start-choice.ts), in its transaction's metadata beside its name. */
  start?: string;
  /** Types the rows; never set. */
  readonly row?: R;
}

export function statementOf<C extends Columns>(name: string, columns: C, text: string, params: Params): Statement<RowOf<C>> {
  return { name, text, params, columns: Object.keys(columns) };
}

/** A named query or a built statement, and parameters to add to the statement's own. */
export interface RunQuery {
  <N extends QueryName>(query: N, params?: Params): Promise<QueryRow<N>[]>;
  <R>(query: Statement<R>, params?: Params): Promise<R[]>;
}

const NAMED_COLUMNS = new Map<string, readonly string[]>(QUERY_NAMES.map((name) => [name, Object.keys(QUERIES[name])]));

export interface DbSettings {
  database: string | undefined;
  txTimeoutMs: number;
  /** How long a read keeps retrying a retryable failure, as the driver's maxTransactionRetryTime does for writes. */
  maxRetryMs: number;
  /** What every session reads after (bookmarks.ts); default: a manager of this Db's own, shared by the Dbs made from it. */
  bookmarks?: Bookmarks;
  /** Set on a serving Db: the gate every session passes. */
  admission?: Admission;
  /** Set on a serving Db: how long one request's statements may take together, from its first. */
  requestBudgetMs?: number;
}

/** The driver's schedule for retrying a transaction: 1 s, then twice as long each time, ±20%. */
const FIRST_RETRY_DELAY_MS = 1_000;

export class Db {
  private readonly settings: DbSettings & { bookmarks: Bookmarks };

  constructor(
    readonly driver: Driver,
    private readonly catalogue: CypherCatalogue,
    settings: DbSettings,
    readonly meter: QueryMeter = new QueryMeter(),
    private readonly requestId?: string,
    private readonly deadline?: RequestDeadline,
  ) {
    this.settings = { ...settings, bookmarks: settings.bookmarks ?? Bookmarks.forInstance() };
  }

  get database(): string | undefined {
    return this.settings.database;
  }

  /** The same database access with another transaction timeout: for a long write such as an import. */
  withTxTimeout(txTimeoutMs: number): Db {
    return new Db(this.driver, this.catalogue, { ...this.settings, txTimeoutMs }, this.meter, this.requestId, this.deadline);
  }

  /** The same database access for a server: every session admitted by `admission`, every request within `requestBudgetMs`. */
  serving(admission: Admission, requestBudgetMs: number): Db {
    return new Db(this.driver, this.catalogue, { ...this.settings, admission, requestBudgetMs }, this.meter, this.requestId, this.deadline);
  }

  /**
   * The same database access, metered for one request, reading after the
   * bookmarks it brought (bookmarks.ts), and held to its budget on a serving Db.
   */
  forRequest(requestId: string, bookmarks: readonly string[] = []): Db {
    const { requestBudgetMs } = this.settings;
    const deadline = requestBudgetMs === undefined ? undefined : new RequestDeadline(requestBudgetMs);
    return new Db(this.driver, this.catalogue, { ...this.settings, bookmarks: this.settings.bookmarks.forRequest(bookmarks) }, new QueryMeter(), requestId, deadline);
  }

  /** The bookmarks of the last transaction this Db's request committed; empty before the first. */
  get bookmarks(): readonly string[] {
    return this.settings.bookmarks.latest;
  }

  read<N extends QueryName>(query: N, params?: Params): Promise<QueryRow<N>[]>;
  read<R>(query: Statement<R>, params?: Params): Promise<R[]>;
  async read(query: QueryName | Statement<unknown>, params: Params = {}): Promise<unknown[]> {
    return (await this.run("READ", this.statement(query, params))).rows;
  }

  /** A named query as a statement, to run later as it would run now (src/plans/warm.ts plans them ahead). */
  named<N extends QueryName>(query: N, params: Params): Statement<QueryRow<N>> {
    return this.statement(query, params) as Statement<QueryRow<N>>;
  }

  /** A loader's batch: its rows typed for a caller that is generic in the query (src/loaders/keyed.ts). */
  readKeyed<N extends KeyedQueryName>(query: N, params: Params): Promise<{ key: string; item: ItemOf<N> }[]>;
  async readKeyed(query: KeyedQueryName, params: Params): Promise<unknown[]> {
    return this.read(query, params);
  }

  write<N extends QueryName>(query: N, params?: Params): Promise<QueryRow<N>[]>;
  async write(query: QueryName, params: Params = {}): Promise<unknown[]> {
    return (await this.run("WRITE", this.statement(query, params))).rows;
  }

  /** A write's changes, as Neo4j counts them (nodes and relationships created, labels added …), and the rows it returns. */
  async writeCounted<N extends QueryName>(query: N, params: Params = {}): Promise<{ updates: Updates; rows: QueryRow<N>[] }> {
    return (await this.run("WRITE", this.statement(query, params))) as { updates: Updates; rows: QueryRow<N>[] };
  }

  /**
   * Several statements in one write transaction: all of them take effect or
   * none does (an error thrown by `work` rolls back). `work` may run again
   * when Neo4j retries a transient failure such as a deadlock, so it must do
   * nothing outside the transaction. `label` names it in transaction metadata.
   */
  async transaction<T>(label: string, work: (run: RunQuery) => Promise<T>): Promise<T> {
    const { timeoutMs, release } = await this.admit(this.settings.txTimeoutMs);
    const session = this.session("WRITE");
    const started = performance.now();
    try {
      return await session.executeWrite((tx) => work(this.runner(tx)), this.transactionConfig(label, timeoutMs));
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      this.meterCall(label, started);
      await session.close();
      release();
    }
  }

  /**
   * Streams a large read row by row (with the driver's backpressure) instead
   * of holding every record; for exports, which say how long they may take.
   * One auto-commit read transaction.
   */
  stream<N extends QueryName>(query: N, timeoutMs: number, params?: Params): AsyncGenerator<QueryRow<N>>;
  stream<R>(query: Statement<R>, timeoutMs: number): AsyncGenerator<R>;
  async *stream(query: QueryName | Statement<unknown>, timeoutMs: number, params: Params = {}): AsyncGenerator<unknown> {
    const statement = this.statement(query, params);
    // A download is not held to a request's budget (it says how long it may take), but it does take a slot.
    const release = this.settings.admission ? await this.settings.admission.acquire() : () => {};
    const session = this.session("READ");
    const started = performance.now();
    try {
      let checked = false;
      for await (const record of session.run(statement.text, statement.params, this.transactionConfig(statement.name, timeoutMs))) {
        if (!checked) checkColumns(statement, record.keys);
        checked = true;
        yield recordToObject(record);
      }
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      this.meterCall(statement.name, started);
      await session.close();
      release();
    }
  }

  /** A slot of admission control (none needed outside a server) and the timeout left within the request's budget. */
  private async admit(txTimeoutMs: number): Promise<{ timeoutMs: number; release: Release }> {
    const continuing = this.deadline?.admitted ?? false;
    // The budget counts from the first statement's arrival, so a request's wait in the queue is spent from it too.
    const budgetLeftMs = this.deadline?.timeoutFor(Number.POSITIVE_INFINITY);
    const asking = { request: this.deadline, ...(continuing ? { continuingForMs: budgetLeftMs } : {}) };
    const release = this.settings.admission ? await this.settings.admission.acquire(asking) : () => {};
    if (this.deadline) this.deadline.admitted = true;
    try {
      return { timeoutMs: this.deadline ? this.deadline.timeoutFor(txTimeoutMs) : txTimeoutMs, release };
    } catch (error) {
      release();
      throw error;
    }
  }

  private session(mode: "READ" | "WRITE") {
    return this.driver.session({ database: this.settings.database, defaultAccessMode: mode, bookmarkManager: this.settings.bookmarks });
  }

  /** What a transaction's work runs its statements with. */
  private runner(tx: ManagedTransaction): RunQuery {
    const resolve = (query: QueryName | Statement<unknown>, params: Params) => this.statement(query, params);
    const { database } = this.settings;
    function run<N extends QueryName>(query: N, params?: Params): Promise<QueryRow<N>[]>;
    function run<R>(query: Statement<R>, params?: Params): Promise<R[]>;
    async function run(query: QueryName | Statement<unknown>, params: Params = {}): Promise<unknown[]> {
      const statement = resolve(query, params);
      return rowsOf(statement, (await traceCypher(statement.name, database, async () => await tx.run(statement.text, statement.params))).records);
    }
    return run;
  }

  /** A named query as a statement, or a built one, with `params` added to its own. */
  private statement(query: QueryName | Statement<unknown>, params: Params): Statement<unknown> {
    if (typeof query !== "string") return { ...query, params: { ...query.params, ...params } };
    return { name: query, text: this.catalogue.get(query), params, columns: NAMED_COLUMNS.get(query) ?? [] };
  }

  private async run(mode: "READ" | "WRITE", statement: Statement<unknown>): Promise<{ rows: unknown[]; updates: Updates }> {
    const { timeoutMs, release } = await this.admit(this.settings.txTimeoutMs);
    const config = this.transactionConfig(statement.name, timeoutMs, statement.start);
    const started = performance.now();
    let result: QueryResult;
    try {
      result = await traceCypher(statement.name, this.settings.database, () => mode === "READ"
        ? this.autoCommitRead(statement.text, statement.params, config)
        : this.managedWrite(statement.text, statement.params, config));
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      this.meterCall(statement.name, started);
      release();
    }
    return { rows: rowsOf(statement, result.records), updates: result.summary.counters.updates() };
  }

  /**
   * A read is one statement, so it runs as an auto-commit transaction: RUN
   * and PULL leave in one write, with no BEGIN and no COMMIT round trip, which
   * saves about 0.4 ms a statement against a managed transaction (on loopback;
   * more across a network). What executeRead would add is kept: a retryable
   * failure (Neo4j restarting, a cluster member going away) runs the read
   * again on the driver's schedule while maxRetryMs lasts.
   */
  private async autoCommitRead(text: string, params: Params, config: TransactionConfig): Promise<QueryResult> {
    const started = Date.now();
    for (let delayMs = FIRST_RETRY_DELAY_MS; ; delayMs *= 2) {
      const session = this.session("READ");
      try {
        return await session.run(text, params, config);
      } catch (error) {
        if (!isRetryableError(error) || Date.now() - started > this.settings.maxRetryMs) throw error;
      } finally {
        await session.close();
      }
      await sleep(delayMs * (0.8 + 0.4 * Math.random()));
    }
  }

  private async managedWrite(text: string, params: Params, config: TransactionConfig): Promise<QueryResult> {
    const session = this.session("WRITE");
    try {
      return await session.executeWrite(async (tx: ManagedTransaction): Promise<QueryResult> => await tx.run(text, params), config);
    } finally {
      await session.close();
    }
  }

  private transactionConfig(name: string, timeoutMs: number, start?: string) {
    return { timeout: timeoutMs, metadata: { app: "rapport", query: name, ...(start ? { start } : {}), ...(this.requestId ? { requestId: this.requestId } : {}) } };
  }

  private meterCall(name: string, started: number): void {
    this.meter.roundTrips += 1;
    this.meter.neo4jMs += performance.now() - started;
    this.meter.names.push(name);
  }
}

function rowsOf(statement: Statement<unknown>, records: Neo4jRecord[]): unknown[] {
  if (records[0]) checkColumns(statement, records[0].keys);
  return records.map(recordToObject);
}

/** Every record of a result has the same columns, so the first one tells whether the statement returns what it declares. */
function checkColumns(statement: Statement<unknown>, keys: readonly PropertyKey[]): void {
  if (keys.length === statement.columns.length && keys.every((key, i) => key === statement.columns[i])) return;
  throw new Error(`${statement.name} returned the columns (${keys.map(String).join(", ")}); its rows are declared as (${statement.columns.join(", ")})`);
}

/**
 * Running named queries. `Db.read` runs in a read transaction and `Db.write`
 * in a write transaction, so a routing driver can send reads to replicas.
 * Each call opens its own session: sibling resolvers run concurrently and a
 * session holds one transaction at a time. Every transaction has a timeout
 * and metadata naming the query, and driver errors are turned into AppErrors
 * by their code. A Db made for a request meters its round trips and time.
 */
import { isRetryableError, type Driver, type ManagedTransaction, type QueryResult, type Session } from "neo4j-driver";
import { setTimeout as sleep } from "node:timers/promises";
import { fromNeo4jError } from "../errors.js";
import type { CypherCatalogue } from "./cypher.js";
import { recordToObject, type Plain } from "./mapping.js";
import type { QueryName } from "./query-names.js";

export type Row = Record<string, Plain>;
/** Neo4j's update counters of a statement: nodesCreated, relationshipsCreated, labelsAdded, propertiesSet … */
export type Updates = Record<string, number>;
export type Params = Record<string, unknown>;
type TransactionConfig = Parameters<Session["run"]>[2];
/** A statement compiled from fixed fragments (src/filters) rather than named in the catalogue. */
export interface CompiledStatement {
  text: string;
  params: Params;
}

/** What one request cost the database: round trips and wall time waiting for it. */
export class QueryMeter {
  roundTrips = 0;
  neo4jMs = 0;
  readonly names: string[] = [];
}

export interface DbSettings {
  database: string | undefined;
  txTimeoutMs: number;
  /** How long a read keeps retrying a retryable failure, as the driver's maxTransactionRetryTime does for writes. */
  maxRetryMs: number;
}

/** The driver's schedule for retrying a transaction: 1 s, then twice as long each time, ±20%. */
const FIRST_RETRY_DELAY_MS = 1_000;

export class Db {
  constructor(
    readonly driver: Driver,
    private readonly catalogue: CypherCatalogue,
    private readonly settings: DbSettings,
    readonly meter: QueryMeter = new QueryMeter(),
    private readonly requestId?: string,
  ) {}

  get database(): string | undefined {
    return this.settings.database;
  }

  /** The same database access with another transaction timeout: for a long write such as an import. */
  withTxTimeout(txTimeoutMs: number): Db {
    return new Db(this.driver, this.catalogue, { ...this.settings, txTimeoutMs }, this.meter, this.requestId);
  }

  /** The same database access, metered for one request. */
  forRequest(requestId: string): Db {
    return new Db(this.driver, this.catalogue, this.settings, new QueryMeter(), requestId);
  }

  async read(name: QueryName, params: Params = {}): Promise<Row[]> {
    return (await this.run("READ", name, this.catalogue.get(name), params)).rows;
  }

  async write(name: QueryName, params: Params = {}): Promise<Row[]> {
    return (await this.writeCounted(name, params)).rows;
  }

  /** A write and what it changed, as Neo4j counts it (nodes and relationships created, labels added …). */
  writeCounted(name: QueryName, params: Params = {}): Promise<{ rows: Row[]; updates: Updates }> {
    return this.run("WRITE", name, this.catalogue.get(name), params);
  }

  /**
   * Several named statements in one write transaction: all of them take
   * effect or none does (an error thrown by `work` rolls back). `work` may run
   * again when Neo4j retries a transient failure such as a deadlock, so it must
   * do nothing outside the transaction. `label` names it in transaction metadata.
   */
  async transaction<T>(label: string, work: (run: (query: QueryName | CompiledStatement, params?: Params) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: "WRITE" });
    const started = performance.now();
    try {
      return await session.executeWrite(async (tx) => work(async (query, params = {}) => {
        const result = typeof query === "string"
          ? await tx.run(this.catalogue.get(query), params)
          : await tx.run(query.text, { ...query.params, ...params });
        return result.records.map(recordToObject);
      }), this.transactionConfig(label, this.settings.txTimeoutMs));
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      this.meterCall(label, started);
      await session.close();
    }
  }

  /**
   * A read statement compiled from fixed fragments (src/filters), not from the
   * catalogue; `label` names it in metrics and transaction metadata.
   */
  async readCompiled(label: string, statement: CompiledStatement): Promise<Row[]> {
    return (await this.run("READ", label, statement.text, statement.params)).rows;
  }

  /** A write statement compiled from fixed fragments, like readCompiled's. */
  async writeCompiled(label: string, statement: CompiledStatement): Promise<Row[]> {
    return (await this.run("WRITE", label, statement.text, statement.params)).rows;
  }

  /**
   * Streams a large read row by row (with the driver's backpressure) instead
   * of holding every record; for exports. One auto-commit read transaction.
   */
  stream(name: QueryName, params: Params = {}, timeoutMs = this.settings.txTimeoutMs): AsyncGenerator<Row> {
    return this.streamText(name, this.catalogue.get(name), params, timeoutMs);
  }

  /** stream() for a statement compiled from fixed fragments. */
  streamCompiled(label: string, statement: CompiledStatement, timeoutMs = this.settings.txTimeoutMs): AsyncGenerator<Row> {
    return this.streamText(label, statement.text, statement.params, timeoutMs);
  }

  private async *streamText(name: string, text: string, params: Params, timeoutMs: number): AsyncGenerator<Row> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: "READ" });
    const started = performance.now();
    try {
      const result = session.run(text, params, this.transactionConfig(name, timeoutMs));
      for await (const record of result) yield recordToObject(record);
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      this.meterCall(name, started);
      await session.close();
    }
  }

  private async run(mode: "READ" | "WRITE", name: string, text: string, params: Params): Promise<{ rows: Row[]; updates: Updates }> {
    const config = this.transactionConfig(name, this.settings.txTimeoutMs);
    const started = performance.now();
    try {
      const result = mode === "READ" ? await this.autoCommitRead(text, params, config) : await this.managedWrite(text, params, config);
      return { rows: result.records.map(recordToObject), updates: result.summary.counters.updates() as Updates };
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      this.meterCall(name, started);
    }
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
      const session = this.driver.session({ database: this.settings.database, defaultAccessMode: "READ" });
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
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: "WRITE" });
    try {
      return await session.executeWrite(async (tx: ManagedTransaction): Promise<QueryResult> => await tx.run(text, params), config);
    } finally {
      await session.close();
    }
  }

  private transactionConfig(name: string, timeoutMs: number) {
    return { timeout: timeoutMs, metadata: { app: "rapport", query: name, ...(this.requestId ? { requestId: this.requestId } : {}) } };
  }

  private meterCall(name: string, started: number): void {
    this.meter.roundTrips += 1;
    this.meter.neo4jMs += performance.now() - started;
    this.meter.names.push(name);
  }
}

/**
 * Running named queries. `Db.read` runs in a read transaction and `Db.write`
 * in a write transaction, so a routing driver can send reads to replicas.
 * Each call opens its own session: sibling resolvers run concurrently and a
 * session holds one transaction at a time. Every transaction has a timeout
 * and metadata naming the query, and driver errors are turned into AppErrors
 * by their code. A Db made for a request meters its round trips and time.
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { fromNeo4jError } from "../errors.js";
import type { CypherCatalogue } from "./cypher.js";
import { recordToObject, type Plain } from "./mapping.js";
import type { QueryName } from "./query-names.js";

export type Row = Record<string, Plain>;
/** Neo4j's update counters of a statement: nodesCreated, relationshipsCreated, labelsAdded, propertiesSet … */
export type Updates = Record<string, number>;
export type Params = Record<string, unknown>;
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
}

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
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: mode });
    const config = this.transactionConfig(name, this.settings.txTimeoutMs);
    const work = async (tx: ManagedTransaction) => {
      const result = await tx.run(text, params);
      return { rows: result.records.map(recordToObject), updates: result.summary.counters.updates() as Updates };
    };
    const started = performance.now();
    try {
      return mode === "READ" ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      this.meterCall(name, started);
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

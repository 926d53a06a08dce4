/**
 * A driver that notes every statement run for a request — in a managed
 * transaction, or on its own as an auto-commit transaction (the server's
 * reads) — by the request id in the transaction's metadata (run.ts puts it
 * there), with when its transaction was asked for and committed, so the query
 * benchmark can replay exactly what the server ran for one request, the same
 * way, and run together what the server ran together.
 */
import type { Driver, ManagedTransaction, Session } from "neo4j-driver";

export interface RecordedStatement {
  text: string;
  params: Record<string, unknown>;
  transaction: "auto-commit" | "managed";
  /** When its transaction was asked for: what the server did before, it did without waiting for this statement. */
  requested: number;
  /** When its transaction had committed: the server could go on from there. */
  settled: number;
  /** Where a filter statement started reading (src/filters/start-choice.ts), from its transaction's metadata. */
  start?: string;
}

type Work<T> = (tx: ManagedTransaction) => Promise<T>;
type TransactionConfig = Parameters<Session["executeRead"]>[1];

const requestIdOf = (config?: TransactionConfig) => (config?.metadata as { requestId?: unknown } | undefined)?.requestId;
const startOf = (config?: TransactionConfig) => {
  const start = (config?.metadata as { start?: unknown } | undefined)?.start;
  return typeof start === "string" ? { start } : {};
};

export function recordingDriver(driver: Driver) {
  const byRequest = new Map<string, RecordedStatement[]>();
  const note = (requestId: string, statement: RecordedStatement) => byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), statement]);
  const recording = <T>(work: Work<T>, noted: RecordedStatement[], requested: number, config?: TransactionConfig): Work<T> => (tx) => {
    const requestId = requestIdOf(config);
    if (typeof requestId !== "string") return work(tx);
    const proxied = new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== "run") return Reflect.get(target, property, receiver);
        return (text: string, params: Record<string, unknown> = {}) => {
          const statement: RecordedStatement = { text, params, transaction: "managed", requested, settled: Number.POSITIVE_INFINITY, ...startOf(config) };
          noted.push(statement);
          note(requestId, statement);
          return target.run(text, params);
        };
      },
    });
    return work(proxied);
  };
  // An auto-commit statement has committed when its result, awaited, has settled.
  const autoCommit = (session: Session) => (text: string, params: Record<string, unknown> = {}, config?: TransactionConfig) => {
    const result = session.run(text, params, config);
    const requestId = requestIdOf(config);
    if (typeof requestId !== "string") return result;
    const statement: RecordedStatement = { text, params, transaction: "auto-commit", requested: performance.now(), settled: Number.POSITIVE_INFINITY, ...startOf(config) };
    note(requestId, statement);
    const settle = () => { statement.settled = performance.now(); };
    return new Proxy(result, {
      get(target, property, receiver) {
        if (property === "then") {
          return (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) =>
            target.then((value) => { settle(); return value; }, (error: unknown) => { settle(); throw error; }).then(onFulfilled, onRejected);
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  };
  const settling = <T>(execute: (work: Work<T>, config?: TransactionConfig) => Promise<T>) => (work: Work<T>, config?: TransactionConfig) => {
    const noted: RecordedStatement[] = [];
    return execute(recording(work, noted, performance.now(), config), config).finally(() => {
      const now = performance.now();
      for (const statement of noted) statement.settled = now;
    });
  };
  const sessions = (session: Session): Session => new Proxy(session, {
    get(target, property, receiver) {
      if (property === "executeRead") return settling((work, config) => target.executeRead(work, config));
      if (property === "executeWrite") return settling((work, config) => target.executeWrite(work, config));
      if (property === "run") return autoCommit(target);
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const recorded = new Proxy(driver, {
    get(target, property, receiver) {
      if (property === "session") return (...args: Parameters<Driver["session"]>) => sessions(target.session(...args));
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return {
    driver: recorded,
    /** The statements run for a request, in order; forgotten once taken. */
    take(requestId: string): RecordedStatement[] {
      const statements = byRequest.get(requestId) ?? [];
      byRequest.delete(requestId);
      return statements;
    },
  };
}

/**
 * The statements in waves: a statement asked for before any other of its wave
 * had committed did not wait for them, so a replay may run them together.
 * (Its start is no guide: a quick statement may be over before a slower
 * sibling's transaction has even begun.)
 */
export function waves(statements: RecordedStatement[]): RecordedStatement[][] {
  const result: RecordedStatement[][] = [];
  let wave: RecordedStatement[] = [];
  let waveSettles = Number.NEGATIVE_INFINITY;
  for (const statement of [...statements].sort((a, b) => a.requested - b.requested)) {
    if (statement.requested >= waveSettles && wave.length > 0) {
      result.push(wave);
      wave = [];
    }
    wave.push(statement);
    waveSettles = wave.length === 1 ? statement.settled : Math.min(waveSettles, statement.settled);
  }
  if (wave.length > 0) result.push(wave);
  return result;
}

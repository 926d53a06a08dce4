/**
 * A driver that notes every statement run in a managed transaction, by the
 * request id in the transaction's metadata (run.ts puts it there), so the
 * query benchmark can replay exactly what the server ran for one request.
 */
import type { Driver, ManagedTransaction, Session } from "neo4j-driver";

export interface RecordedStatement {
  text: string;
  params: Record<string, unknown>;
}

type Work<T> = (tx: ManagedTransaction) => Promise<T>;
type TransactionConfig = Parameters<Session["executeRead"]>[1];

export function recordingDriver(driver: Driver) {
  const byRequest = new Map<string, RecordedStatement[]>();
  const recording = <T>(work: Work<T>, config?: TransactionConfig): Work<T> => (tx) => {
    const requestId = (config?.metadata as { requestId?: unknown } | undefined)?.requestId;
    if (typeof requestId !== "string") return work(tx);
    const noted = new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== "run") return Reflect.get(target, property, receiver);
        return (text: string, params: Record<string, unknown> = {}) => {
          byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), { text, params }]);
          return target.run(text, params);
        };
      },
    });
    return work(noted);
  };
  const sessions = (session: Session): Session => new Proxy(session, {
    get(target, property, receiver) {
      if (property === "executeRead") return <T>(work: Work<T>, config?: TransactionConfig) => target.executeRead(recording(work, config), config);
      if (property === "executeWrite") return <T>(work: Work<T>, config?: TransactionConfig) => target.executeWrite(recording(work, config), config);
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

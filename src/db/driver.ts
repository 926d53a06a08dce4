/**
 * The one Neo4j driver of a process. Its timeouts are short on purpose: when
 * Neo4j is down a request should fail in seconds with SERVICE_UNAVAILABLE, not
 * hang for the driver's default 30 s of retries.
 */
import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jTarget } from "../config.js";

export interface DriverOptions {
  connectTimeoutMs: number;
  maxRetryMs: number;
  /** Connections to Neo4j at most; the driver's default (100) when not given. */
  maxPoolSize?: number;
}

export function createDriver(target: Neo4jTarget, options: DriverOptions): Driver {
  const auth = target.password ? neo4j.auth.basic(target.username, target.password) : undefined;
  return neo4j.driver(target.uri, auth, {
    connectionTimeout: options.connectTimeoutMs,
    connectionAcquisitionTimeout: options.connectTimeoutMs * 2,
    maxTransactionRetryTime: options.maxRetryMs,
    ...(options.maxPoolSize === undefined ? {} : { maxConnectionPoolSize: options.maxPoolSize }),
    disableLosslessIntegers: false,
    logging: { level: "error", logger: () => {} },
  });
}

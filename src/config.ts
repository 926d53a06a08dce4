/**
 * The environment, parsed once with zod into a frozen Config. Nothing else in
 * the code reads process.env, so every setting is listed and checked here, and
 * a bad value stops start-up with a message that names the variable.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const memorySize = z.string().regex(/^\d+[kmg]$/i, "expected a size such as 512m or 4g");
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REQUEST_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, "expected a size such as 100kb or 1mb").default("1mb"),
  SHUTDOWN_GRACE_MS: positiveInt.default(10_000),

  NEO4J_URI: z.preprocess(emptyAsUndefined, z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, "expected a bolt://, neo4j://, bolt+s:// or neo4j+s:// URI").optional()),
  NEO4J_USERNAME: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.preprocess(emptyAsUndefined, z.string().optional()),
  NEO4J_TX_TIMEOUT_MS: positiveInt.default(15_000),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt.default(3_000),
  NEO4J_MAX_RETRY_MS: z.coerce.number().int().min(0).default(2_000),

  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HEAP: memorySize.default("2g"),
  NEO4J_PAGECACHE: memorySize.default("2g"),
  NEO4J_TX_MEMORY_MAX: memorySize.default("4g"),
  RAPPORT_DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, ".data")),

  RAPPORT_WORKSPACE: z.string().min(1).default("demo"),
  RAPPORT_SEED_DEMO: flag.default(true),
});

export type Env = Record<string, string | undefined>;

export interface Neo4jTarget {
  /** Bolt or routing URI. */
  uri: string;
  username: string;
  password: string;
  /** Undefined means the server's default database. */
  database: string | undefined;
}

export interface LocalNeo4jSettings {
  boltPort: number;
  heap: string;
  pageCache: string;
  txMemoryMax: string;
  /** Store, logs and pid file of the local Neo4j. */
  homeDir: string;
}

export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  logLevel: string;
  requestBodyLimit: string;
  shutdownGraceMs: number;
  /** Set when NEO4J_URI is given; otherwise the local Neo4j is used. */
  externalNeo4j: Neo4jTarget | undefined;
  localNeo4j: LocalNeo4jSettings;
  neo4jTxTimeoutMs: number;
  neo4jConnectTimeoutMs: number;
  neo4jMaxRetryMs: number;
  workspace: string;
  seedDemo: boolean;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    requestBodyLimit: e.REQUEST_BODY_LIMIT,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    externalNeo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    localNeo4j: {
      boltPort: e.NEO4J_BOLT_PORT,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
      txMemoryMax: e.NEO4J_TX_MEMORY_MAX,
      homeDir: path.resolve(e.RAPPORT_DATA_DIR, "neo4j"),
    },
    neo4jTxTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
    neo4jConnectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
    neo4jMaxRetryMs: e.NEO4J_MAX_RETRY_MS,
    workspace: e.RAPPORT_WORKSPACE,
    seedDemo: e.RAPPORT_SEED_DEMO,
  });
}

/** The Bolt target of the local Neo4j that `npm run db:start` runs. */
export function localNeo4jTarget(settings: LocalNeo4jSettings): Neo4jTarget {
  return { uri: `bolt://127.0.0.1:${settings.boltPort}`, username: "neo4j", password: "", database: undefined };
}

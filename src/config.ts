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
  IMPORT_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, "expected a size such as 10mb").default("100mb"),
  INGEST_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, "expected a size such as 10mb").default("1024mb"),
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

  // Who may call: see authSettings below for what counts as configured.
  RAPPORT_AUTH: z.preprocess(emptyAsUndefined, z.enum(["dev", "apikey", "jwt"]).optional()),
  RAPPORT_JWT_ISSUER: z.preprocess(emptyAsUndefined, z.string().optional()),
  RAPPORT_JWT_AUDIENCE: z.preprocess(emptyAsUndefined, z.string().optional()),
  // HS256 secrets shorter than the hash are guessable offline from any token.
  RAPPORT_JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "expected at least 32 characters").optional()),
  RAPPORT_JWT_PUBLIC_KEY_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  RAPPORT_JWT_JWKS_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  RAPPORT_JWT_WORKSPACE_CLAIM: z.string().min(1).default("workspace"),
  RAPPORT_JWT_EMAIL_CLAIM: z.string().min(1).default("email"),
  RAPPORT_JWT_ROLE_CLAIM: z.string().min(1).default("role"),
  RAPPORT_JWT_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(5),

  // Limits checked before an operation runs (src/plugins/limits.ts).
  RAPPORT_MAX_DEPTH: positiveInt.default(10),
  RAPPORT_MAX_COST: positiveInt.default(10_000),
  // The resolvers and the Cypher assume these upper bounds; the settings may only lower them.
  RAPPORT_MAX_FIRST: positiveInt.max(100).default(100),
  RAPPORT_MAX_HOPS: positiveInt.max(4).default(4),
  RAPPORT_MAX_BATCH: positiveInt.max(100).default(1),
  // From how many people reached a connected filter reads its topic facts from the topics' side (cypher/filters/shortlist).
  RAPPORT_SHORTLIST_FROM: z.coerce.number().int().min(0).default(2_000),
  // How connections follow from interactions (src/relationships/strength.ts).
  RAPPORT_HALF_LIFE_DAYS: z.coerce.number().positive().max(3650).default(90),
  RAPPORT_DECAY_EVERY_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  RAPPORT_INTROSPECTION: z.preprocess(emptyAsUndefined, flag.optional()),
  RAPPORT_METRICS: flag.default(true),
  RAPPORT_PLAYGROUND: z.preprocess(emptyAsUndefined, flag.optional()),
  // Live signals: webhooks on watched segments (src/signals).
  RAPPORT_WEBHOOK_ALLOW_PRIVATE: z.preprocess(emptyAsUndefined, flag.optional()),
  RAPPORT_WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000).default(10_000),
  RAPPORT_WEBHOOK_RETRY_BASE_MS: positiveInt.max(600_000).default(1_000),
  RAPPORT_SIGNALS_DEBOUNCE_MS: z.coerce.number().int().min(0).max(10_000).default(2_000),
  RAPPORT_SIGNALS_EVERY_MINUTES: z.coerce.number().int().min(0).max(1440).default(5),
}).superRefine(authSettings);

/**
 * What counts as an auth configuration. Outside production RAPPORT_AUTH
 * defaults to `dev`: unauthenticated requests act as the demo user. In
 * production the server needs it set, to `apikey` (bearer API keys only) or
 * `jwt` (bearer JWTs as well as API keys), and refuses `dev` (see
 * assertServable; the command-line tools serve no requests and need neither).
 * JWTs are accepted whenever a JWT issuer, audience and exactly one key
 * source are set, and RAPPORT_AUTH=jwt requires them.
 */
function authSettings(e: { RAPPORT_AUTH?: string | undefined } & Record<string, unknown>, ctx: z.RefinementCtx): void {
  const issue = (variable: string, message: string) => ctx.addIssue({ code: "custom", path: [variable], message });
  const keySources = ["RAPPORT_JWT_SECRET", "RAPPORT_JWT_PUBLIC_KEY_FILE", "RAPPORT_JWT_JWKS_FILE"].filter((name) => e[name] !== undefined);
  const jwtWanted = e.RAPPORT_AUTH === "jwt" || keySources.length > 0 || e.RAPPORT_JWT_ISSUER !== undefined || e.RAPPORT_JWT_AUDIENCE !== undefined;
  if (!jwtWanted) return;
  for (const name of ["RAPPORT_JWT_ISSUER", "RAPPORT_JWT_AUDIENCE"]) if (e[name] === undefined) issue(name, "required to accept JWTs");
  if (keySources.length !== 1) {
    issue("RAPPORT_JWT_SECRET", "to accept JWTs give exactly one of RAPPORT_JWT_SECRET (HS256), RAPPORT_JWT_PUBLIC_KEY_FILE (PEM, RS256) and RAPPORT_JWT_JWKS_FILE");
  }
}

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
  /** The largest graph document POST /import accepts. */
  importBodyLimit: string;
  /** The largest mailbox or calendar POST /ingest/* accepts (streamed, never held). */
  ingestBodyLimit: string;
  shutdownGraceMs: number;
  /** Set when NEO4J_URI is given; otherwise the local Neo4j is used. */
  externalNeo4j: Neo4jTarget | undefined;
  localNeo4j: LocalNeo4jSettings;
  neo4jTxTimeoutMs: number;
  neo4jConnectTimeoutMs: number;
  neo4jMaxRetryMs: number;
  workspace: string;
  seedDemo: boolean;
  auth: AuthSettings;
  limits: Limits;
  search: SearchSettings;
  relationships: RelationshipSettings;
  /** Always on outside production; RAPPORT_INTROSPECTION (default off) in production. */
  introspection: boolean;
  /** GET /metrics in Prometheus format (RAPPORT_METRICS, default on). */
  metrics: boolean;
  /** The GraphQL IDE on GET /graphql for browsers: on outside production; RAPPORT_PLAYGROUND (default off) in production. */
  playground: boolean;
  signals: SignalSettings;
}

export interface SignalSettings {
  /** Webhooks may point at private and loopback addresses (RAPPORT_WEBHOOK_ALLOW_PRIVATE; default: outside production only). */
  allowPrivate: boolean;
  timeoutMs: number;
  retryBaseMs: number;
  debounceMs: number;
  everyMinutes: number;
}

/** `unset`: production without RAPPORT_AUTH, which tools accept and the server refuses. */
export type AuthMode = "dev" | "apikey" | "jwt" | "unset";

export interface AuthSettings {
  mode: AuthMode;
  /** Set when JWTs are accepted. */
  jwt: JwtSettings | undefined;
}

export interface JwtSettings {
  issuer: string;
  audience: string;
  key: { kind: "secret"; secret: string } | { kind: "pem-file"; file: string } | { kind: "jwks-file"; file: string };
  /** The claims that carry the workspace, the email and the role. */
  claims: { workspace: string; email: string; role: string };
  clockToleranceSec: number;
}

export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxFirst: number;
  maxHops: number;
  /** Operations per HTTP request; 1 turns batching off. */
  maxBatch: number;
}

export interface SearchSettings {
  /** A connected filter that reaches at least this many people shortlists them (cypher/filters/shortlist/reached.cypher). */
  shortlistFrom: number;
}

export interface RelationshipSettings {
  /** After how many days an interaction counts half as much (RAPPORT_HALF_LIFE_DAYS, default 90). */
  halfLifeDays: number;
  /** How often the server brings derived strengths up to date (RAPPORT_DECAY_EVERY_MINUTES, default 60; 0: never). */
  decayEveryMinutes: number;
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
    importBodyLimit: e.IMPORT_BODY_LIMIT,
    ingestBodyLimit: e.INGEST_BODY_LIMIT,
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
    auth: { mode: e.RAPPORT_AUTH ?? (e.NODE_ENV === "production" ? ("unset" as const) : ("dev" as const)), jwt: jwtSettings(e) },
    limits: {
      maxDepth: e.RAPPORT_MAX_DEPTH,
      maxCost: e.RAPPORT_MAX_COST,
      maxFirst: e.RAPPORT_MAX_FIRST,
      maxHops: e.RAPPORT_MAX_HOPS,
      maxBatch: e.RAPPORT_MAX_BATCH,
    },
    search: { shortlistFrom: e.RAPPORT_SHORTLIST_FROM },
    relationships: { halfLifeDays: e.RAPPORT_HALF_LIFE_DAYS, decayEveryMinutes: e.RAPPORT_DECAY_EVERY_MINUTES },
    introspection: e.NODE_ENV !== "production" || (e.RAPPORT_INTROSPECTION ?? false),
    metrics: e.RAPPORT_METRICS,
    playground: e.RAPPORT_PLAYGROUND ?? e.NODE_ENV !== "production",
    signals: {
      allowPrivate: e.RAPPORT_WEBHOOK_ALLOW_PRIVATE ?? e.NODE_ENV !== "production",
      timeoutMs: e.RAPPORT_WEBHOOK_TIMEOUT_MS,
      retryBaseMs: e.RAPPORT_WEBHOOK_RETRY_BASE_MS,
      debounceMs: e.RAPPORT_SIGNALS_DEBOUNCE_MS,
      everyMinutes: e.RAPPORT_SIGNALS_EVERY_MINUTES,
    },
  });
}

function jwtSettings(e: z.infer<typeof EnvSchema>): JwtSettings | undefined {
  if (e.RAPPORT_JWT_ISSUER === undefined || e.RAPPORT_JWT_AUDIENCE === undefined) return undefined;
  const key = e.RAPPORT_JWT_SECRET !== undefined ? { kind: "secret" as const, secret: e.RAPPORT_JWT_SECRET }
    : e.RAPPORT_JWT_PUBLIC_KEY_FILE !== undefined ? { kind: "pem-file" as const, file: path.resolve(e.RAPPORT_JWT_PUBLIC_KEY_FILE) }
    : { kind: "jwks-file" as const, file: path.resolve(e.RAPPORT_JWT_JWKS_FILE as string) };
  return {
    issuer: e.RAPPORT_JWT_ISSUER,
    audience: e.RAPPORT_JWT_AUDIENCE,
    key,
    claims: { workspace: e.RAPPORT_JWT_WORKSPACE_CLAIM, email: e.RAPPORT_JWT_EMAIL_CLAIM, role: e.RAPPORT_JWT_ROLE_CLAIM },
    clockToleranceSec: e.RAPPORT_JWT_CLOCK_TOLERANCE_S,
  };
}

/** The server's rule: in production, requests must sign in with API keys or JWTs. */
export function assertServable(config: Pick<Config, "env" | "auth">): void {
  if (config.env === "production" && (config.auth.mode === "unset" || config.auth.mode === "dev")) {
    throw new ConfigError(
      "invalid configuration:\n  RAPPORT_AUTH: production needs RAPPORT_AUTH=apikey or RAPPORT_AUTH=jwt (dev mode, which lets anyone in as the demo user, is refused)",
    );
  }
}

/** The Bolt target of the local Neo4j that `npm run db:start` runs. */
export function localNeo4jTarget(settings: LocalNeo4jSettings): Neo4jTarget {
  return { uri: `bolt://127.0.0.1:${settings.boltPort}`, username: "neo4j", password: "", database: undefined };
}

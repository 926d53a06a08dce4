/**
 * The environment, parsed once with zod into a frozen Config. Nothing else in
 * the code reads process.env, so every setting is listed and checked here, and
 * a bad value stops start-up with a message that names the variable. Each
 * setting is written once, in SETTINGS: the variable it is read from, how it
 * is read, and by its place in the table where it lands in Config; the few
 * settings that depend on others are worked out in configFrom.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { MAX_BATCH, MAX_HOPS, MAX_PAGE_SIZE } from "./bounds.js";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type Env = Record<string, string | undefined>;

/** A setting: the environment variable it is read from, and how. */
interface Setting<T extends z.ZodType> {
  variable: string;
  schema: T;
}

function from<T extends z.ZodType>(variable: string, schema: T): Setting<T> {
  return { variable, schema };
}

type Table = { [name: string]: Setting<z.ZodType> | Table };
type Read<S> = S extends Setting<infer T> ? z.output<T> : { [K in keyof S]: Read<S[K]> };

const port = z.coerce.number().int().min(1).max(65535);
/** 0: any free port, which the start-up line names (for several instances on one machine, as the tests run them). */
const listenPort = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const memorySize = z.string().regex(/^\d+[kmg]$/i, "expected a size such as 512m or 4g");
const bodySize = (example: string) => z.string().regex(/^\d+(b|kb|mb)$/i, `expected a size such as ${example}`);
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
/** Comma-separated GraphQL operation names. */
const operationNames = z.string().transform((text) => text.split(",").map((name) => name.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected GraphQL operation names")).max(500));
/** The canonical questions' operations (playground/examples.ts) and the one watched segments run (src/signals/evaluate.ts). */
const KNOWN_OPERATIONS = "ChurnWorriedCrmReaders,CompaniesOfCrmReaders,NearbyAndInterested,SeriesBWhereIKnowSomeone,Introductions,Brief,WhoKnows,Prospects,SegmentMembers";
/** An optional setting: set to the empty string, it is not set. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const SETTINGS = {
  env: from("NODE_ENV", z.enum(["development", "production", "test"]).default("development")),
  host: from("HOST", z.string().min(1).default("127.0.0.1")),
  port: from("PORT", listenPort.default(4000)),
  logLevel: from("LOG_LEVEL", z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  requestBodyLimit: from("REQUEST_BODY_LIMIT", bodySize("100kb or 1mb").default("1mb")),
  /** The largest graph document POST /import accepts. */
  importBodyLimit: from("IMPORT_BODY_LIMIT", bodySize("10mb").default("100mb")),
  /** The largest mailbox or calendar POST /ingest/* accepts (streamed, never held). */
  ingestBodyLimit: from("INGEST_BODY_LIMIT", bodySize("10mb").default("1024mb")),
  shutdownGraceMs: from("SHUTDOWN_GRACE_MS", positiveInt.default(10_000)),
  /** Slow clients (src/server.ts): each limit on how long a client may take to send. */
  http: {
    /** From the connection (or the previous response) to the end of the request's headers: a connection that sends nothing is cut. */
    headersTimeoutMs: from("HTTP_HEADERS_TIMEOUT_MS", positiveInt.default(10_000)),
    /** A whole request, body included; mailboxes sent to /ingest must arrive within it. */
    requestTimeoutMs: from("HTTP_REQUEST_TIMEOUT_MS", positiveInt.default(300_000)),
    /** An idle kept-alive connection between requests. */
    keepAliveTimeoutMs: from("HTTP_KEEP_ALIVE_TIMEOUT_MS", positiveInt.default(5_000)),
    /** A JSON body (/graphql, tracking) must arrive within this, or the answer is 408. */
    bodyReadTimeoutMs: from("HTTP_BODY_READ_TIMEOUT_MS", positiveInt.default(10_000)),
  },

  /** Another Neo4j than the local one, when NEO4J_URI is given (see externalNeo4j). */
  neo4j: {
    uri: from("NEO4J_URI", optional(z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, "expected a bolt://, neo4j://, bolt+s:// or neo4j+s:// URI"))),
    username: from("NEO4J_USERNAME", z.string().default("neo4j")),
    password: from("NEO4J_PASSWORD", z.string().default("")),
    /** Undefined means the server's default database. */
    database: from("NEO4J_DATABASE", optional(z.string())),
  },
  neo4jTxTimeoutMs: from("NEO4J_TX_TIMEOUT_MS", positiveInt.default(15_000)),
  neo4jConnectTimeoutMs: from("NEO4J_CONNECT_TIMEOUT_MS", positiveInt.default(3_000)),
  neo4jMaxRetryMs: from("NEO4J_MAX_RETRY_MS", z.coerce.number().int().min(0).default(2_000)),
  neo4jMaxPoolSize: from("NEO4J_MAX_POOL_SIZE", positiveInt.max(1_000).default(100)),
  /** Admission control (src/db/admission.ts); the defaults follow from the pool's size (see configFrom). */
  admission: {
    maxActive: from("RAPPORT_MAX_ACTIVE_QUERIES", optional(positiveInt)),
    maxQueued: from("RAPPORT_MAX_QUEUED_QUERIES", optional(z.coerce.number().int().min(0))),
    queueTimeoutMs: from("RAPPORT_QUEUE_TIMEOUT_MS", positiveInt.default(5_000)),
  },
  /** One request's statements together, from its first; default: twice NEO4J_TX_TIMEOUT_MS (see configFrom). */
  requestDbBudgetMs: from("RAPPORT_REQUEST_DB_BUDGET_MS", optional(positiveInt)),
  /** Token buckets per API key or JWT subject (src/http/rate-limit.ts): requests a second, and how many may come at once; a rate of 0 turns one off. */
  rateLimits: {
    graphql: {
      perSecond: from("RAPPORT_RATE_LIMIT_PER_S", z.coerce.number().min(0).default(50)),
      burst: from("RAPPORT_RATE_LIMIT_BURST", positiveInt.default(100)),
    },
    tracking: {
      perSecond: from("RAPPORT_TRACKING_RATE_LIMIT_PER_S", z.coerce.number().min(0).default(200)),
      burst: from("RAPPORT_TRACKING_RATE_LIMIT_BURST", positiveInt.default(400)),
    },
    /** POST /import and /ingest/*. */
    imports: {
      perSecond: from("RAPPORT_IMPORT_RATE_LIMIT_PER_S", z.coerce.number().min(0).default(0.2)),
      burst: from("RAPPORT_IMPORT_RATE_LIMIT_BURST", positiveInt.default(5)),
    },
  },

  localNeo4j: {
    boltPort: from("NEO4J_BOLT_PORT", port.default(7687)),
    /** Unset: sized from the machine's memory (src/db/neo4j-memory.ts). */
    heap: from("NEO4J_HEAP", optional(memorySize)),
    /** Unset: sized from the store and the machine's memory (src/db/neo4j-memory.ts). */
    pageCache: from("NEO4J_PAGECACHE", optional(memorySize)),
    txMemoryMax: from("NEO4J_TX_MEMORY_MAX", memorySize.default("4g")),
    /** Store, logs and pid file of the local Neo4j: neo4j/ in the data directory. */
    homeDir: from("RAPPORT_DATA_DIR", z.string().min(1).default(path.join(PROJECT_ROOT, ".data")).transform((dir) => path.resolve(dir, "neo4j"))),
  },

  workspace: from("RAPPORT_WORKSPACE", z.string().min(1).default("demo")),
  seedDemo: from("RAPPORT_SEED_DEMO", flag.default(true)),

  // Who may call: see checkAuth below for what counts as configured.
  authMode: from("RAPPORT_AUTH", optional(z.enum(["dev", "apikey", "jwt"]))),
  jwt: {
    issuer: from("RAPPORT_JWT_ISSUER", optional(z.string())),
    audience: from("RAPPORT_JWT_AUDIENCE", optional(z.string())),
    // HS256 secrets shorter than the hash are guessable offline from any token.
    secret: from("RAPPORT_JWT_SECRET", optional(z.string().min(32, "expected at least 32 characters"))),
    publicKeyFile: from("RAPPORT_JWT_PUBLIC_KEY_FILE", optional(z.string())),
    jwksFile: from("RAPPORT_JWT_JWKS_FILE", optional(z.string())),
    /** The claims that carry the workspace, the email and the role. */
    claims: {
      workspace: from("RAPPORT_JWT_WORKSPACE_CLAIM", z.string().min(1).default("workspace")),
      email: from("RAPPORT_JWT_EMAIL_CLAIM", z.string().min(1).default("email")),
      role: from("RAPPORT_JWT_ROLE_CLAIM", z.string().min(1).default("role")),
    },
    clockToleranceSec: from("RAPPORT_JWT_CLOCK_TOLERANCE_S", z.coerce.number().int().min(0).max(300).default(5)),
  },

  /** Limits checked before an operation runs (src/plugins/limits.ts); the bounds the code is written for may be lowered, not raised. */
  limits: {
    maxDepth: from("RAPPORT_MAX_DEPTH", positiveInt.default(10)),
    maxCost: from("RAPPORT_MAX_COST", positiveInt.default(10_000)),
    maxFirst: from("RAPPORT_MAX_FIRST", positiveInt.max(MAX_PAGE_SIZE).default(MAX_PAGE_SIZE)),
    maxHops: from("RAPPORT_MAX_HOPS", positiveInt.max(MAX_HOPS).default(MAX_HOPS)),
    /** Operations per HTTP request; 1 turns batching off. */
    maxBatch: from("RAPPORT_MAX_BATCH", positiveInt.max(MAX_BATCH).default(1)),
    /** Fields that make Neo4j read much of a workspace (validation/expensive-fields.ts) one operation may hold. */
    maxExpensiveFields: from("RAPPORT_MAX_EXPENSIVE_FIELDS", positiveInt.default(4)),
  },
  search: {
    /** A statement with at least this many people to test shortlists them first (cypher/filters/shortlist/matched.cypher). */
    shortlistFrom: from("RAPPORT_SHORTLIST_FROM", z.coerce.number().int().min(0).default(2_000)),
    /** Where a filter's statement starts: by estimated cost, or always one way (src/filters/start-choice.ts). */
    filterStart: from("RAPPORT_FILTER_START", z.enum(["cost", "connected", "events"]).default("cost")),
    /** The fewest people a filter may match for a ranking of the whole workspace to start from its contenders (src/filters/start-choice.ts). */
    contendersFrom: from("RAPPORT_CONTENDERS_FROM", z.coerce.number().int().min(0).default(100_000)),
  },
  /** Plans made in the background (src/plans/warm.ts). */
  plans: {
    /** How long planning the canonical questions and saved segments may take, at start and after a segment is saved; 0: never. */
    warmSeconds: from("RAPPORT_WARM_PLANS_SECONDS", z.coerce.number().min(0).max(3600).default(60)),
  },
  /** How connections follow from interactions (src/relationships/strength.ts). */
  relationships: {
    /** After how many days an interaction counts half as much. */
    halfLifeDays: from("RAPPORT_HALF_LIFE_DAYS", z.coerce.number().positive().max(3650).default(90)),
    /** How often the server brings derived strengths up to date; 0: never. */
    decayEveryMinutes: from("RAPPORT_DECAY_EVERY_MINUTES", z.coerce.number().int().min(0).max(1440).default(60)),
  },
  /** Live signals: webhooks on watched segments (src/signals). */
  signals: {
    /** Webhooks may point at private and loopback addresses; default: outside production only (see configFrom). */
    allowPrivate: from("RAPPORT_WEBHOOK_ALLOW_PRIVATE", optional(flag)),
    timeoutMs: from("RAPPORT_WEBHOOK_TIMEOUT_MS", positiveInt.max(60_000).default(10_000)),
    retryBaseMs: from("RAPPORT_WEBHOOK_RETRY_BASE_MS", positiveInt.max(600_000).default(1_000)),
    debounceMs: from("RAPPORT_SIGNALS_DEBOUNCE_MS", z.coerce.number().int().min(0).max(10_000).default(2_000)),
    everyMinutes: from("RAPPORT_SIGNALS_EVERY_MINUTES", z.coerce.number().int().min(0).max(1440).default(5)),
    pollMs: from("RAPPORT_SIGNALS_POLL_MS", z.coerce.number().int().min(0).max(60_000).default(5_000)),
  },
  /** The Segment tracking API (src/tracking). */
  tracking: {
    /** Days a tracking message's id is kept to recognise replays (src/tracking/retention.ts). */
    keepDays: from("RAPPORT_TRACKING_KEEP_DAYS", positiveInt.max(3650).default(7)),
  },
  /** Always on outside production (see configFrom). */
  introspection: from("RAPPORT_INTROSPECTION", optional(flag)),
  /** GET /metrics in Prometheus format. */
  metrics: from("RAPPORT_METRICS", flag.default(true)),
  /** The operation names /metrics labels by name; any other is counted as "other", so clients cannot grow the series. */
  metricsOperations: from("RAPPORT_METRICS_OPERATIONS", z.string().default(KNOWN_OPERATIONS).pipe(operationNames)),
  /** OpenTelemetry traces over OTLP/HTTP (src/tracing): off unless an endpoint is set. */
  tracing: {
    endpoint: from("OTEL_EXPORTER_OTLP_ENDPOINT", optional(z.url({ protocol: /^https?$/ }))),
    serviceName: from("OTEL_SERVICE_NAME", z.string().min(1).default("rapport")),
  },
  /** The GraphQL IDE on GET /graphql for browsers: on outside production unless set (see configFrom). */
  playground: from("RAPPORT_PLAYGROUND", optional(flag)),
} satisfies Table;

export interface Neo4jTarget {
  /** Bolt or routing URI. */
  uri: string;
  username: string;
  password: string;
  /** Undefined means the server's default database. */
  database: string | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const problems: string[] = [];
  const settings = read(SETTINGS, env, problems);
  checkAuth(settings, problems);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  return Object.freeze(configFrom(settings));
}

/** Every setting of the table read from `env`; each problem, named by its variable, is added to `problems`. */
function read<S extends Table>(table: S, env: Env, problems: string[]): Read<S> {
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(table)) {
    if (!isSetting(entry)) {
      out[name] = read(entry, env, problems);
      continue;
    }
    const parsed = entry.schema.safeParse(env[entry.variable]);
    if (parsed.success) out[name] = parsed.data;
    else problems.push(...parsed.error.issues.map((issue) => `${entry.variable}: ${issue.message}`));
  }
  return out as Read<S>;
}

function isSetting(entry: Setting<z.ZodType> | Table): entry is Setting<z.ZodType> {
  return typeof entry.variable === "string";
}

/**
 * What counts as an auth configuration. Outside production RAPPORT_AUTH
 * defaults to `dev`: unauthenticated requests act as the demo user. In
 * production the server needs it set, to `apikey` (bearer API keys only) or
 * `jwt` (bearer JWTs as well as API keys), and refuses `dev` (see
 * assertServable; the command-line tools serve no requests and need neither).
 * JWTs are accepted whenever a JWT issuer, audience and exactly one key
 * source are set, and RAPPORT_AUTH=jwt requires them.
 */
function checkAuth({ authMode, jwt }: Read<typeof SETTINGS>, problems: string[]): void {
  const { jwt: variables } = SETTINGS;
  const keySources = [jwt.secret, jwt.publicKeyFile, jwt.jwksFile].filter((source) => source !== undefined);
  const jwtWanted = authMode === "jwt" || keySources.length > 0 || jwt.issuer !== undefined || jwt.audience !== undefined;
  if (!jwtWanted) return;
  if (jwt.issuer === undefined) problems.push(`${variables.issuer.variable}: required to accept JWTs`);
  if (jwt.audience === undefined) problems.push(`${variables.audience.variable}: required to accept JWTs`);
  if (keySources.length !== 1) {
    const names = [variables.secret, variables.publicKeyFile, variables.jwksFile].map((setting) => setting.variable);
    problems.push(`${names[0]}: to accept JWTs give exactly one of ${names[0]} (HS256), ${names[1]} (PEM, RS256) and ${names[2]}`);
  }
}

/** Config from the settings, with what depends on more than one of them. */
function configFrom(settings: Read<typeof SETTINGS>) {
  const { neo4j, authMode, jwt, introspection, playground, signals, admission, requestDbBudgetMs, ...plain } = settings;
  const production = settings.env === "production";
  // A tenth of the pool stays outside admission control, for GET /ready and what is not a request. And no more
  // than 8 statements per core of this machine: 48 whole-workspace lists at once against 90 slots on 2 cores all
  // ran into the transaction timeout, against 16 slots 16 were served in 2 s and the rest refused at once.
  const maxActive = admission.maxActive ?? Math.max(1, Math.min(Math.floor(settings.neo4jMaxPoolSize * 0.9), 8 * os.availableParallelism()));
  return {
    ...plain,
    admission: { maxActive, maxQueued: admission.maxQueued ?? maxActive, queueTimeoutMs: admission.queueTimeoutMs },
    requestDbBudgetMs: requestDbBudgetMs ?? 2 * settings.neo4jTxTimeoutMs,
    /** Set when NEO4J_URI is given; otherwise the local Neo4j is used. */
    externalNeo4j: neo4j.uri === undefined ? undefined : ({ ...neo4j, uri: neo4j.uri } satisfies Neo4jTarget),
    /** `unset`: production without RAPPORT_AUTH, which tools accept and the server refuses. */
    auth: { mode: authMode ?? (production ? ("unset" as const) : ("dev" as const)), jwt: jwtSettings(jwt) },
    introspection: !production || (introspection ?? false),
    playground: playground ?? !production,
    signals: { ...signals, allowPrivate: signals.allowPrivate ?? !production },
  };
}

/** JWTs are accepted when an issuer and an audience are set (checkAuth has made sure of exactly one key source). */
function jwtSettings({ issuer, audience, secret, publicKeyFile, jwksFile, claims, clockToleranceSec }: Read<typeof SETTINGS>["jwt"]) {
  if (issuer === undefined || audience === undefined) return undefined;
  const key = secret !== undefined ? { kind: "secret" as const, secret }
    : publicKeyFile !== undefined ? { kind: "pem-file" as const, file: path.resolve(publicKeyFile) }
    : { kind: "jwks-file" as const, file: path.resolve(jwksFile ?? "") };
  return { issuer, audience, key, claims, clockToleranceSec };
}

export type Config = ReturnType<typeof configFrom>;
export type LocalNeo4jSettings = Config["localNeo4j"];
export type AuthSettings = Config["auth"];
export type JwtSettings = NonNullable<AuthSettings["jwt"]>;
export type Limits = Config["limits"];
export type RateLimitSettings = Config["rateLimits"];
export type HttpSettings = Config["http"];
export type SearchSettings = Config["search"];
export type RelationshipSettings = Config["relationships"];
export type SignalSettings = Config["signals"];

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

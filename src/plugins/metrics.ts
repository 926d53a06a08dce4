/**
 * Prometheus metrics for GET /metrics, with prom-client: requests and their
 * latency by operation, the time each request spent waiting on Neo4j, errors
 * by their stable code, requests refused before their operation ran by code,
 * admission control's slots and refusals (by reason: a full queue, or a wait
 * that ran out), and tracking messages (the Segment API) by type and
 * outcome. One registry per server, so servers (and tests) never share
 * counters.
 *
 * Operation names come from clients, so only the names the server is told of
 * (RAPPORT_METRICS_OPERATIONS) become label values; any other is "other" and
 * a nameless operation "anonymous": no client can grow the series without
 * bound. The text passes `promtool check metrics` (tests/e2e/metrics.test.ts).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { RequestContext } from "../context.js";
import type { Admission } from "../db/admission.js";
import type { TrackingSummary } from "../tracking/track.js";

export interface Metrics {
  registry: Registry;
  plugin: ApolloServerPlugin<RequestContext>;
  /** Counts a request refused before Apollo saw it (a batch too long, a body too large), by its code. */
  refused(code: string): void;
  /** Counts a tracking request's messages by type and outcome (RECORDED, UNMATCHED, IGNORED, DUPLICATE). */
  tracked(summary: TrackingSummary): void;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// prom-client's default collectors name three gauges `_total`, a suffix Prometheus keeps for counters;
// each is the sum of the gauge of the same name without the suffix, which stays.
const MISNAMED_GAUGES = ["rapport_nodejs_active_handles_total", "rapport_nodejs_active_requests_total", "rapport_nodejs_active_resources_total"];

export function createMetrics(knownOperations: readonly string[], admission: Admission): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "rapport_" });
  for (const name of MISNAMED_GAUGES) registry.removeSingleMetric(name);
  const known = new Set(knownOperations);
  const operationLabel = (name: string | null | undefined) => (!name ? "anonymous" : known.has(name) ? name : "other");

  const requests = new Counter({ name: "rapport_graphql_requests_total", help: "GraphQL requests answered, by operation name and type", labelNames: ["operation", "type"], registers: [registry] });
  const latency = new Histogram({ name: "rapport_graphql_request_duration_seconds", help: "Time to answer a GraphQL request, by operation name and type", labelNames: ["operation", "type"], buckets: SECONDS, registers: [registry] });
  const neo4j = new Histogram({ name: "rapport_neo4j_seconds_per_request", help: "Time a GraphQL request spent waiting on Neo4j, by operation name", labelNames: ["operation"], buckets: SECONDS, registers: [registry] });
  const errors = new Counter({ name: "rapport_graphql_errors_total", help: "Errors in GraphQL responses, by extensions.code", labelNames: ["code"], registers: [registry] });
  const refusals = new Counter({ name: "rapport_graphql_refusals_total", help: "GraphQL requests refused before their operation ran (CSRF, batching, body, credentials, parse, validation, roles, limits), by code", labelNames: ["code"], registers: [registry] });
  const tracking = new Counter({ name: "rapport_tracking_messages_total", help: "Segment tracking messages accepted, by type and outcome", labelNames: ["type", "outcome"], registers: [registry] });
  // Read from admission control when scraped: it keeps the counts, so nothing here can drift from them.
  new Gauge({
    name: "rapport_admission_statements", help: "Neo4j statements and transactions running (active) and waiting for a slot (queued)", labelNames: ["state"], registers: [registry],
    collect() {
      const { active, queued } = admission.state;
      this.set({ state: "active" }, active);
      this.set({ state: "queued" }, queued);
    },
  });
  new Counter({
    name: "rapport_admission_refusals_total", help: "Statements refused a slot (503), by reason: the queue was full, or the wait ran out", labelNames: ["reason"], registers: [registry],
    collect() {
      const { refusedFull, refusedWaited } = admission.state;
      this.reset();
      this.inc({ reason: "queue_full" }, refusedFull);
      this.inc({ reason: "waited" }, refusedWaited);
    },
  });

  const refused = (code: string) => {
    refusals.inc({ code });
    errors.inc({ code });
  };
  const codeOf = (error: unknown) => String((error as { extensions?: Record<string, unknown> }).extensions?.code ?? "INTERNAL_SERVER_ERROR");

  const plugin: ApolloServerPlugin<RequestContext> = {
    // Before a request has a context: CSRF prevention and malformed requests (BAD_REQUEST), refused credentials.
    async invalidRequestWasReceived({ error }) {
      refused(codeOf(error));
    },
    async contextCreationDidFail({ error }) {
      refused(codeOf(error));
    },
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ operationName, operation, errors: seen }) {
          const labels = { operation: operationLabel(operationName), type: operation?.operation ?? "none" };
          requests.inc(labels);
          latency.observe(labels, (performance.now() - started) / 1000);
          neo4j.observe({ operation: labels.operation }, contextValue.db.meter.neo4jMs / 1000);
          for (const error of seen ?? []) errors.inc({ code: codeOf(error) });
          const [first] = seen ?? [];
          if (!executed && first) refusals.inc({ code: codeOf(first) });
        },
      };
    },
  };
  const tracked = (summary: TrackingSummary) => {
    for (const { type, outcome } of summary.outcomes) tracking.inc({ type, outcome: outcome.toLowerCase() });
  };
  return { registry, plugin, refused, tracked };
}

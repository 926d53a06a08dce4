/**
 * Prometheus metrics for GET /metrics, with prom-client: requests and their
 * latency by operation, the time each request spent waiting on Neo4j, and
 * errors by their stable code, and tracking messages (the Segment API) by
 * type and outcome. One registry per server, so servers (and
 * tests) never share counters. Operation names come from clients, so a name
 * that is not a plain GraphQL name is counted as "invalid" rather than
 * becoming a label value of its own.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { RequestContext } from "../context.js";
import type { TrackingSummary } from "../tracking/track.js";

export interface Metrics {
  registry: Registry;
  plugin: ApolloServerPlugin<RequestContext>;
  /** Counts a tracking request's messages by type and outcome (RECORDED, UNMATCHED, IGNORED, DUPLICATE). */
  tracked(summary: TrackingSummary): void;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "rapport_" });
  const requests = new Counter({ name: "rapport_graphql_requests_total", help: "GraphQL requests answered, by operation name and type", labelNames: ["operation", "type"], registers: [registry] });
  const latency = new Histogram({ name: "rapport_graphql_request_duration_seconds", help: "Time to answer a GraphQL request, by operation name and type", labelNames: ["operation", "type"], buckets: SECONDS, registers: [registry] });
  const neo4j = new Histogram({ name: "rapport_neo4j_seconds_per_request", help: "Time a GraphQL request spent waiting on Neo4j, by operation name", labelNames: ["operation"], buckets: SECONDS, registers: [registry] });
  const errors = new Counter({ name: "rapport_graphql_errors_total", help: "Errors in GraphQL responses, by extensions.code", labelNames: ["code"], registers: [registry] });
  const tracking = new Counter({ name: "rapport_tracking_messages_total", help: "Segment tracking messages accepted, by type and outcome", labelNames: ["type", "outcome"], registers: [registry] });

  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors: seen }) {
          const labels = { operation: operationLabel(operationName), type: operation?.operation ?? "none" };
          requests.inc(labels);
          latency.observe(labels, (performance.now() - started) / 1000);
          neo4j.observe({ operation: labels.operation }, contextValue.db.meter.neo4jMs / 1000);
          for (const error of seen ?? []) errors.inc({ code: String(error.extensions.code ?? "INTERNAL_SERVER_ERROR") });
        },
      };
    },
  };
  const tracked = (summary: TrackingSummary) => {
    for (const { type, outcome } of summary.outcomes) tracking.inc({ type, outcome: outcome.toLowerCase() });
  };
  return { registry, plugin, tracked };
}

function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : "invalid";
}

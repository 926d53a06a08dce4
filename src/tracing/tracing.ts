/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set:
 * then the SDK, the W3C trace-context propagator and the OTLP/HTTP exporter
 * are loaded (dynamic imports, so a server without an endpoint loads none of
 * them) and registered for the process, and spans (spans.ts) are sent in
 * batches to ENDPOINT/v1/traces as OTLP JSON.
 */
import { context, propagation, trace } from "@opentelemetry/api";
import type { Logger } from "../logger.js";

export interface TracingSettings {
  /** The collector's base URL; undefined: no tracing. */
  endpoint: string | undefined;
  serviceName: string;
}

export interface Tracing {
  /** Sends the spans still buffered and unregisters the SDK. */
  shutdown(): Promise<void>;
}

export async function startTracing(settings: TracingSettings, logger: Logger): Promise<Tracing> {
  if (!settings.endpoint) return { shutdown: async () => {} };
  const [{ TracerProvider, BatchSpanProcessor }, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import("@opentelemetry/sdk-trace"),
    import("@opentelemetry/context-async-hooks"),
    import("@opentelemetry/core"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  const url = `${settings.endpoint.replace(/\/+$/, "")}/v1/traces`;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  logger.info({ url, service: settings.serviceName }, "tracing: spans go to the OTLP/HTTP endpoint");
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/**
 * Builds the tracer provider from the validated configuration: OTLP over HTTP (protobuf or JSON) with
 * batched export. The SDK reads the rest of its standard variables itself (OTEL_EXPORTER_OTLP_HEADERS,
 * OTEL_EXPORTER_OTLP_*ENDPOINT, OTEL_BSP_*, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES).
 */
import { diag, DiagLogLevel, type DiagLogFunction } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from '../config';
import type { Logger } from '../logging/logger';
import { Tracing } from './tracing';

export function createTracing(config: TracingConfig, logger: Logger): Tracing | undefined {
  if (!config.enabled) return undefined;
  // Export failures would otherwise be silent. Only the SDK's message text is kept, not its objects,
  // which can hold the exporter's request options (and so OTEL_EXPORTER_OTLP_HEADERS).
  const toLog: DiagLogFunction = (message) => logger.warn({ component: 'opentelemetry' }, message);
  const ignore: DiagLogFunction = () => undefined;
  diag.setLogger({ error: toLog, warn: toLog, info: ignore, debug: ignore, verbose: ignore }, DiagLogLevel.WARN);

  const exporter = config.protocol === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter();
  const resource = detectResources({ detectors: [envDetector] }).merge(
    resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
  );
  return new Tracing(new BasicTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] }));
}

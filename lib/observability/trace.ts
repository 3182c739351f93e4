import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

const tracer = trace.getTracer('waymark');

/**
 * Runs `fn` inside a span. Without an OpenTelemetry SDK registered (no OTEL_EXPORTER_OTLP_ENDPOINT), the API
 * hands out no-op spans, so this costs next to nothing.
 */
export const withSpan = <T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> =>
  tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });

// Next.js calls register() once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  const { registerTracing } = await import('./lib/observability/register-tracing');
  registerTracing('waymark-web');
}

// Next.js calls register() once when the server starts, before it answers any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Sources live in ingest/, which route handlers may not import: they find the webhook receivers and the events
  // import registered here.
  const { registerSources } = await import('./ingest/sources/register-sources');
  registerSources();
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  const { registerTracing } = await import('./lib/observability/register-tracing');
  registerTracing('waymark-web');
}

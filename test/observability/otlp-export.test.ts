import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trace } from '@opentelemetry/api';
import { registerTracing } from '../../lib/observability/register-tracing';
import { runCli } from '../helpers/run-cli';

let server: Server | undefined;
afterEach(() => server?.close());

/** A stand-in OTLP collector: records every export request body. */
const startCollector = async () => {
  const bodies: string[] = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push(`${request.url} ${body}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { endpoint: `http://127.0.0.1:${address.port}`, bodies };
};

describe('tracing', () => {
  it('exports the import spans over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    const { endpoint, bodies } = await startCollector();
    const file = join(mkdtempSync(join(tmpdir(), 'waymark-otel-')), 'e.ndjson');
    writeFileSync(file, `${JSON.stringify({ kind: 'service', name: 'payments' })}\n`);
    const result = await runCli(['ingest', 'events', file], {
      env: { WAYMARK_DATA_DIR: mkdtempSync(join(tmpdir(), 'waymark-data-')), OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
    });
    expect(result.code).toBe(0);
    const exported = bodies.join('\n');
    expect(exported).toContain('/v1/traces');
    expect(exported).toContain('waymark.import_events');
    expect(exported).toContain('waymark.import_events.batch');
    expect(exported).toContain('waymark-cli');
  });

  it('registers nothing without OTEL_EXPORTER_OTLP_ENDPOINT, so spans stay no-ops', () => {
    expect(process.env.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    registerTracing('waymark-test');
    expect(trace.getTracer('waymark').startSpan('probe').isRecording()).toBe(false);
  });
});

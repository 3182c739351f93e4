import { registerSources } from '../../ingest/sources/register-sources';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { POST } from '../../app/api/events/route';
import { GET as health } from '../../app/api/health/route';
import { createApiToken } from '../../lib/auth/create-api-token';
import { resetConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { getExpectedSchemaVersion } from '../../lib/db/migrate';
import { toNdjson } from '../helpers/event-input';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';

// What instrumentation.ts does when the server starts: the route finds the events source registered.
registerSources();

const deployment = { kind: 'deployment', id: 'd1', service: 'payments', environment: 'production', status: 'success', finishedAt: '2026-01-05T10:07:00Z' };
const incident = { kind: 'incident', id: 'INC-1', service: 'payments', openedAt: '2026-01-05T11:00:00Z' };

const post = (body: string, headers: Record<string, string> = {}, query = '') =>
  POST(new Request(`http://localhost/api/events${query}`, { method: 'POST', body, headers }));

describeEachBackend('POST /api/events', ({ db, handle }) => {
  let auth: Record<string, string>;
  beforeEach(async () => {
    setDbHandle(handle());
    auth = { authorization: `Bearer ${(await createApiToken(db(), 'ci')).token}` };
  });
  afterEach(() => {
    delete process.env.WAYMARK_MAX_BODY_BYTES;
    resetConfig();
  });

  it('answers 401 without a valid token and stores nothing', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wmk_000000000000_' + 'x'.repeat(43) }];
    for (const headers of attempts) {
      const response = await post(toNdjson([deployment]), headers);
      expect(response.status).toBe(401);
      expect((await response.json()).code).toBe('UNAUTHORIZED');
    }
    expect(await countRows(db(), 'deployments')).toBe(0);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    expect(await countRows(db(), 'ingest_runs')).toBe(0);
  });

  it('imports NDJSON and answers with counts; the same body again is unchanged', async () => {
    const first = await post(toNdjson([deployment, incident]), { ...auth, 'content-type': 'application/x-ndjson' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ records: 2, inserted: 2, updated: 0, unchanged: 0 });
    const second = await post(toNdjson([deployment, incident]), auth);
    expect(await second.json()).toMatchObject({ records: 2, inserted: 0, unchanged: 2 });
    expect(await countRows(db(), 'deployments')).toBe(1);
  });

  it('accepts a JSON array and names bad records by index, storing nothing', async () => {
    const ok = await post(JSON.stringify([deployment]), { ...auth, 'content-type': 'application/json' });
    expect(ok.status).toBe(200);
    const bad = await post(JSON.stringify([incident, { ...deployment, id: 'd2', finishedAt: 'soon' }]), { ...auth, 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([expect.stringMatching(/^index 1: finishedAt: invalid datetime/)]);
    expect(await countRows(db(), 'incidents')).toBe(0);
  });

  it('answers 413 for a body over the configured limit and stores nothing', async () => {
    process.env.WAYMARK_MAX_BODY_BYTES = '2048';
    resetConfig();
    const records = Array.from({ length: 40 }, (_, index) => ({ ...deployment, id: `d${index}` }));
    const response = await post(toNdjson(records), auth);
    expect(response.status).toBe(413);
    expect(await countRows(db(), 'deployments')).toBe(0);
  });

  it('uses ?source= to namespace ids', async () => {
    await post(toNdjson([deployment]), auth, '?source=jenkins');
    const [row] = await db().query.deployments.findMany();
    expect(row!.id).toBe('jenkins:deployment:d1');
  });
});

describeEachBackend('GET /api/health', ({ handle }) => {
  it('reports the backend and the schema version', async () => {
    setDbHandle(handle());
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: { backend: handle().backend, schemaVersion: getExpectedSchemaVersion() } });
  });
});

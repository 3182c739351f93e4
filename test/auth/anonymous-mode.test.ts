import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { POST as requestExemption } from '../../app/api/exemptions/requests/route';
import { setDbHandle } from '../../lib/db/client';
import { auditLog } from '../../lib/db/schema';
import { clearAuthConfig, useAuthConfig } from '../helpers/auth-config';
import { describeEachBackend } from '../helpers/test-db';
import { importRecords, serviceRecord } from '../scorecard/helpers/ingest';

const APP = 'http://localhost';
let standards: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-anonymous-'));
  standards = join(dir, 'golden-path.yaml');
  writeFileSync(standards, 'version: 1\nlevels: [bronze]\nchecks:\n  - id: codeowners\n    title: Code owners\n    level: bronze\n    rule: { fileExists: [CODEOWNERS] }\n');
});
afterEach(() => clearAuthConfig());

const expires = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const form = new URLSearchParams({ service: 'payments', check: 'codeowners', reason: 'moving repositories', expires });
const post = (headers: Record<string, string>) =>
  requestExemption(new Request(`${APP}/api/exemptions/requests`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }));

describeEachBackend('without sign-in configured', ({ db, handle }) => {
  beforeEach(async () => {
    setDbHandle(handle());
    await importRecords(db(), [serviceRecord('payments', { team: 'payments' })]);
  });

  it('the local user (loopback only) writes from the pages as admin; API clients still need a token; cross-site is refused', async () => {
    useAuthConfig(null, { standards: { path: standards } });
    expect((await post({})).status).toBe(401);
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: APP })).status).toBe(303);
    expect(await db().select({ actor: auditLog.actor, role: auditLog.actorRole }).from(auditLog)).toEqual([{ actor: 'local', role: 'admin' }]);
  });

  it('an open server (server.allowAnonymous) lets nobody write from the pages', async () => {
    useAuthConfig(null, { standards: { path: standards }, server: { allowAnonymous: true, host: '0.0.0.0' } });
    expect((await post({ origin: APP })).status).toBe(403);
  });
});

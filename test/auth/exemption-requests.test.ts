import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { POST as decide } from '../../app/api/exemptions/[id]/decision/route';
import { POST as requestExemption } from '../../app/api/exemptions/requests/route';
import { GET as getScorecard } from '../../app/api/v1/services/[name]/scorecard/route';
import { GET as readAudit } from '../../app/api/v1/audit/route';
import { createSession } from '../../lib/auth/create-session';
import { getConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { ensureScorecardsFresh } from '../../lib/scorecard/ensure-scorecards-fresh';
import { auditLog, exemptions } from '../../lib/db/schema';
import { clearAuthConfig, useAuthConfig } from '../helpers/auth-config';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';
import { factsRecord, importRecords, serviceRecord } from '../scorecard/helpers/ingest';

const STANDARDS = `version: 1
levels: [bronze]
checks:
  - id: codeowners
    title: Code owners are declared
    level: bronze
    rule: { fileExists: [CODEOWNERS] }
`;
const APP = 'http://localhost';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-requests-'));
  writeFileSync(join(dir, 'golden-path.yaml'), STANDARDS);
  useAuthConfig('https://id.example.com', { standards: { path: join(dir, 'golden-path.yaml') }, scorecard: { exemptionMaxDays: 30 } });
});
afterAll(() => clearAuthConfig());

describeEachBackend('exemption requests: owners ask for their services, the platform team decides', ({ db, handle }) => {
  const cookies: Record<string, string> = {};
  const as = async (name: string, roles: string[], teams: string[] = []) => {
    const user = { subject: name, name, email: `${name}@example.com`, groups: [], roles, teams };
    cookies[name] = (await createSession({ db: db(), config: getConfig(), user, previous: null })).value;
  };
  const headers = (who: string, extra: Record<string, string> = {}) => ({ cookie: `waymark-session=${cookies[who]}`, origin: APP, 'content-type': 'application/json', ...extra });
  const ask = (who: string, body: object, extra: Record<string, string> = {}) =>
    requestExemption(new Request(`${APP}/api/exemptions/requests`, { method: 'POST', body: JSON.stringify(body), headers: headers(who, extra) }));
  const answer = (who: string, id: string, body: object) =>
    decide(new Request(`${APP}/api/exemptions/${id}/decision`, { method: 'POST', body: JSON.stringify(body), headers: headers(who) }), params({ id }));
  const codeowners = async (service: string) =>
    (await (await getScorecard(new Request(`${APP}/api/v1/services/${service}/scorecard`, { headers: headers('vic') }), params({ name: service }))).json()).checks[0];

  beforeEach(async () => {
    setDbHandle(handle());
    const collectedAt = new Date(Date.now() - 3_600_000);
    await importRecords(db(), [
      serviceRecord('payments', { team: 'payments' }),
      serviceRecord('ledger', { team: 'finance' }),
      factsRecord('payments', collectedAt, { repository: { defaultBranch: 'main', headSha: 'a', paths: ['README.md'], files: {}, truncated: false } }),
      factsRecord('ledger', collectedAt, { repository: { defaultBranch: 'main', headSha: 'b', paths: ['README.md'], files: {}, truncated: false } }),
    ]);
    // Scorecard reads only read: the server's upkeep scores against this file's standards, so the test does it here.
    await ensureScorecardsFresh({ db: db() });
    await as('vic', ['viewer']);
    await as('olli', ['viewer', 'owner'], ['payments']);
    await as('ana', ['viewer', 'platform']);
  });

  const request = { service: 'payments', check: 'codeowners', reason: 'CODEOWNERS lands with the team split', expires: inDays(20) };

  it('refuses a viewer, another team\'s owner, a cross-site post and an expiry past the maximum; stores nothing', async () => {
    expect((await ask('vic', request)).status).toBe(403);
    const other = await ask('olli', { ...request, service: 'ledger' });
    expect(other.status).toBe(403);
    expect((await other.json()).error).toMatch(/"ledger": not a service of your team/);
    expect((await ask('olli', request, { origin: 'https://evil.example' })).status).toBe(403);
    const tooLong = await ask('olli', { ...request, expires: inDays(45) });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).details).toEqual([expect.stringMatching(/^expires: at most 30 days ahead/)]);
    expect(await countRows(db(), 'exemptions')).toBe(0);
    expect(await countRows(db(), 'audit_log')).toBe(0);
  });

  it('an owner requests (still failing), a platform user approves, and the scorecard shows the check exempt', async () => {
    const asked = await ask('olli', request);
    expect(asked.status).toBe(201);
    const { id, status } = await asked.json();
    expect(status).toBe('requested');
    expect(await codeowners('payments')).toMatchObject({ status: 'fail', exemption: null });
    expect((await answer('olli', id, { decision: 'approve' })).status).toBe(403);
    const approved = await answer('ana', id, { decision: 'approve', note: 'fine for a month' });
    expect(approved.status).toBe(200);
    expect(await codeowners('payments')).toMatchObject({ status: 'exempt', exemption: { id, createdBy: 'olli@example.com' } });
    expect((await answer('ana', id, { decision: 'reject' })).status).toBe(404);
    const audit = await db().select({ actor: auditLog.actor, role: auditLog.actorRole, action: auditLog.action, target: auditLog.target }).from(auditLog).orderBy(asc(auditLog.id));
    expect(audit).toEqual([
      { actor: 'olli@example.com', role: 'owner', action: 'exemption.request', target: 'payments/codeowners' },
      { actor: 'ana@example.com', role: 'platform', action: 'exemption.approve', target: 'payments/codeowners' },
    ]);
  });

  it('takes the service page\'s form and sends the browser back to the page; a rejection exempts nothing', async () => {
    const form = new URLSearchParams({ ...request });
    const response = await requestExemption(new Request(`${APP}/api/exemptions/requests`, { method: 'POST', body: form, headers: { ...headers('olli'), 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/services/payments?requested=codeowners');
    const [row] = await db().select().from(exemptions);
    expect((await answer('ana', row!.id, { decision: 'reject' })).status).toBe(200);
    expect(await codeowners('payments')).toMatchObject({ status: 'fail' });
  });

  it('shows the audit log to the platform team only', async () => {
    await ask('olli', request);
    expect((await readAudit(new Request(`${APP}/api/v1/audit`, { headers: headers('olli') }))).status).toBe(403);
    const rows = await (await readAudit(new Request(`${APP}/api/v1/audit`, { headers: headers('ana') }))).json();
    expect(rows).toEqual([expect.objectContaining({ actor: 'olli@example.com', action: 'exemption.request', detail: expect.objectContaining({ reason: request.reason }) })]);
  });
});

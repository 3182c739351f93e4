import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { GET as getBadge } from '../../app/api/badges/[file]/route';
import { POST as postResults } from '../../app/api/checks/results/route';
import { DELETE as revokeExemption } from '../../app/api/exemptions/[id]/route';
import { GET as listExemptions, POST as postExemption } from '../../app/api/exemptions/route';
import { GET as listScorecards } from '../../app/api/v1/scorecards/route';
import { GET as getScorecard } from '../../app/api/v1/services/[name]/scorecard/route';
import { createApiToken } from '../../lib/auth/create-api-token';
import { resetConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { ensureScorecardsFresh } from '../../lib/scorecard/ensure-scorecards-fresh';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';
import { factsRecord, importRecords, serviceRecord } from './helpers/ingest';

const STANDARDS = `version: 1
levels: [bronze, silver]
checks:
  - id: codeowners
    title: Code owners are declared
    level: bronze
    fix: Add a CODEOWNERS file.
    rule: { fileExists: [CODEOWNERS, .github/CODEOWNERS] }
  - id: sast
    title: Static analysis passes
    level: silver
    rule: { external: { check: sast } }
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-routes-'));
  writeFileSync(join(dir, 'golden-path.yaml'), STANDARDS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const url = (path: string) => `http://localhost${path}`;
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  new Request(url(path), { method, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

describeEachBackend('scorecard routes', ({ db, handle }) => {
  let auth: Record<string, string>;
  beforeEach(async () => {
    process.env.WAYMARK_STANDARDS = join(dir, 'golden-path.yaml');
    resetConfig();
    setDbHandle(handle());
    auth = { authorization: `Bearer ${(await createApiToken(db(), 'release-bot')).token}` };
    const collectedAt = new Date(Date.now() - 3_600_000);
    await importRecords(db(), [
      serviceRecord('payments'),
      serviceRecord('ledger', { team: 'finance' }),
      factsRecord('payments', collectedAt, { repository: { defaultBranch: 'main', headSha: 'abc', paths: ['CODEOWNERS'], files: {}, truncated: false } }),
      factsRecord('ledger', collectedAt, { repository: { defaultBranch: 'main', headSha: 'def', paths: ['README.md'], files: {}, truncated: false } }),
    ]);
    // What the server's upkeep does after an import: reads only read what is stored.
    await ensureScorecardsFresh({ db: db() });
  });
  afterEach(() => {
    delete process.env.WAYMARK_STANDARDS;
    delete process.env.WAYMARK_REQUIRE_READ_TOKEN;
    resetConfig();
  });

  it('serves a service scorecard, team summaries and a cacheable badge', async () => {
    const response = await getScorecard(new Request(url('/api/v1/services/payments/scorecard')), params({ name: 'payments' }));
    expect(response.status).toBe(200);
    const card = await response.json();
    expect(card).toMatchObject({ service: 'payments', level: 'bronze', score: 0.5 });
    expect(card.checks.map((check: { id: string; status: string; fix: string | null }) => [check.id, check.status, check.fix])).toEqual([
      ['codeowners', 'pass', 'Add a CODEOWNERS file.'],
      ['sast', 'unknown', null],
    ]);
    expect((await getScorecard(new Request(url('/api/v1/services/nope/scorecard')), params({ name: 'nope' }))).status).toBe(404);

    const rows = (await (await listScorecards(new Request(url('/api/v1/scorecards?team=finance')))).json()).items;
    expect(rows).toEqual([expect.objectContaining({ service: 'ledger', team: 'finance', level: 'unranked', score: 0, counts: { pass: 0, fail: 1, exempt: 0, skip: 0, unknown: 1 } })]);

    const badge = await getBadge(new Request(url('/api/badges/payments.svg')), params({ file: 'payments.svg' }));
    expect(badge.status).toBe(200);
    expect(badge.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(badge.headers.get('cache-control')).toBe('public, max-age=300');
    const svg = await badge.text();
    expect(svg).toContain('aria-label="payments: bronze"');
    expect(svg).not.toMatch(/core|CODEOWNERS|score/);
    const missing = await getBadge(new Request(url('/api/badges/nope.svg')), params({ file: 'nope.svg' }));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('nope: unknown');
  });

  it('takes CI results for external checks: authenticated, validated, all or nothing', async () => {
    const result = { service: 'payments', check: 'sast', status: 'pass', details: 'no findings', url: 'https://ci.example.com/1' };
    expect((await postResults(send('POST', '/api/checks/results', result, {}))).status).toBe(401);
    const invalid = await postResults(send('POST', '/api/checks/results', [result, { ...result, status: 'passed', extra: 1 }, { ...result, check: 'sats' }], auth));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).details).toEqual(['[1].status: expected "pass" or "fail"', '[1]: unknown field "extra"']);
    const typo = await postResults(send('POST', '/api/checks/results', { ...result, check: 'sats' }, auth));
    expect((await typo.json()).details).toEqual(['check: no external check is named "sats" (known: sast)']);
    expect(await countRows(db(), 'external_check_results')).toBe(0);

    const stored = await postResults(send('POST', '/api/checks/results', result, auth));
    expect(stored.status).toBe(201);
    expect(await stored.json()).toEqual({ stored: 1, services: ['payments'] });
    const card = await (await getScorecard(new Request(url('/api/v1/services/payments/scorecard')), params({ name: 'payments' }))).json();
    expect(card.level).toBe('silver');
    expect(card.checks[1]).toMatchObject({ id: 'sast', status: 'pass', evidence: { reportedBy: 'release-bot', details: 'no findings', url: 'https://ci.example.com/1' } });
  });

  it('grants and revokes exemptions with an audit record of who, when, why and until', async () => {
    const request = { service: 'ledger', check: 'codeowners', reason: 'Repository moves to the new org next month', expires: '2099-01-31' };
    expect((await postExemption(send('POST', '/api/exemptions', request, {}))).status).toBe(401);
    const past = await postExemption(send('POST', '/api/exemptions', { ...request, expires: '2020-01-01' }, auth));
    expect(past.status).toBe(400);
    expect((await past.json()).details).toEqual([expect.stringMatching(/^expires: 2020-01-01 is before today/)]);
    expect((await postExemption(send('POST', '/api/exemptions', { ...request, reason: ' ' }, auth))).status).toBe(400);
    expect((await postExemption(send('POST', '/api/exemptions', { ...request, service: 'nope' }, auth))).status).toBe(404);

    const granted = await postExemption(send('POST', '/api/exemptions', request, auth));
    expect(granted.status).toBe(201);
    const exemption = await granted.json();
    expect(exemption).toMatchObject({ service: 'ledger', checkId: 'codeowners', expires: '2099-01-31', createdBy: 'release-bot' });
    const card = await (await getScorecard(new Request(url('/api/v1/services/ledger/scorecard')), params({ name: 'ledger' }))).json();
    expect(card.checks[0]).toMatchObject({ status: 'exempt', exemption: { id: exemption.id, source: 'api', reason: request.reason, expires: '2099-01-31', createdBy: 'release-bot' } });
    expect(card.level).toBe('bronze');

    const revoked = await revokeExemption(send('DELETE', `/api/exemptions/${exemption.id}`, { reason: 'moved early' }, auth), params({ id: exemption.id }));
    expect(revoked.status).toBe(200);
    expect((await revokeExemption(send('DELETE', `/api/exemptions/${exemption.id}`, '', auth), params({ id: exemption.id }))).status).toBe(404);
    const after = await (await getScorecard(new Request(url('/api/v1/services/ledger/scorecard')), params({ name: 'ledger' }))).json();
    expect(after.checks[0]).toMatchObject({ status: 'fail', exemption: null });

    const listed = await (await listExemptions(new Request(url('/api/exemptions?service=ledger&all=true')))).json();
    expect(listed).toEqual([
      expect.objectContaining({
        id: exemption.id,
        active: false,
        revokedBy: 'release-bot',
        audit: [
          expect.objectContaining({ action: 'granted', actor: 'release-bot', reason: request.reason, until: '2099-01-31' }),
          expect.objectContaining({ action: 'revoked', actor: 'release-bot', reason: 'moved early', until: null }),
        ],
      }),
    ]);
    expect(await (await listExemptions(new Request(url('/api/exemptions?service=ledger')))).json()).toEqual([]);
  });

  it('asks for a token on reads when server.requireReadToken is on', async () => {
    process.env.WAYMARK_REQUIRE_READ_TOKEN = 'true';
    resetConfig();
    expect((await listScorecards(new Request(url('/api/v1/scorecards')))).status).toBe(401);
    expect((await getBadge(new Request(url('/api/badges/payments.svg')), params({ file: 'payments.svg' }))).status).toBe(401);
    expect((await listScorecards(new Request(url('/api/v1/scorecards'), { headers: auth }))).status).toBe(200);
  });
});

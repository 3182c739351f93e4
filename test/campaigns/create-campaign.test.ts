import { beforeEach, expect, it } from 'vitest';
import { POST as postCampaign } from '../../app/api/campaigns/route';
import { createApiToken } from '../../lib/auth/create-api-token';
import { listCampaigns } from '../../lib/campaigns/list-campaigns';
import { resetConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { getStandards } from '../../lib/scorecard/get-standards';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';

const CAMPAIGN = {
  name: 'readme-everywhere',
  title: 'A README in every repository',
  goal: { checks: ['readme'] },
  scope: { tier: 1 },
  start: '2026-12-01',
  deadline: '2027-01-31',
  owner: 'platform',
};

const post = (body: string, headers: Record<string, string>) =>
  postCampaign(new Request('http://localhost/api/campaigns', { method: 'POST', body, headers }));

describeEachBackend('campaigns created through the API and the form', ({ db, handle }) => {
  let auth: Record<string, string>;
  beforeEach(async () => {
    resetConfig();
    setDbHandle(handle());
    const { token } = await createApiToken(db(), 'platform-bot', { scopes: ['admin'] });
    auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  });

  it('stores a valid campaign, audits it, and lists it beside the file campaigns', async () => {
    const response = await post(JSON.stringify(CAMPAIGN), auth);
    expect(response.status).toBe(201);
    const listed = await listCampaigns({ db: db(), standards: getStandards() });
    expect(listed.find((campaign) => campaign.name === CAMPAIGN.name)).toMatchObject({
      origin: 'stored',
      title: CAMPAIGN.title,
      goal: { checks: ['readme'] },
      scope: { tier: ['1'] },
    });
    expect(await countRows(db(), 'audit_log')).toBe(1);
  });

  it('refuses an unknown check, a level not in the standards and a taken name, naming each field', async () => {
    await post(JSON.stringify(CAMPAIGN), auth);
    const refused = await post(JSON.stringify({ ...CAMPAIGN, goal: { checks: ['readme', 'no-such-check'] } }), auth);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { details: string[] };
    expect(body.details).toEqual([
      'goal.checks.1: no check has the id "no-such-check"',
      'name: a campaign named "readme-everywhere" already exists',
    ]);
    const level = await post(JSON.stringify({ ...CAMPAIGN, name: 'platinum', goal: { level: 'platinum' } }), auth);
    expect(((await level.json()) as { details: string[] }).details).toEqual([
      'goal.level: "platinum" is not one of the levels (bronze, silver, gold)',
    ]);
    const dates = await post(JSON.stringify({ ...CAMPAIGN, name: 'late', deadline: '2026-11-01' }), auth);
    expect(((await dates.json()) as { details: string[] }).details).toEqual(['deadline: must be after start (2026-12-01)']);
    expect(await countRows(db(), 'campaigns')).toBe(1);
    expect(await countRows(db(), 'audit_log')).toBe(1);
  });

  it("reads the campaigns page's form, lists comma-separated, and sends the browser to the new campaign", async () => {
    const form = new URLSearchParams({
      name: 'docs-q1',
      title: '',
      checks: 'readme, codeowners',
      level: '',
      team: 'payments,growth',
      start: '2026-12-01',
      deadline: '2027-03-31',
      owner: 'platform',
      link: 'https://example.com/docs',
    });
    // Without sign-in configured the local user may write, from this site's own pages only.
    const response = await post(form.toString(), { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/campaigns/docs-q1']);
    const listed = await listCampaigns({ db: db(), standards: getStandards() });
    expect(listed.find((campaign) => campaign.name === 'docs-q1')).toMatchObject({
      title: 'docs-q1',
      goal: { checks: ['readme', 'codeowners'] },
      scope: { team: ['payments', 'growth'] },
      link: 'https://example.com/docs',
    });
  });
});

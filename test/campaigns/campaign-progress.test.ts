import { expect, it } from 'vitest';
import { getCampaignProgress } from '../../lib/campaigns/get-campaign-progress';
import { getCampaign, listCampaigns } from '../../lib/campaigns/list-campaigns';
import { recordDemoSetting } from '../../lib/demo/record-demo-setting';
import { DEFAULT_STANDARDS_YAML } from '../../lib/scorecard/default-standards';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { describeEachBackend } from '../helpers/test-db';
import { NOW, seedCampaignHistory, standards } from './campaign-fixtures';

describeEachBackend('campaign progress', ({ db }) => {
  const load = async (name: string, now = NOW) => {
    await seedCampaignHistory(db());
    const campaign = await getCampaign({ db: db(), standards, name });
    return getCampaignProgress({ db: db(), campaign: campaign!, standards, now });
  };

  it('counts the services in scope done each day, against the straight line to the deadline', async () => {
    const progress = await load('otel-tier-1');
    expect(progress.state).toBe('active');
    expect([progress.total, progress.done, progress.through]).toEqual([3, 2, '2026-09-29']);
    expect(progress.points).toHaveLength(29);
    expect(progress.points[0]).toEqual({ day: '2026-09-01', done: 1, target: 1 });
    expect(progress.points.find((point) => point.day === '2026-09-14')?.done).toBe(1);
    expect(progress.points.find((point) => point.day === '2026-09-15')?.done).toBe(2);
    // beta has no snapshot on 09-20: its 09-19 one is carried over, so the day is not a dip.
    expect(progress.points.find((point) => point.day === '2026-09-20')?.done).toBe(2);
    // 1 + (3 - 1) * 28 / 60
    expect(progress.points.at(-1)).toEqual({ day: '2026-09-29', done: 2, target: 1.93 });
  });

  it('lists who is behind by team, service and failing check, and the exemptions inside the campaign', async () => {
    const progress = await load('otel-tier-1');
    expect(progress.behind).toEqual([{ team: 'edge', services: [{ name: 'gamma', blocking: [{ id: 'tracing', title: 'Sends traces', status: 'fail' }] }] }]);
    // delta's exemption is for a service outside the scope.
    expect(progress.exemptions.map((exemption) => [exemption.service, exemption.check])).toEqual([['gamma', 'tracing']]);
  });

  it('projects completion from the pace of the last 28 days', async () => {
    const progress = await load('otel-tier-1');
    // One more service in 28 days: the last one 28 days after 09-29.
    expect(progress.projection).toEqual({ kind: 'projected', on: '2026-10-27', perWeek: 0.3, onTrack: true });
  });

  it('reads a level goal from the level of each day, with the checks in the way', async () => {
    const progress = await load('silver-everywhere');
    expect([progress.total, progress.done]).toEqual([4, 3]);
    expect(progress.points[0]?.done).toBe(2);
    expect(progress.behind[0]?.services[0]?.blocking.map((check) => check.id)).toEqual(['tracing']);
  });

  it('charts nothing before the start', async () => {
    const before = await load('otel-tier-1', new Date('2026-08-20T00:00:00Z'));
    expect([before.state, before.points.length, before.projection.kind]).toEqual(['upcoming', 0, 'not-started']);
  });

  it('adds the demo campaign while the demo is loaded, dated from the demo', async () => {
    const builtIn = parseStandards(DEFAULT_STANDARDS_YAML, 'built-in');
    expect(await listCampaigns({ db: db(), standards: builtIn })).toEqual([]);
    await recordDemoSetting(db(), { state: 'loaded', seed: 42, organization: 'acme', loadedAt: NOW.toISOString(), through: '2026-09-29', records: 1 });
    const [demo] = await listCampaigns({ db: db(), standards: builtIn });
    expect(demo).toMatchObject({ name: 'otel-tier-1', origin: 'demo', start: '2026-06-21', deadline: '2026-11-13', goal: { checks: ['tracing'] } });
    // A standards file without the check it names leaves it out.
    const other = parseStandards('version: 1\nlevels: [bronze]\nchecks:\n  - { id: readme, level: bronze, rule: { fileExists: README.md } }\n', 'x.yaml');
    expect(await listCampaigns({ db: db(), standards: other })).toEqual([]);
  });
});

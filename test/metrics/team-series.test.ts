import { expect, it } from 'vitest';
import { getDoraSeries } from '../../lib/metrics/get-dora-series';
import { getTeamSeries } from '../../lib/metrics/get-team-series';
import { describeEachBackend } from '../helpers/test-db';
import { commit, deploy, h, incident, load } from './metrics-fixtures';

const DAY = 24;
const window = { from: new Date(h(0)), to: new Date(h(42 * DAY)) };

// Two teams, three services, six weeks: deployments with commits, a failure and its recovery, a quiet week.
const history = [
  { kind: 'service', name: 'payments', team: 'core' },
  { kind: 'service', name: 'ledger', team: 'core' },
  { kind: 'service', name: 'search', team: 'discovery' },
  { kind: 'service', name: 'orphan' },
  ...Array.from({ length: 12 }, (_, i) =>
    deploy(`p${i}`, i * 3 * DAY + 10, { commits: [commit(`p${i}`, i * 3 * DAY + 2 - i)] }),
  ),
  ...Array.from({ length: 5 }, (_, i) =>
    deploy(`l${i}`, i * 8 * DAY + 5, { service: 'ledger', commits: [commit(`l${i}`, i * 8 * DAY - 20)] }),
  ),
  ...Array.from({ length: 7 }, (_, i) =>
    deploy(`s${i}`, i * 6 * DAY + 30, { service: 'search', commits: [commit(`s${i}`, i * 6 * DAY + 1)] }),
  ),
  incident('i1', 3 * DAY + 12, 3 * DAY + 15),
  incident('i2', 12 * DAY + 40, null, { service: 'search' }),
  deploy('o1', 50, { service: 'orphan' }),
];

describeEachBackend('getTeamSeries', ({ db }) => {
  it('gives each team exactly its own series, in one statement', async () => {
    await load(db(), history);
    const teams = await getTeamSeries({ db: db(), teams: ['discovery', 'core', 'nobody'], window, bucket: 'week' });
    expect([...teams.keys()]).toEqual(['discovery', 'core']);
    for (const team of ['core', 'discovery']) {
      const alone = await getDoraSeries({ db: db(), scope: { team }, window, bucket: 'week' });
      expect(teams.get(team)).toEqual(alone);
    }
    // Not vacuous: the two teams differ and each week is there.
    expect(teams.get('core')!.points).toHaveLength(6);
    expect(teams.get('core')!.points.map((p) => p.deploymentFrequency.deployments)).not.toEqual(
      teams.get('discovery')!.points.map((p) => p.deploymentFrequency.deployments),
    );
  });

  it('answers nothing for no team', async () => {
    await load(db(), history);
    expect((await getTeamSeries({ db: db(), teams: [], window, bucket: 'month' })).size).toBe(0);
  });
});

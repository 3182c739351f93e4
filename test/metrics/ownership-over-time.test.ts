import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { listOwnershipChanges } from '../../lib/catalog/list-ownership-changes';
import { listServices } from '../../lib/catalog/list-services';
import { listTeams } from '../../lib/catalog/list-teams';
import { queryRows } from '../../lib/db/query-rows';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import { getTeamMetrics } from '../../lib/metrics/get-team-metrics';
import { getTeamSeries } from '../../lib/metrics/get-team-series';
import { listDeployments } from '../../lib/metrics/list-deployments';
import { parseMetricsQuery } from '../../lib/metrics/parse-metrics-query';
import { describeEachBackend } from '../helpers/test-db';
import { commit, deploy, h, load } from './metrics-fixtures';

const DAY = 24;
const window = { from: new Date(h(0)), to: new Date(h(42 * DAY)) };
const MOVED_AT = h(21 * DAY);

// payments deploys every 3 days (14 in six weeks), ledger every 8 (6), search every 6 (7).
const history = [
  { kind: 'service', name: 'payments', team: 'core' },
  { kind: 'service', name: 'ledger', team: 'core' },
  { kind: 'service', name: 'search', team: 'discovery' },
  ...Array.from({ length: 14 }, (_, i) =>
    deploy(`p${i}`, i * 3 * DAY + 10, { commits: [commit(`p${i}`, i * 3 * DAY + 4)] }),
  ),
  ...Array.from({ length: 6 }, (_, i) =>
    deploy(`l${i}`, i * 8 * DAY + 5, { service: 'ledger', commits: [commit(`l${i}`, i * 8 * DAY)] }),
  ),
  ...Array.from({ length: 7 }, (_, i) =>
    deploy(`s${i}`, i * 6 * DAY + 30, { service: 'search', commits: [commit(`s${i}`, i * 6 * DAY + 1)] }),
  ),
];

const deployments = async (db: Parameters<typeof getDoraMetrics>[0]['db'], team: string, owners?: 'current') =>
  (await getDoraMetrics({ db, scope: { team }, window, settings: owners ? { teamOwners: owners } : {} }))
    .deploymentFrequency.deployments;

describeEachBackend('ownership over time', ({ db }) => {
  it("keeps a service history on the team that owned it, and can read it by today's owners", async () => {
    await load(db(), history);
    // The catalog moves payments to discovery: the trigger on services records it at the time of the write.
    await load(db(), [{ kind: 'service', name: 'payments', team: 'discovery' }]);
    const owners = await queryRows<{ team: string; since: string }>(
      db(),
      sql`select team, since::text as since from service_owners where service = 'payments' order by since`,
    );
    expect(owners.map((row) => row.team)).toEqual(['core', 'discovery']);
    expect(owners[0]!.since).toBe('-infinity');
    expect(Date.parse(owners[1]!.since)).toBeGreaterThan(Date.now() - 60_000);
    // Everything happened before that write: all of payments' March stays on core.
    expect(await deployments(db(), 'core')).toBe(14 + 6);
    expect(await deployments(db(), 'discovery')).toBe(7);

    // Had the move been recorded on day 21, payments' days 0–20 (p0…p6) stay on core and p7…p13 go to discovery.
    await db().execute(
      sql`update service_owners set since = ${MOVED_AT} where service = 'payments' and team = 'discovery'`,
    );
    expect(await deployments(db(), 'core')).toBe(7 + 6);
    expect(await deployments(db(), 'discovery')).toBe(7 + 7);
    const coreList = await listDeployments({ db: db(), scope: { team: 'core' }, window, filter: {}, limit: 100 });
    expect(
      coreList.items
        .filter((item) => item.service === 'payments')
        .map((item) => item.sourceId)
        .sort(),
    ).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    // By today's owners instead: all of payments on discovery, none on core.
    expect(await deployments(db(), 'core', 'current')).toBe(6);
    expect(await deployments(db(), 'discovery', 'current')).toBe(7 + 14);

    // Grouped in one statement, each team equals its own figure, and together they are the organization's.
    const byTeam = await getTeamMetrics({ db: db(), window });
    for (const team of ['core', 'discovery'])
      expect(byTeam.get(team)).toEqual(await getDoraMetrics({ db: db(), scope: { team }, window }));
    const org = await getDoraMetrics({ db: db(), scope: { org: true }, window });
    expect(byTeam.get('core')!.leadTime.changes + byTeam.get('discovery')!.leadTime.changes).toBe(org.leadTime.changes);
    const series = await getTeamSeries({ db: db(), teams: ['core', 'discovery'], window, bucket: 'week' });
    const weekly = series.get('core')!.points.map((point) => point.deploymentFrequency.deployments);
    expect(weekly.reduce((sum, count) => sum + count, 0)).toBe(13);

    // The team pages name the move on both sides.
    const [move] = await listOwnershipChanges({ db: db(), team: 'core' });
    expect(move).toEqual({ service: 'payments', from: 'core', to: 'discovery', since: new Date(MOVED_AT) });
    expect(await listOwnershipChanges({ db: db(), team: 'discovery' })).toEqual([move]);
  });

  it('pools a parent team over the teams below it, counting each service once', async () => {
    await load(db(), history);
    await db().execute(sql`insert into teams (name, source) values ('engineering', 'test')`);
    await db().execute(sql`update teams set parent = 'engineering' where name in ('core', 'discovery')`);
    const parent = await getDoraMetrics({ db: db(), scope: { team: 'engineering' }, window });
    const org = await getDoraMetrics({ db: db(), scope: { org: true }, window });
    expect({ ...parent, scope: org.scope }).toEqual(org);
    expect(parent.deploymentFrequency.deployments).toBe(27);
    // The catalog reads list the parent with its sub-teams' services.
    expect(await listTeams({ db: db() })).toEqual([
      { name: 'core', displayName: null, parent: 'engineering', services: 2, hasSubteams: false },
      { name: 'discovery', displayName: null, parent: 'engineering', services: 1, hasSubteams: false },
      { name: 'engineering', displayName: null, parent: null, services: 3, hasSubteams: true },
    ]);
    expect((await listServices({ db: db(), team: 'engineering' })).map((service) => service.name)).toEqual([
      'ledger',
      'payments',
      'search',
    ]);
    // A team nobody ever gave a service is refused by name, as before.
    await expect(getDoraMetrics({ db: db(), scope: { team: 'nobody' }, window })).rejects.toThrow(
      'team "nobody" owns no service',
    );
  });

  it('reads the switch from the metrics query and names a bad value', () => {
    expect(parseMetricsQuery({ team: 'core', owners: 'current' }).settings).toEqual({ teamOwners: 'current' });
    expect(parseMetricsQuery({ team: 'core' }).settings).toEqual({});
    expect(() => parseMetricsQuery({ team: 'core', owners: 'today' })).toThrow(
      expect.objectContaining({ details: ['owners: must be history or current'] }),
    );
  });
});

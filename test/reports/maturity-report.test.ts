import { expect, it } from 'vitest';
import { getMaturityReport } from '../../lib/reports/get-maturity-report';
import { describeEachBackend } from '../helpers/test-db';
import { seedCampaignHistory, standards } from '../campaigns/campaign-fixtures';

describeEachBackend('maturity report', ({ db }) => {
  it('counts each team’s services per level per bucket, and the share passing each check at the end', async () => {
    await seedCampaignHistory(db());
    const report = await getMaturityReport({ db: db(), from: '2026-09-01', to: '2026-09-29', bucket: 'week', standards });
    expect(report.levels).toEqual(['unranked', 'bronze', 'silver']);
    // 2026-09-01 is a Tuesday: the first week starts on Monday 08-31.
    expect(report.buckets).toEqual(['2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28']);
    const [core, edge] = report.teams;
    expect(report.teams.map((team) => team.team)).toEqual(['core', 'edge']);
    // core: alpha silver throughout; beta bronze until its tracing passes on 09-15 (the week of 09-14 ends after it).
    expect(core!.points.map((point) => [point.bucket, point.counts.silver, point.counts.bronze])).toEqual([
      ['2026-08-31', 1, 1],
      ['2026-09-07', 1, 1],
      ['2026-09-14', 2, 0],
      ['2026-09-21', 2, 0],
      ['2026-09-28', 2, 0],
    ]);
    expect(edge!.points.at(-1)).toEqual({ bucket: '2026-09-28', services: 2, counts: { unranked: 0, bronze: 1, silver: 1 } });
    expect(edge!.checks).toEqual({ readme: { pass: 2, applicable: 2, share: 1 }, tracing: { pass: 1, applicable: 2, share: 0.5 } });
  });
});

import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Db } from '../../lib/db/client';
import { queryRows } from '../../lib/db/query-rows';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import { refreshMetricsRollup } from '../../lib/metrics/refresh-metrics-rollup';
import type { MetricsScope, MetricsSettings } from '../../lib/metrics/metrics-types';
import { describeEachBackend } from '../helpers/test-db';
import { computeReferenceMetrics } from './reference/compute-reference-metrics';
import { at, buildHistory, historySpec } from './reference/history-arbitrary';
import { loadHistory } from './reference/load-history';

const SETTINGS: MetricsSettings = {
  productionEnvironmentPattern: '^(prod|production)$',
  attributionWindowHours: 12,
  reworkLabels: ['bug', 'hotfix'],
};
const SCOPES: MetricsScope[] = [
  { org: true },
  { team: 'core' },
  { team: 'eng' },
  { service: 'api' },
  { services: ['api', 'batch'] },
];
const TABLES = [
  'service_owners',
  'services',
  'teams',
  'deployments',
  'changes',
  'deployment_changes',
  'incidents',
  'pull_requests',
  'raw_payloads',
  'metrics_first_shipments',
];
// The same pattern written differently: answered by the direct query, not the rollup (built for the configured one).
const DIRECT: MetricsSettings = { ...SETTINGS, productionEnvironmentPattern: '^(?:prod|production)$' };

const rollupRows = (db: Db) =>
  queryRows<{ row: string }>(
    db,
    sql`select to_jsonb(f)::text as row from metrics_first_shipments f order by service, sha`,
  );

// Windows on the same 6-hour grid as the history, so deployments and resolutions land exactly on their edges.
const windowSpec = fc.record({
  startStep: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.integer({ min: -8, max: 60 })),
  lengthSteps: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 28, max: 130 })),
});

describeEachBackend('SQL figures equal the reference implementation', ({ db }) => {
  it('on generated histories (duplicates, any order, window edges, rollbacks of rollbacks, open incidents)', async () => {
    await fc.assert(
      fc.asyncProperty(historySpec, windowSpec, fc.boolean(), async (spec, windowChoice, rollupFirst) => {
        for (const table of TABLES) await db().execute(sql.raw(`delete from ${table}`));
        await db().execute(sql`update metrics_rollup_state set production_pattern = null, built_at = null`);
        // Either the triggers maintain the rollup through every import and update, or it is built afterwards.
        if (rollupFirst) await refreshMetricsRollup({ db: db(), pattern: SETTINGS.productionEnvironmentPattern });
        const generated = buildHistory(spec);
        await loadHistory(db(), generated);
        const maintained = await rollupRows(db());
        const window = { from: at(windowChoice.startStep), to: at(windowChoice.startStep + windowChoice.lengthSteps) };
        for (const scope of SCOPES) {
          const expected = computeReferenceMetrics(generated.history, scope, window, SETTINGS);
          expect(await getDoraMetrics({ db: db(), scope, window, settings: SETTINGS })).toEqual(expected);
          expect(await getDoraMetrics({ db: db(), scope, window, settings: DIRECT })).toEqual(expected);
        }
        // A team as it is today: every event of the services it owns now, whenever they happened.
        const today = { ...SETTINGS, teamOwners: 'current' as const };
        for (const scope of [{ team: 'core' }, { team: 'eng' }]) {
          expect(await getDoraMetrics({ db: db(), scope, window, settings: today })).toEqual(
            computeReferenceMetrics(generated.history, scope, window, today),
          );
        }
        if (rollupFirst) {
          await refreshMetricsRollup({ db: db(), pattern: SETTINGS.productionEnvironmentPattern, force: true });
          expect(maintained).toEqual(await rollupRows(db()));
        }
      }),
      { numRuns: 40 },
    );
  });
});

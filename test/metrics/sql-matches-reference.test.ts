import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import type { MetricsScope, MetricsSettings } from '../../lib/metrics/metrics-types';
import { describeEachBackend } from '../helpers/test-db';
import { computeReferenceMetrics } from './reference/compute-reference-metrics';
import { at, buildHistory, historySpec } from './reference/history-arbitrary';
import { loadHistory } from './reference/load-history';

const SETTINGS: MetricsSettings = { productionEnvironmentPattern: '^(prod|production)$', attributionWindowHours: 12, reworkLabels: ['bug', 'hotfix'] };
const SCOPES: MetricsScope[] = [{ org: true }, { team: 'core' }, { service: 'api' }, { services: ['api', 'batch'] }];
const TABLES = ['services', 'teams', 'deployments', 'changes', 'deployment_changes', 'incidents', 'pull_requests', 'raw_payloads'];

// Windows on the same 6-hour grid as the history, so deployments and resolutions land exactly on their edges.
const windowSpec = fc.record({
  startStep: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.integer({ min: -8, max: 60 })),
  lengthSteps: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 28, max: 130 })),
});

describeEachBackend('SQL figures equal the reference implementation', ({ db }) => {
  it('on generated histories (duplicates, any order, window edges, rollbacks of rollbacks, open incidents)', async () => {
    await fc.assert(
      fc.asyncProperty(historySpec, windowSpec, async (spec, windowChoice) => {
        for (const table of TABLES) await db().execute(sql.raw(`delete from ${table}`));
        const generated = buildHistory(spec);
        await loadHistory(db(), generated);
        const window = { from: at(windowChoice.startStep), to: at(windowChoice.startStep + windowChoice.lengthSteps) };
        for (const scope of SCOPES) {
          const actual = await getDoraMetrics({ db: db(), scope, window, settings: SETTINGS });
          expect(actual).toEqual(computeReferenceMetrics(generated.history, scope, window, SETTINGS));
        }
      }),
      { numRuns: 40 },
    );
  });
});

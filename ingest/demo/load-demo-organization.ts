import type { Db } from '../../lib/db/client';
import { DEFAULT_DEMO_SEED, DEMO_SOURCE } from '../../lib/demo/demo-setting';
import { hasRealData } from '../../lib/demo/has-real-data';
import { recordDemoSetting } from '../../lib/demo/record-demo-setting';
import { removeDemoData } from '../../lib/demo/remove-demo-data';
import { AppError } from '../../lib/errors';
import type { EventInput } from '../sources/events/event-input';
import type { ImportCounts } from '../sources/events/import-events';
import { ingestEvents } from '../sources/events/ingest-events';
import { rebuildScorecardHistory } from '../../lib/scorecard/rebuild-scorecard-history';
import { DEMO_SERVICES } from './demo-organization';
import { DEMO_DAYS, generateDemoOrganization } from './generate-demo-organization';
import { DAY_MS } from '../../lib/format/time-units';

export type LoadDemoOptions = {
  db: Db;
  seed?: number;
  now?: Date;
  /** Length of the generated period; always 180 but in tests that need a small organization quickly. */
  days?: number;
  onProgress?: (progress: { records: number }) => void;
};
export type LoadDemoResult = { seed: number; through: string; services: number; counts: ImportCounts };

function* asInputs(records: Iterable<unknown>): Generator<EventInput> {
  let index = 0;
  for (const value of records) yield { position: `demo record ${++index}`, value };
}

/**
 * Loads the demo organization through the real import path (events-v1 records, source `demo`), replacing any demo
 * loaded before, and records its seed and load time in the `demo` setting. Refuses a database with real data.
 */
export const loadDemoOrganization = async ({ db, seed = DEFAULT_DEMO_SEED, now = new Date(), days, onProgress }: LoadDemoOptions): Promise<LoadDemoResult> => {
  if (await hasRealData({ db })) {
    throw new AppError(
      'USAGE',
      'this database already holds real data (records from sources other than the demo), so the demo organization is not loaded into it; use an empty database, e.g. WAYMARK_DATA_DIR=.waymark/demo',
    );
  }
  // A demo loaded on another day or with another seed would leave records behind: start clean.
  await removeDemoData({ db });
  const counts = await ingestEvents({ db, input: asInputs(generateDemoOrganization({ seed, now, days })), source: DEMO_SOURCE, scope: 'demo', onProgress });
  const through = now.toISOString().slice(0, 10);
  await recordDemoSetting(db, { state: 'loaded', seed, organization: 'acme', loadedAt: now.toISOString(), through, records: counts.records });
  // The import scored today; the weekly facts also tell how every earlier day looked, which adoption trends need.
  await rebuildScorecardHistory({ db, from: new Date(now.getTime() - (days ?? DEMO_DAYS) * DAY_MS), to: now, now });
  return { seed, through, services: DEMO_SERVICES.length, counts };
};

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { resetConfig } from '../../lib/config/load-config';
import { settings } from '../../lib/db/schema';
import { EVALUATION_STATE_KEY } from '../../lib/scorecard/evaluate-scorecards';
import { loadLatestCheckResults } from '../../lib/scorecard/load-latest-check-results';
import { startScorecardRefresh } from '../../lib/scorecard/start-scorecard-refresh';
import { describeEachBackend } from '../helpers/test-db';
import { factsRecord, importRecords, serviceRecord } from './helpers/ingest';

const standards = (path: string) => `version: 1\nlevels: [bronze]\nchecks:\n  - { id: doc, level: bronze, rule: { fileExists: ${path} } }\n`;

describeEachBackend('the server keeps scorecards current', ({ db }) => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    delete process.env.WAYMARK_STANDARDS;
    resetConfig();
  });

  it('re-evaluates within one interval when the standards file changes, and not with a broken file', async () => {
    folder = mkdtempSync(join(tmpdir(), 'waymark-refresh-'));
    const file = join(folder, 'golden-path.yaml');
    writeFileSync(file, standards('README.md'));
    process.env.WAYMARK_STANDARDS = file;
    resetConfig();
    await importRecords(db(), [serviceRecord('payments'), factsRecord('payments', new Date(), { repository: { defaultBranch: 'main', headSha: 'abc', paths: ['README.md'], files: {}, truncated: false } })]);
    const state = async () => (await db().select().from(settings).where(eq(settings.key, EVALUATION_STATE_KEY)))[0]?.value as { revision?: string } | undefined;

    const stop = startScorecardRefresh({ db: db(), intervalMs: 50 });
    try {
      await vi.waitFor(async () => expect((await loadLatestCheckResults(db(), null)).get('payments|doc')?.status).toBe('pass'), { timeout: 20_000, interval: 50 });
      const first = (await state())!.revision;

      writeFileSync(file, 'version: 1\nlevels: [bronze]\nchecks: []\n');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await state())!.revision).toBe(first);

      writeFileSync(file, standards('SECURITY.md'));
      await vi.waitFor(async () => expect((await loadLatestCheckResults(db(), null)).get('payments|doc')?.status).toBe('fail'), { timeout: 20_000, interval: 50 });
      expect((await state())!.revision).not.toBe(first);
    } finally {
      await stop();
    }
  });
});

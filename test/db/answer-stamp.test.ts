import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getAnswerStamp } from '../../lib/db/get-answer-stamp';
import { ensureServices } from '../../lib/domain/ensure-services';
import { ensureImpactAnalyses } from '../../lib/impact/ensure-impact-analyses';
import { describeEachBackend } from '../helpers/test-db';

const NOW = new Date('2026-11-21T12:00:00Z');

describeEachBackend('the stamp of stored page answers', ({ db }) => {
  it('moves with every write the read pages show, and with recomputed analyses', async () => {
    const stamps = [await getAnswerStamp(db())];
    const step = async (write: () => Promise<unknown>) => {
      await write();
      stamps.push(await getAnswerStamp(db()));
    };
    await step(() => ensureServices(db(), ['payments'], 'test'));
    await step(() => ensureImpactAnalyses({ db: db(), now: NOW }));
    await step(() =>
      db().execute(sql`insert into campaigns (name, definition, created_by) values ('readme', '{}'::jsonb, 'ana')`),
    );
    await step(() =>
      db().execute(sql`insert into check_acknowledgements (id, service, check_id, result_id, note, created_by)
                       values ('a1', 'payments', 'readme', 1, 'known', 'ana')`),
    );
    expect(new Set(stamps).size).toBe(stamps.length);
    // Reading moves nothing.
    expect(await getAnswerStamp(db())).toBe(stamps.at(-1));
  });
});

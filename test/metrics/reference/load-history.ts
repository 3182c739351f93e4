import { eq } from 'drizzle-orm';
import type { Db } from '../../../lib/db/client';
import { changes, incidents, pullRequests } from '../../../lib/db/schema';
import { importEvents } from '../../../ingest/sources/events/import-events';
import { asLines } from '../../helpers/event-input';
import type { GeneratedHistory } from './history-arbitrary';

/**
 * Loads a generated history the way sources would: events-v1 batches through the public import, then what only the
 * GitHub source writes (pull requests of commits, incidents naming a commit) straight into the domain tables.
 */
export const loadHistory = async (db: Db, generated: GeneratedHistory) => {
  for (const batch of generated.batches) await importEvents({ db, input: asLines(batch) });
  for (const pr of generated.pullRequests) {
    await db.insert(pullRequests).values({
      id: pr.id,
      source: 'github',
      sourceId: pr.id,
      service: pr.changeId.split(':')[2]!.split('@')[0]!,
      state: 'merged',
      labels: pr.labels,
      isRevert: pr.isRevert,
      openedAt: new Date('2026-01-01T00:00:00Z'),
    });
    await db.update(changes).set({ pullRequestId: pr.id }).where(eq(changes.id, pr.changeId));
  }
  for (const { incidentId, sha } of generated.causedBySha) await db.update(incidents).set({ causedBySha: sha }).where(eq(incidents.id, incidentId));
};

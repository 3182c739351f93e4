import { eq, sql } from 'drizzle-orm';
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
      url: pr.url,
      openedAt: new Date('2026-01-01T00:00:00Z'),
    });
    await db.update(changes).set({ pullRequestId: pr.id }).where(eq(changes.id, pr.changeId));
  }
  await loadOwnership(db, generated.history);
  for (const { incidentId, sha } of generated.causedBySha)
    await db.update(incidents).set({ causedBySha: sha }).where(eq(incidents.id, incidentId));
};

/**
 * Who owned what when: the services' current team set as a source would (the trigger records it, at the time of
 * writing), then the changes at their generated times in place of that record; and the hierarchy eng → core, data.
 */
const loadOwnership = async (db: Db, history: GeneratedHistory['history']) => {
  const changes = [...(history.ownerChanges ?? [])].sort((a, b) => a.since.getTime() - b.since.getTime());
  for (const change of changes)
    await db.execute(sql`update services set team = ${change.team} where name = ${change.service}`);
  await db.execute(sql`delete from service_owners where since > '2026-06-01'`);
  for (const change of changes) {
    await db.execute(sql`insert into service_owners (service, since, team) values (${change.service}, ${change.since.toISOString()}, ${change.team})
      on conflict (service, since) do update set team = excluded.team`);
  }
  await db.execute(sql`insert into teams (name, source) values ('eng', 'test') on conflict do nothing`);
  for (const [team, parent] of Object.entries(history.parents ?? {}))
    await db.execute(sql`update teams set parent = ${parent} where name = ${team}`);
};

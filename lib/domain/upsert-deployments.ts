import { inArray, sql } from 'drizzle-orm';
import { changes, deploymentChanges, deployments } from '../db/schema';
import type { Executor } from '../db/client';
import { toArrayLiteral } from '../db/to-array-literal';
import { queryBulkRows } from '../db/query-bulk-rows';
import { settleWrites } from '../db/settle-writes';
import { upsertRows } from '../db/upsert-rows';
import type { ChangeRow, DeploymentRow } from './types';

export type DeploymentWithChanges = {
  deployment: DeploymentRow;
  /** The commits this deployment carried; null means "not stated", which leaves stored links alone. */
  changes: ChangeRow[] | null;
};

type Link = { deploymentId: string; changeId: string };
const LINKS_PER_STATEMENT = 10_000;

/** Links travel as two array parameters through `unnest`: a VALUES list of 10,000 pairs cost more to build than run. */
const writeLinks = async (db: Executor, links: Link[], action: 'insert' | 'delete') => {
  for (let start = 0; start < links.length; start += LINKS_PER_STATEMENT) {
    const chunk = links.slice(start, start + LINKS_PER_STATEMENT);
    const pairs = sql`unnest(${toArrayLiteral(chunk.map((link) => link.deploymentId))}::text[],
      ${toArrayLiteral(chunk.map((link) => link.changeId))}::text[]) as u(deployment_id, change_id)`;
    await queryBulkRows(
      db,
      action === 'insert'
        ? sql`insert into deployment_changes (deployment_id, change_id)
              select deployment_id, change_id from ${pairs} on conflict do nothing`
        : sql`delete from deployment_changes d using ${pairs}
              where d.deployment_id = u.deployment_id and d.change_id = u.change_id`,
    );
  }
};

/**
 * Writes deployments with the commits they carried. A deployment counts as updated when its row, one of its
 * commits, or the set of commits it carries changed.
 */
export const upsertDeployments = async (db: Executor, items: DeploymentWithChanges[]) => {
  const commitRows = items.flatMap((item) => item.changes ?? []);
  // Deployments and commits do not depend on each other (the rollup's triggers keep it exact in any order); links,
  // which name both, go after both.
  const [written, commitsWritten] = await settleWrites([
    upsertRows(db, deployments, items.map((item) => item.deployment), { key: [deployments.id] }),
    // A commit seen in several deployments is one row; later sightings fill in what earlier ones lacked.
    upsertRows(db, changes, commitRows, { key: [changes.id], mode: 'merge' }),
  ]);
  const touchedCommits = new Set([...commitsWritten.inserted, ...commitsWritten.updated]);

  const stated = new Map<string, Set<string>>();
  for (const item of items) if (item.changes) stated.set(item.deployment.id, new Set(item.changes.map((change) => change.id)));
  const existing = new Map<string, Set<string>>();
  // A deployment inserted just now has no links (links go with their deployment): on a first import, no lookup.
  const fresh = new Set(written.inserted);
  const ids = [...stated.keys()].filter((id) => !fresh.has(id));
  if (ids.length > 0) {
    const rows = await db.select().from(deploymentChanges).where(inArray(deploymentChanges.deploymentId, ids));
    for (const row of rows) {
      let set = existing.get(row.deploymentId);
      if (!set) existing.set(row.deploymentId, (set = new Set()));
      set.add(row.changeId);
    }
  }

  const linksChanged = new Set<string>();
  const toInsert: Link[] = [];
  const toDelete: Link[] = [];
  for (const [deploymentId, wanted] of stated) {
    const have = existing.get(deploymentId) ?? new Set<string>();
    for (const changeId of wanted) if (!have.has(changeId)) toInsert.push({ deploymentId, changeId });
    for (const changeId of have) if (!wanted.has(changeId)) toDelete.push({ deploymentId, changeId });
  }
  for (const link of [...toInsert, ...toDelete]) linksChanged.add(link.deploymentId);
  await writeLinks(db, toInsert, 'insert');
  await writeLinks(db, toDelete, 'delete');

  const inserted = fresh;
  const updated = new Set(written.updated);
  for (const item of items) {
    const id = item.deployment.id;
    if (inserted.has(id)) continue;
    if (linksChanged.has(id) || item.changes?.some((change) => touchedCommits.has(change.id))) updated.add(id);
  }
  return { inserted, updated };
};

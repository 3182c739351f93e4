import { eq } from 'drizzle-orm';
import type { Executor } from '../../../lib/db/client';
import { changes, deploymentChanges, deployments } from '../../../lib/db/schema';
import { HOUR_MS } from '../../../lib/format/time-units';

export type DeploymentView = { at: string; sha: string | null; rollbackOf: string | null; reason: string | null; leadHours: Record<string, number>; shas: string[] };


/** Every git deployment by its name after `<service>@`, with each carried commit's lead time in hours by subject. */
export const readGitDeployments = async (db: Executor) => {
  const view: Record<string, DeploymentView> = {};
  const rows = await db.select().from(deployments).where(eq(deployments.source, 'git'));
  for (const row of rows) {
    view[row.sourceId.split('@')[1]!] = { at: row.finishedAt!.toISOString(), sha: row.commitSha, rollbackOf: row.rollbackOf, reason: row.reason, leadHours: {}, shas: [] };
  }
  const links = await db
    .select({ deploymentId: deploymentChanges.deploymentId, title: changes.title, sha: changes.sha, authoredAt: changes.authoredAt })
    .from(deploymentChanges)
    .innerJoin(changes, eq(changes.id, deploymentChanges.changeId));
  const byId = new Map(rows.map((row) => [row.id, view[row.sourceId.split('@')[1]!]!]));
  for (const link of links) {
    const deployment = byId.get(link.deploymentId)!;
    deployment.leadHours[link.title!] = (Date.parse(deployment.at) - link.authoredAt.getTime()) / HOUR_MS;
    deployment.shas.push(link.sha);
    deployment.shas.sort();
  }
  return view;
};

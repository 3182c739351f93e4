import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../lib/db/client';
import { changes, deploymentChanges, deployments, services } from '../../lib/db/schema';
import { expectMonorepoLeadTimes } from './expect-monorepo-lead-times';

/** Each deployment of a service (by the name `nameOf` reads from its source id) with the shas it carried. */
export const readCarriedCommits = async (db: Db, service: string, nameOf: (sourceId: string) => string) => {
  const rows = await db
    .select({ deployment: deployments.sourceId, sha: changes.sha })
    .from(deployments)
    .leftJoin(deploymentChanges, eq(deploymentChanges.deploymentId, deployments.id))
    .leftJoin(changes, eq(changes.id, deploymentChanges.changeId))
    .where(eq(deployments.service, service))
    .orderBy(asc(deployments.finishedAt), asc(changes.authoredAt));
  const byDeployment: Record<string, string[]> = {};
  for (const row of rows) (byDeployment[nameOf(row.deployment)] ??= []).push(...(row.sha ? [row.sha] : []));
  return byDeployment;
};

/**
 * What the GitHub and GitLab fakes' monorepo (checkout, search and web folders, root tooling c3, a repository-wide
 * v9.9.9) must give through either source, hand-computed: services and teams, environments, the commits each
 * deployment carried, the lead times and deployment counts.
 */
export const expectForgeMonorepo = async (
  db: Db,
  sha: Record<string, string>,
  nameOf: (sourceId: string) => string,
) => {
  const rows = await db.select({ name: services.name, team: services.team }).from(services).orderBy(services.name);
  expect(rows).toEqual([
    { name: 'checkout', team: 'payments' },
    { name: 'search', team: 'discovery' },
    { name: 'shop', team: null },
    { name: 'web', team: 'storefront' },
  ]);
  // The environment a service's name leaves is the one production rules read.
  const environments = await db.selectDistinct({ environment: deployments.environment }).from(deployments);
  expect(environments).toEqual([{ environment: 'production' }]);
  const carried = (service: string) => readCarriedCommits(db, service, nameOf);
  expect(await carried('checkout')).toEqual({
    'checkout@1.0.0': [sha.c1],
    'checkout@1.1.0': [sha.c2],
    'checkout@1.2.0': [sha.c5],
  });
  expect(await carried('search')).toEqual({ 'search@1.0.0': [sha.c1], 'search@1.1.0': [sha.c4, sha.c5] });
  expect(await carried('web')).toEqual({ 'web@1.0.0': [sha.c1], 'web@1.1.0': [sha.c6] });
  // Root tooling is no service's change; the deployment naming no service is the repository's, whole.
  const tooling = await db.select({ service: changes.service }).from(changes).where(eq(changes.sha, sha.c3!));
  expect(tooling).toEqual([{ service: 'shop' }]);
  expect(await carried('shop')).toEqual({ 'v9.9.9': [sha.c1, sha.c2, sha.c3, sha.c4, sha.c5, sha.c6] });
  const metricsOf = await expectMonorepoLeadTimes(db);
  // web: c1 0 h, c6 2 h: p50 1 h; p90 at rank 0.9 = 0.9 × 2 h = 1.8 h.
  expect((await metricsOf('web')).leadTime).toMatchObject({ changes: 2, p50Seconds: 3600, p90Seconds: 1.8 * 3600 });
  expect((await metricsOf('checkout')).deploymentFrequency).toMatchObject({ deployments: 3 });
  expect((await metricsOf('search')).deploymentFrequency).toMatchObject({ deployments: 2 });
  expect((await metricsOf('web')).deploymentFrequency).toMatchObject({ deployments: 2 });
};

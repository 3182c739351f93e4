import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../lib/db/client';
import { deployments } from '../../../lib/db/schema';
import { listCatalogServices } from '../../../lib/domain/list-catalog-services';
import { selectConfiguredServices } from '../../../lib/domain/select-configured-services';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { describeMonorepoServices } from './describe-monorepo-services';
import { GITHUB_SOURCE } from './github-ids';
import type { GithubSettings } from './github-settings';
import { monorepoCursorKey, type GithubMonorepoService } from './load-monorepo-services';

/**
 * Records which services a repository holds, from the same rules as the git source: waymark.yaml's `git.services`
 * for this repository (`owner/name` or its name), else the components of catalog files in sub-folders (none at the
 * top). Each is a candidate until a deployment names it (upsertGithubDeployments); those already named get their
 * catalog description again here, so an owner changed in a catalog file shows without a new deployment.
 */
export const recordMonorepoServices = async (
  tx: Executor,
  { fullName, settings }: { fullName: string; settings: GithubSettings },
  catalogFiles: Readonly<Record<string, string>>,
): Promise<GithubMonorepoService[]> => {
  const configured = selectConfiguredServices(settings.services ?? [], [fullName, fullName.split('/')[1]!]);
  const services: GithubMonorepoService[] =
    configured.length > 0
      ? configured
      : listCatalogServices(catalogFiles).map(({ service, paths, origin, file }) => ({
          service,
          paths,
          origin,
          catalogFile: file,
        }));
  await saveIngestCursor(tx, monorepoCursorKey(fullName), { cursor: { services } });
  if (services.length === 0) return services;
  const deployed = await tx
    .selectDistinct({ service: deployments.service })
    .from(deployments)
    .where(
      and(
        eq(deployments.source, GITHUB_SOURCE),
        inArray(deployments.service, services.map((entry) => entry.service)),
        // starts_with, not LIKE: a repository name may hold `_`, which LIKE reads as a wildcard.
        sql`starts_with(${deployments.sourceId}, ${`${fullName}/`})`,
      ),
    );
  const named = new Set(deployed.map((row) => row.service));
  const deployedServices = services.filter((entry) => named.has(entry.service));
  const descriptions = await describeMonorepoServices(tx, fullName, deployedServices);
  if (descriptions.length > 0) await upsertServices(tx, descriptions);
  return services;
};

import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db/client';
import { deployments } from '../db/schema';
import { getIngestCursor } from '../runs/get-ingest-cursor';
import { saveIngestCursor } from '../runs/save-ingest-cursor';
import { listCatalogServices } from './list-catalog-services';
import type { ConfiguredService } from './monorepo-service';
import { selectConfiguredServices } from './select-configured-services';
import type { ServiceRow } from './types';
import { upsertServices } from './upsert-services';

/** A monorepo service as a forge's facts step found it; `catalogFile` is where its description is (catalog-found). */
export const ZStoredMonorepoService = z.object({
  service: z.string().min(1),
  paths: z.array(z.string().min(1)).min(1),
  deployTags: z.string().min(1).optional(),
  origin: z.enum(['waymark.yaml', 'catalog']),
  catalogFile: z.string().min(1).optional(),
});
export type StoredMonorepoService = z.infer<typeof ZStoredMonorepoService>;

const ZMonorepoCursor = z.object({ services: z.array(ZStoredMonorepoService) });

/** Where a forge keeps a repository's services: its cursor source and the repository (`owner/name`, a path). */
export type MonorepoKey = { cursorSource: string; repository: string };

const cursorOf = ({ cursorSource, repository }: MonorepoKey) => ({
  source: cursorSource,
  scope: repository,
  kind: 'monorepo',
});

/**
 * The services of a repository that is a monorepo, as the last facts step recorded them: empty for an ordinary
 * repository. Polling, webhooks and renormalizing all read this one record, so they attribute deployments alike.
 */
export const loadMonorepoServices = async (db: Executor, key: MonorepoKey): Promise<StoredMonorepoService[]> => {
  const { source, scope, kind } = cursorOf(key);
  const parsed = ZMonorepoCursor.safeParse((await getIngestCursor(db, source, scope, kind)).cursor);
  return parsed.success ? parsed.data.services : [];
};

export type RecordMonorepoOptions = MonorepoKey & {
  /** The names waymark.yaml's `git.services` may give the repository (`owner/name`, its last part). */
  names: string[];
  configured: readonly ConfiguredService[];
  /** The deployments source, and the prefix of their source ids that says they are this repository's. */
  source: string;
  deploymentPrefix: string;
  describe: (services: StoredMonorepoService[]) => Promise<ServiceRow[]>;
};

/**
 * Records which services a repository holds, by the rules of the git source: waymark.yaml's `git.services` for this
 * repository, else the components of catalog files in sub-folders (none at the top). Each is a candidate until a
 * deployment names it; those already named get their catalog description again here, so an owner changed in a
 * catalog file shows without a new deployment. Shared by the GitHub and GitLab sources.
 */
export const recordMonorepoServices = async (
  tx: Executor,
  options: RecordMonorepoOptions,
  catalogFiles: Readonly<Record<string, string>>,
): Promise<StoredMonorepoService[]> => {
  const configured = selectConfiguredServices(options.configured, options.names);
  const services: StoredMonorepoService[] =
    configured.length > 0
      ? configured
      : listCatalogServices(catalogFiles).map(({ service, paths, origin, file }) => ({
          service,
          paths,
          origin,
          catalogFile: file,
        }));
  await saveIngestCursor(tx, cursorOf(options), { cursor: { services } });
  if (services.length === 0) return services;
  const deployed = await tx
    .selectDistinct({ service: deployments.service })
    .from(deployments)
    .where(
      and(
        eq(deployments.source, options.source),
        inArray(
          deployments.service,
          services.map((entry) => entry.service),
        ),
        // starts_with, not LIKE: a repository name may hold `_`, which LIKE reads as a wildcard.
        sql`starts_with(${deployments.sourceId}, ${options.deploymentPrefix})`,
      ),
    );
  const named = new Set(deployed.map((row) => row.service));
  const descriptions = await options.describe(services.filter((entry) => named.has(entry.service)));
  if (descriptions.length > 0) await upsertServices(tx, descriptions);
  return services;
};

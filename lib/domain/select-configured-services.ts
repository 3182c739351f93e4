import type { ConfiguredService, MonorepoService } from './monorepo-service';

/**
 * The services waymark.yaml names for one repository, matched by any of its names (`owner/name`, or the folder name
 * for a local clone). When there are any, they win over the catalog folders: they are what the team wrote down.
 */
export const selectConfiguredServices = (
  configured: readonly ConfiguredService[],
  names: readonly string[],
): MonorepoService[] =>
  configured
    .filter((entry) => names.includes(entry.repository))
    .map((entry) => ({
      service: entry.name,
      paths: entry.paths,
      origin: 'waymark.yaml' as const,
      ...(entry.tags ? { deployTags: entry.tags } : {}),
    }));

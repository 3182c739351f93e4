import type { Executor } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { describeCatalogService, readCatalogFile } from '../../../lib/domain/normalize-catalog-info';
import type { ServiceRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE } from './github-ids';
import type { StoredMonorepoService } from '../../../lib/domain/record-monorepo-services';
import { decodeContent } from './normalize-github-facts';

/**
 * The service descriptions (team, lifecycle, tier…) of monorepo services found by their catalog files, read from the
 * stored Contents answers. Services named in waymark.yaml have no catalog file and no description to give.
 */
export const describeMonorepoServices = async (
  db: Executor,
  fullName: string,
  services: readonly StoredMonorepoService[],
): Promise<ServiceRow[]> => {
  const withFile = services.filter((entry) => entry.catalogFile);
  if (withFile.length === 0) return [];
  const sourceIds = withFile.map((entry) => `${fullName}:${entry.catalogFile}`);
  const stored = await getRawPayloads(db, { source: GITHUB_SOURCE, kind: 'content', sourceIds });
  type Content = { content?: string; encoding?: string };
  const answers = new Map(stored.map((row) => [row.sourceId.slice(fullName.length + 1), row.payload as Content]));
  return withFile.flatMap((entry) => {
    const answer = answers.get(entry.catalogFile!);
    if (!answer) return [];
    const catalog = readCatalogFile({ [entry.catalogFile!.split('/').at(-1)!]: decodeContent(answer) });
    const sourceId = `${fullName}:${entry.paths[0]}`;
    const origin = { name: entry.service, repository: fullName, source: GITHUB_SOURCE, sourceId };
    return catalog?.status === 'ok' ? [describeCatalogService(origin, catalog)] : [];
  });
};

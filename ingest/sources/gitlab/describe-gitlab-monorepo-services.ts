import type { Executor } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { describeCatalogService, readCatalogFile } from '../../../lib/domain/normalize-catalog-info';
import type { ServiceRow } from '../../../lib/domain/types';
import { GITLAB_SOURCE } from './gitlab-ids';
import type { StoredMonorepoService } from '../../../lib/domain/record-monorepo-services';
import type { CatalogPayload } from './sync-gitlab-catalog';

/** The text of a repository file as the files API answers it (base64 content). */
export const decodeGitlabFile = (answer: CatalogPayload) =>
  Buffer.from(answer.content ?? '', answer.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');

/**
 * The service descriptions (team, lifecycle, tier…) of monorepo services found by their catalog files, read from the
 * stored files answers. Services named in waymark.yaml have no catalog file and no description to give.
 */
export const describeGitlabMonorepoServices = async (
  db: Executor,
  path: string,
  services: readonly StoredMonorepoService[],
): Promise<ServiceRow[]> => {
  const withFile = services.filter((entry) => entry.catalogFile);
  if (withFile.length === 0) return [];
  const sourceIds = withFile.map((entry) => `${path}:${entry.catalogFile}`);
  const stored = await getRawPayloads(db, { source: GITLAB_SOURCE, kind: 'content', sourceIds });
  const answers = new Map(stored.map((row) => [row.sourceId.slice(path.length + 1), row.payload as CatalogPayload]));
  return withFile.flatMap((entry) => {
    const answer = answers.get(entry.catalogFile!);
    if (!answer) return [];
    const catalog = readCatalogFile({ [entry.catalogFile!.split('/').at(-1)!]: decodeGitlabFile(answer) });
    const sourceId = `${path}:${entry.paths[0]}`;
    const origin = { name: entry.service, repository: path, source: GITLAB_SOURCE, sourceId };
    return catalog?.status === 'ok' ? [describeCatalogService(origin, catalog)] : [];
  });
};

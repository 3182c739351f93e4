import { z } from 'zod';
import type { Executor } from '../../../lib/db/client';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { GITHUB_CURSOR_SOURCE } from './github-settings';

/** A monorepo service as the facts step found it; `catalogFile` is where its description is (catalog-found ones). */
export const ZGithubMonorepoService = z.object({
  service: z.string().min(1),
  paths: z.array(z.string().min(1)).min(1),
  deployTags: z.string().min(1).optional(),
  origin: z.enum(['waymark.yaml', 'catalog']),
  catalogFile: z.string().min(1).optional(),
});
export type GithubMonorepoService = z.infer<typeof ZGithubMonorepoService>;

const ZMonorepoCursor = z.object({ services: z.array(ZGithubMonorepoService) });

export const monorepoCursorKey = (fullName: string) => ({
  source: GITHUB_CURSOR_SOURCE,
  scope: fullName,
  kind: 'monorepo',
});

/**
 * The services of a repository that is a monorepo, as the last facts step recorded them: empty for an ordinary
 * repository. Deployments, webhooks and renormalizing all read this one record, so they attribute alike.
 */
export const loadMonorepoServices = async (db: Executor, fullName: string): Promise<GithubMonorepoService[]> => {
  const key = monorepoCursorKey(fullName);
  const { cursor } = await getIngestCursor(db, key.source, key.scope, key.kind);
  const parsed = ZMonorepoCursor.safeParse(cursor);
  return parsed.success ? parsed.data.services : [];
};

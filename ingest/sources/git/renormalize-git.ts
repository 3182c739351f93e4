import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../../lib/db/client';
import { rawPayloads } from '../../../lib/db/schema';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { renormalizeSource } from '../renormalize-source';
import type { GitCommit } from './collect-git-commits';
import type { GitDeploymentPayload } from './git-deployment-payload';
import { normalizeGitDeployment } from './normalize-git-deployment';

const BATCH = 500;

/**
 * Runs `normalizeGitDeployment` again over the stored `tag` / `branch_commit` payloads and their `commit` payloads,
 * service by service, without the repository. Facts and the service row are not kept raw (they are the repository's
 * state at HEAD, read again by the next `waymark ingest git`), so they are left as they are.
 */
export const renormalizeGit = (db: Db) =>
  renormalizeSource(
    db,
    'git',
    async () => ['git'],
    async (run) => {
      const scopes = await db
        .selectDistinct({ scope: rawPayloads.scope })
        .from(rawPayloads)
        .where(and(eq(rawPayloads.source, 'git'), inArray(rawPayloads.kind, ['tag', 'branch_commit'])))
        .orderBy(asc(rawPayloads.scope));
      for (const { scope: service } of scopes) {
        if (service === null) continue;
        await db.transaction(async (tx) => {
          const commits = new Map<string, GitCommit>();
          for (const row of await getRawPayloads(tx, { source: 'git', kind: 'commit', scope: service })) {
            const commit = row.payload as GitCommit;
            commits.set(commit.sha, commit);
          }
          let after = 0;
          for (;;) {
            const page = await tx
              .select({ id: rawPayloads.id, payload: rawPayloads.payload })
              .from(rawPayloads)
              .where(
                and(
                  eq(rawPayloads.source, 'git'),
                  eq(rawPayloads.scope, service),
                  inArray(rawPayloads.kind, ['tag', 'branch_commit']),
                  gt(rawPayloads.id, after),
                ),
              )
              .orderBy(asc(rawPayloads.id))
              .limit(BATCH);
            if (page.length === 0) break;
            after = page.at(-1)!.id;
            await upsertDeployments(
              tx,
              page.map((row) => normalizeGitDeployment(service, row.payload as GitDeploymentPayload, commits)),
            );
          }
        });
        run.touch([service]);
      }
      return { scopes: scopes.length };
    },
  );

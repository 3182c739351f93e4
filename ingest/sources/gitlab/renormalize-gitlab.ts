import type { Db, Executor } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { GITLAB_SOURCE, serviceOfProject } from './gitlab-ids';
import { parseGitlabPayload, ZGitlabProject } from './gitlab-payloads';
import type { GitlabSettings } from './gitlab-settings';
import { linkGitlabDeployments } from './link-gitlab-deployments';
import { writeGitlabService, type CatalogPayload } from './sync-gitlab-catalog';
import {
  upsertGitlabDeployments,
  upsertGitlabIncidents,
  upsertGitlabMergeRequests,
  upsertGitlabPipelines,
} from './upsert-gitlab-records';

export type RenormalizeOutcome = {
  inserted: number;
  updated: number;
  unchanged: number;
  relinked: number;
  scopes: number;
};

const payloadsOf = async (db: Executor, kind: string, scope: string) =>
  getRawPayloads(db, { source: GITLAB_SOURCE, kind, scope });

/**
 * Runs the GitLab normalizers again over every stored payload, project by project, and upserts what they give, so a
 * normalizer change reaches rows ingested before it without a request to GitLab; then re-links every production
 * deployment from the stored comparisons. Rows the normalizers give unchanged are left alone (and counted as such),
 * so a second run reports only unchanged rows.
 */
export const renormalizeGitlab = (db: Db, settings: GitlabSettings): Promise<RenormalizeOutcome> =>
  runIngest({ db, job: 'gitlab.renormalize', source: GITLAB_SOURCE, scope: 'stored payloads' }, async (run) => {
    const outcome: RenormalizeOutcome = { inserted: 0, updated: 0, unchanged: 0, relinked: 0, scopes: 0 };
    const add = (written: { inserted: number; updated: number; unchanged: number }) => {
      outcome.inserted += written.inserted;
      outcome.updated += written.updated;
      outcome.unchanged += written.unchanged;
    };
    for (const row of await getRawPayloads(db, { source: GITLAB_SOURCE, kind: 'project' })) {
      const parsed = parseGitlabPayload(ZGitlabProject, row.payload, 'project');
      if (!parsed.ok) continue;
      const project = parsed.value;
      const path = project.path_with_namespace;
      await db.transaction(async (tx) => {
        const [catalog] = await getRawPayloads(tx, { source: GITLAB_SOURCE, kind: 'catalog', sourceIds: [path] });
        const service = await writeGitlabService(
          tx,
          project,
          (catalog?.payload as CatalogPayload | undefined) ?? null,
          { store: false },
        );
        add({ inserted: service.inserted.length, updated: service.updated.length, unchanged: service.unchanged });
        const options = { store: false };
        add(
          await upsertGitlabDeployments(
            tx,
            path,
            (await payloadsOf(tx, 'deployment', path)).map((raw) => raw.payload),
            options,
          ),
        );
        const commits = new Map(
          (await payloadsOf(tx, 'merge_request_commits', path)).map((raw) => [raw.sourceId, raw.payload as unknown[]]),
        );
        const notes = new Map(
          (await payloadsOf(tx, 'merge_request_notes', path)).map((raw) => [raw.sourceId, raw.payload as unknown[]]),
        );
        const requests = (await payloadsOf(tx, 'merge_request', path)).map((raw) => ({
          mergeRequest: raw.payload,
          commits: commits.get(raw.sourceId) ?? null,
          notes: notes.get(raw.sourceId) ?? null,
        }));
        add(await upsertGitlabMergeRequests(tx, path, requests, options));
        add(
          await upsertGitlabPipelines(
            tx,
            path,
            (await payloadsOf(tx, 'pipeline', path)).map((raw) => raw.payload),
            options,
          ),
        );
        add(
          await upsertGitlabIncidents(
            tx,
            path,
            (await payloadsOf(tx, 'issue', path)).map((raw) => raw.payload),
            settings.incidentLabel,
            options,
          ),
        );
      });
      const counts: Record<string, number> = {};
      await linkGitlabDeployments({
        db,
        client: null,
        projectId: project.id,
        path,
        service: serviceOfProject(path),
        settings,
        counts,
        checkStopped: () => {},
        relink: true,
      });
      outcome.relinked += counts.linked ?? 0;
      outcome.scopes++;
      run.touch([serviceOfProject(path)]);
    }
    const { scopes, ...counts } = outcome;
    return { result: outcome, counts: { ...counts, projects: scopes } };
  });

import { selectFactFiles } from '../../lib/domain/select-fact-files';
import type { GithubSettings } from '../../ingest/sources/github/github-settings';
import type { FakeRepo, FakeStatus, FakeWorld } from '../fakes/github/fake-world';

const PAGE = 100;
const pagesOf = (count: number) => Math.max(1, Math.ceil(count / PAGE));

/**
 * The shas of the deployments lead time is measured on (successful, production), oldest first: Deployments API
 * deployments whose outcome is success, or successful runs of the deploy workflow on the default branch.
 */
const listCountedShas = (repo: FakeRepo, settings: GithubSettings) => {
  const production = new RegExp(settings.productionPattern, 'i');
  const deploy = new RegExp(settings.deployWorkflowPattern, 'i');
  // GitHub marks a deployment `inactive` once a newer one succeeds: its outcome is the status before that.
  const outcomeOf = (statuses: FakeStatus[]) => statuses.filter((status) => status.state !== 'inactive').at(-1);
  const fromApi = repo.deployments
    .filter((item) => production.test(item.environment) && outcomeOf(item.statuses)?.state === 'success')
    .map((item) => ({ sha: item.sha, at: outcomeOf(item.statuses)!.createdAt }));
  const fromRuns =
    repo.deployments.length > 0
      ? []
      : repo.runs
          .filter(
            (run) => deploy.test(run.path) && run.conclusion === 'success' && run.headBranch === repo.defaultBranch,
          )
          .map((run) => ({ sha: run.headSha, at: run.updatedAt }));
  return [...fromApi, ...fromRuns].sort((a, b) => a.at.getTime() - b.at.getTime()).map((item) => item.sha);
};

/**
 * The fewest REST requests a first sync of `world` needs, by route (as the benchmark folds paths): every list read
 * once in pages of 100; one request per item GitHub keeps behind its own route (a deployment's statuses, a pull
 * request's commits and reviews); one fact file per file the tree names; branch protection only on a protected
 * branch (classic rules, then rulesets, unless the first answer says the token may not read it); and the commits a
 * deployment shipped: one listing for the first counted deployment, one comparison per change of sha after it. It
 * reads the world the fake serves, not the sync's code, so a request the sync could do without shows as a gap.
 */
export const countGithubMinimum = (world: FakeWorld, settings: GithubSettings) => {
  const counts = new Map<string, number>();
  const add = (route: string, count: number) => {
    if (count > 0) counts.set(route, (counts.get(route) ?? 0) + count);
  };
  const repos = [...world.repos.values()];
  add(`/orgs/${world.org}/repos`, pagesOf(repos.length));
  for (const repo of repos) {
    add('/repos/{repo}', 1);
    if (repo.access !== 'ok') continue;
    add('/repos/{repo}/branches/{branch}', 1);
    add('/repos/{repo}/git/trees/{sha}', 1);
    add('/repos/{repo}/contents/{path}', selectFactFiles(Object.keys(repo.files), settings.factFileGlobs).length);
    if (repo.protection || repo.rules.length > 0) {
      add('/repos/{repo}/branches/{branch}/protection', 1);
      add('/repos/{repo}/rules/branches/{branch}', repo.protectionAccess === 'ok' ? 1 : 0);
    }
    add('/repos/{repo}/deployments', pagesOf(repo.deployments.length));
    add(
      '/repos/{repo}/deployments/{n}/statuses',
      repo.deployments.reduce((sum, item) => sum + pagesOf(item.statuses.length), 0),
    );
    add('/repos/{repo}/actions/runs', pagesOf(repo.runs.length));
    add('/repos/{repo}/pulls', pagesOf(repo.pulls.length));
    add(
      '/repos/{repo}/pulls/{n}/commits',
      repo.pulls.reduce((sum, pull) => sum + pagesOf(pull.commits.length), 0),
    );
    add(
      '/repos/{repo}/pulls/{n}/reviews',
      repo.pulls.reduce((sum, pull) => sum + pagesOf(pull.reviews.length), 0),
    );
    add('/repos/{repo}/issues', pagesOf(repo.issues.length));
    const shas = listCountedShas(repo, settings);
    add('/repos/{repo}/commits', shas.length > 0 ? 1 : 0);
    add('/repos/{repo}/compare/{sha}', shas.filter((sha, index) => index > 0 && sha !== shas[index - 1]).length);
  }
  return counts;
};

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  sha1,
  type FakeCommit,
  type FakeDeployment,
  type FakeIssue,
  type FakePull,
  type FakeRepo,
  type FakeRun,
  type FakeStatus,
} from './fake-world';

/**
 * Renders the fake world in GitHub's REST shapes: every object starts as a deep copy of the documented example
 * response (test/fixtures/github/rest, from @octokit/openapi) and only the fields the world decides are replaced.
 */
const FIXTURES = fileURLToPath(new URL('../../fixtures/github/rest/', import.meta.url));
const cache = new Map<string, unknown>();
export const restExample = (name: string): unknown => {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')));
  return structuredClone(cache.get(name));
};
// Templates are parsed once; each render copies only the one object it needs.
const firsts = new Map<string, Record<string, unknown>>();
const first = (name: string) => {
  if (!firsts.has(name)) firsts.set(name, (restExample(name) as Record<string, unknown>[])[0]!);
  return structuredClone(firsts.get(name)!);
};
let userTemplate: Record<string, unknown> | undefined;
const iso = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : null);
const user = (login: string) => {
  userTemplate ??= (first('pulls__list') as { user: Record<string, unknown> }).user;
  return { ...userTemplate, login, html_url: `https://github.com/${login}` };
};

const renderLabels = (labels: string[]) =>
  labels.map((name, index) => ({ id: index + 1, name, color: 'ededed', default: false, description: null }));

export const renderRepository = (repo: FakeRepo, api: string) => ({
  ...(restExample('repos__get') as Record<string, unknown>),
  id: repo.id,
  name: repo.name,
  full_name: repo.fullName,
  owner: { ...user(repo.owner), type: 'Organization' },
  private: true,
  html_url: `https://github.com/${repo.fullName}`,
  url: `${api}/repos/${repo.fullName}`,
  default_branch: repo.defaultBranch,
  archived: false,
  created_at: iso(repo.createdAt),
  updated_at: iso(repo.updatedAt),
  pushed_at: iso(repo.updatedAt),
});

export const renderCommit = (repo: FakeRepo, commit: FakeCommit, api: string) => {
  const base = first('repos__list-commits') as { commit: Record<string, unknown> };
  return {
    ...base,
    sha: commit.sha,
    url: `${api}/repos/${repo.fullName}/commits/${commit.sha}`,
    html_url: `https://github.com/${repo.fullName}/commit/${commit.sha}`,
    commit: {
      ...base.commit,
      message: commit.message,
      author: { name: commit.author, email: `${commit.author}@example.com`, date: iso(commit.authoredAt) },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: iso(commit.committedAt) },
      tree: { sha: commit.sha, url: '' },
    },
    author: user(commit.author),
    committer: user('web-flow'),
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/repos/${repo.fullName}/commits/${sha}` })),
  };
};

/** `GET /repos/{owner}/{repo}/commits/{ref}`: the commit with its stats and every file it changed (one line each). */
export const renderCommitWithFiles = (repo: FakeRepo, commit: FakeCommit, api: string) => {
  const example = restExample('repos__get-commit') as { files: Record<string, unknown>[] };
  const template = example.files[0]!;
  const files = (commit.files ?? []).map((filename) => ({
    ...template,
    sha: sha1(`${commit.sha}:${filename}`),
    filename,
    status: 'modified',
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `https://github.com/${repo.fullName}/blob/${commit.sha}/${filename}`,
    raw_url: `https://github.com/${repo.fullName}/raw/${commit.sha}/${filename}`,
    contents_url: `${api}/repos/${repo.fullName}/contents/${filename}?ref=${commit.sha}`,
    patch: '@@ -0,0 +1 @@\n+changed',
  }));
  const stats = { total: files.length, additions: files.length, deletions: 0 };
  return { ...example, ...renderCommit(repo, commit, api), stats, files };
};

export const renderDeployment = (repo: FakeRepo, deployment: FakeDeployment, api: string) => ({
  ...first('repos__list-deployments'),
  id: deployment.id,
  node_id: `DE_${deployment.id}`,
  url: `${api}/repos/${repo.fullName}/deployments/${deployment.id}`,
  statuses_url: `${api}/repos/${repo.fullName}/deployments/${deployment.id}/statuses`,
  repository_url: `${api}/repos/${repo.fullName}`,
  sha: deployment.sha,
  ref: deployment.ref,
  task: 'deploy',
  environment: deployment.environment,
  original_environment: deployment.environment,
  production_environment: deployment.environment === 'production',
  created_at: iso(deployment.createdAt),
  updated_at: iso(deployment.updatedAt),
});

export const renderStatus = (repo: FakeRepo, deployment: FakeDeployment, status: FakeStatus, api: string) => ({
  ...first('repos__list-deployment-statuses'),
  id: status.id,
  node_id: `DES_${status.id}`,
  url: `${api}/repos/${repo.fullName}/deployments/${deployment.id}/statuses/${status.id}`,
  deployment_url: `${api}/repos/${repo.fullName}/deployments/${deployment.id}`,
  repository_url: `${api}/repos/${repo.fullName}`,
  state: status.state,
  environment: deployment.environment,
  target_url: `https://example.com/deploys/${deployment.id}`,
  log_url: `https://example.com/deploys/${deployment.id}/logs`,
  created_at: iso(status.createdAt),
  updated_at: iso(status.createdAt),
});

export const renderRun = (repo: FakeRepo, run: FakeRun, api: string) => ({
  ...(restExample('actions__get-workflow-run') as Record<string, unknown>),
  id: run.id,
  name: run.name,
  display_title: run.name,
  path: run.path,
  head_sha: run.headSha,
  head_branch: run.headBranch,
  status: run.status,
  conclusion: run.conclusion,
  run_attempt: run.runAttempt,
  run_number: run.id,
  event: 'push',
  url: `${api}/repos/${repo.fullName}/actions/runs/${run.id}`,
  html_url: `https://github.com/${repo.fullName}/actions/runs/${run.id}`,
  created_at: iso(run.createdAt),
  updated_at: iso(run.updatedAt),
  run_started_at: iso(run.runStartedAt),
});

export const renderPull = (repo: FakeRepo, pull: FakePull, api: string) => {
  const base = first('pulls__list') as { head: Record<string, unknown>; base: Record<string, unknown> };
  return {
    ...base,
    id: repo.id * 1000 + pull.number,
    number: pull.number,
    title: pull.title,
    state: pull.state,
    user: user(pull.author),
    labels: renderLabels(pull.labels),
    url: `${api}/repos/${repo.fullName}/pulls/${pull.number}`,
    html_url: `https://github.com/${repo.fullName}/pull/${pull.number}`,
    created_at: iso(pull.createdAt),
    updated_at: iso(pull.updatedAt),
    closed_at: iso(pull.closedAt),
    merged_at: iso(pull.mergedAt),
    merge_commit_sha: pull.mergeCommitSha,
    draft: false,
    head: { ...base.head, ref: pull.headRef, sha: pull.commits.at(-1) },
    base: { ...base.base, ref: pull.baseRef, sha: repo.branches[pull.baseRef] },
  };
};

export const renderReview = (repo: FakeRepo, pull: FakePull, review: FakePull['reviews'][number]) => ({
  ...first('pulls__list-reviews'),
  id: review.id,
  user: user(review.user),
  state: review.state,
  submitted_at: iso(review.submittedAt),
  html_url: `https://github.com/${repo.fullName}/pull/${pull.number}#pullrequestreview-${review.id}`,
});

export const renderIssue = (repo: FakeRepo, issue: FakeIssue, api: string) => {
  const base = first('issues__list-for-repo');
  delete base.pull_request;
  return {
    ...base,
    id: repo.id * 1000 + issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: renderLabels(issue.labels),
    url: `${api}/repos/${repo.fullName}/issues/${issue.number}`,
    html_url: `https://github.com/${repo.fullName}/issues/${issue.number}`,
    created_at: iso(issue.createdAt),
    updated_at: iso(issue.updatedAt),
    closed_at: iso(issue.closedAt),
  };
};

export { iso };

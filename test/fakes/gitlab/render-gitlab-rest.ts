import { createHash } from 'node:crypto';
import {
  fullPath,
  type FakeDeployment,
  type FakeFileChange,
  type FakeGitlabCommit,
  type FakeIssue,
  type FakeMergeRequest,
  type FakePipeline,
  type FakeProject,
} from './fake-gitlab-world';

/**
 * REST answers shaped like the examples in GitLab's API documentation (docs.gitlab.com/api/projects, deployments,
 * merge_requests, commits, pipelines, issues, repository_files, repositories#compare).
 */
export const iso = (date: Date | null) => (date ? date.toISOString() : null);

const webUrl = (base: string, project: FakeProject, rest = '') => `${base}/${fullPath(project)}${rest}`;

export const renderProject = (base: string, project: FakeProject) => ({
  id: project.id,
  description: null,
  name: project.path,
  name_with_namespace: fullPath(project).replace(/\//g, ' / '),
  path: project.path,
  path_with_namespace: fullPath(project),
  created_at: '2026-01-01T00:00:00.000Z',
  default_branch: 'main',
  web_url: webUrl(base, project),
  archived: false,
  visibility: 'private',
  namespace: {
    id: 9000,
    name: project.namespace,
    path: project.namespace.split('/').at(-1),
    kind: 'group',
    full_path: project.namespace,
  },
  last_activity_at: project.lastActivityAt ?? '2026-11-01T00:00:00.000Z',
  only_allow_merge_if_pipeline_succeeds: project.pipelineMustSucceed,
});

/** A blob's id as git computes it, which the tree and the files API both give. */
export const gitBlobId = (content: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex');

/** The recursive tree of the default branch: every folder and file, as `repository/tree?recursive=true` lists them. */
export const renderTree = (project: FakeProject) => {
  const folders = new Set(
    Object.keys(project.files).flatMap((path) =>
      path
        .split('/')
        .slice(0, -1)
        .map((_, index, parts) => parts.slice(0, index + 1).join('/')),
    ),
  );
  const entries = [
    ...[...folders].map((path) => ({
      id: createHash('sha1').update(`tree ${path}`).digest('hex'),
      name: path.split('/').at(-1)!,
      type: 'tree',
      path,
      mode: '040000',
    })),
    ...Object.entries(project.files).map(([path, content]) => ({
      id: gitBlobId(content),
      name: path.split('/').at(-1)!,
      type: 'blob',
      path,
      mode: '100644',
    })),
  ];
  return entries.sort((a, b) => a.path.localeCompare(b.path));
};

export const renderProtectedBranch = (project: FakeProject) => ({
  id: project.id * 10,
  name: 'main',
  push_access_levels: [
    { id: 1, access_level: project.protection!.pushAccessLevel, access_level_description: 'No one' },
  ],
  merge_access_levels: [{ id: 2, access_level: 40, access_level_description: 'Maintainers' }],
  allow_force_push: project.protection!.allowForcePush,
  code_owner_approval_required: project.protection!.codeOwnerApproval,
});

export const renderCommit = (base: string, project: FakeProject, commit: FakeGitlabCommit) => ({
  id: commit.sha,
  short_id: commit.sha.slice(0, 8),
  created_at: iso(commit.committedAt),
  parent_ids: [],
  title: commit.title,
  message: `${commit.title}\n`,
  author_name: commit.author,
  author_email: `${commit.author}@example.com`,
  authored_date: iso(commit.authoredAt),
  committer_name: commit.author,
  committer_email: `${commit.author}@example.com`,
  committed_date: iso(commit.committedAt),
  trailers: {},
  web_url: webUrl(base, project, `/-/commit/${commit.sha}`),
});

export const renderDeployment = (base: string, project: FakeProject, deployment: FakeDeployment) => ({
  id: deployment.id,
  iid: deployment.iid,
  ref: deployment.ref,
  sha: deployment.sha,
  created_at: iso(deployment.createdAt),
  updated_at: iso(deployment.finishedAt ?? deployment.createdAt),
  finished_at: iso(deployment.finishedAt),
  status: deployment.status,
  user: { id: 1, name: 'Administrator', username: 'root', state: 'active' },
  environment: {
    id: deployment.environment === 'production' ? 1 : 2,
    name: deployment.environment,
    external_url: null,
  },
  deployable: {
    id: deployment.id * 10,
    status: deployment.status,
    stage: 'deploy',
    name: `deploy-${deployment.environment}`,
    ref: deployment.ref,
    created_at: iso(deployment.createdAt),
    finished_at: iso(deployment.finishedAt),
    web_url: webUrl(base, project, `/-/jobs/${deployment.id * 10}`),
    pipeline: { id: deployment.id * 10 + 1, sha: deployment.sha, ref: deployment.ref, status: deployment.status },
  },
});

export const renderMergeRequest = (base: string, project: FakeProject, mr: FakeMergeRequest) => ({
  id: mr.id,
  iid: mr.iid,
  project_id: project.id,
  title: mr.title,
  description: '',
  state: 'merged',
  created_at: iso(mr.createdAt),
  updated_at: iso(mr.mergedAt),
  merged_at: iso(mr.mergedAt),
  closed_at: null,
  target_branch: 'main',
  source_branch: `feature-${mr.iid}`,
  author: { id: 2, username: mr.author, name: mr.author, state: 'active' },
  labels: mr.labels,
  draft: false,
  sha: mr.commits.at(-1)!.sha,
  merge_commit_sha: mr.squashed ? null : mr.landed.sha,
  squash_commit_sha: mr.squashed ? mr.landed.sha : null,
  squash: mr.squashed,
  web_url: webUrl(base, project, `/-/merge_requests/${mr.iid}`),
});

export const renderNote = (note: NonNullable<FakeMergeRequest['notes']>[number]) => ({
  id: note.id,
  type: null,
  body: note.body,
  author: { id: 3, username: note.author, name: note.author, state: 'active' },
  created_at: iso(note.at),
  updated_at: iso(note.at),
  system: note.system,
  noteable_type: 'MergeRequest',
  resolvable: false,
  internal: false,
});

export const renderPipeline = (base: string, project: FakeProject, pipeline: FakePipeline, detailed = false) => ({
  id: pipeline.id,
  iid: pipeline.iid,
  project_id: project.id,
  sha: pipeline.sha,
  ref: pipeline.ref,
  status: pipeline.status,
  source: 'push',
  created_at: iso(pipeline.createdAt),
  updated_at: iso(pipeline.finishedAt ?? pipeline.createdAt),
  web_url: webUrl(base, project, `/-/pipelines/${pipeline.id}`),
  // The single-pipeline answer adds timings; the listing leaves them out.
  ...(detailed ? { started_at: iso(pipeline.createdAt), finished_at: iso(pipeline.finishedAt), duration: 900 } : {}),
});

export const renderIssue = (base: string, project: FakeProject, issue: FakeIssue) => ({
  id: issue.id,
  iid: issue.iid,
  project_id: project.id,
  title: issue.title,
  description: '',
  state: issue.closedAt ? 'closed' : 'opened',
  created_at: iso(issue.createdAt),
  updated_at: iso(issue.closedAt ?? issue.createdAt),
  closed_at: iso(issue.closedAt),
  labels: issue.labels,
  issue_type: issue.type,
  type: issue.type.toUpperCase(),
  web_url: webUrl(
    base,
    project,
    issue.type === 'incident' ? `/-/issues/incident/${issue.iid}` : `/-/issues/${issue.iid}`,
  ),
});

export const renderFile = (path: string, content: string, commit: string) => ({
  file_name: path.split('/').at(-1),
  file_path: path,
  size: Buffer.byteLength(content),
  encoding: 'base64',
  content: Buffer.from(content).toString('base64'),
  ref: 'main',
  blob_id: gitBlobId(content),
  commit_id: commit,
  last_commit_id: commit,
});

/** One entry of a commit's diff, as `repository/commits/:sha/diff` lists them (docs.gitlab.com/api/commits). */
export const renderDiffEntry = (change: FakeFileChange) => ({
  diff: `@@ -0,0 +1 @@\n+${change.path}\n`,
  new_path: change.path,
  old_path: change.oldPath ?? change.path,
  a_mode: change.added ? '0' : '100644',
  b_mode: change.deleted ? '0' : '100644',
  new_file: change.added === true,
  renamed_file: change.oldPath !== undefined && change.oldPath !== change.path,
  deleted_file: change.deleted === true,
  generated_file: null,
});

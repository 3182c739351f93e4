import { expect, it } from 'vitest';
import { ZGitlabDeployment, ZGitlabMergeRequest, ZGitlabNote } from '../../../ingest/sources/gitlab/gitlab-payloads';
import { normalizeGitlabDeployment } from '../../../ingest/sources/gitlab/normalize-gitlab-deployment';
import { normalizeGitlabMergeRequest } from '../../../ingest/sources/gitlab/normalize-gitlab-merge-request';

// Shaped like the examples of docs.gitlab.com/api/deployments and /api/merge_requests.
const deployment = (status: string, finished: string | null) =>
  ZGitlabDeployment.parse({
    id: 42,
    iid: 2,
    ref: 'main',
    sha: 'A'.repeat(40),
    status,
    created_at: '2026-03-02T10:00:00Z',
    updated_at: '2026-03-02T10:07:00Z',
    finished_at: finished,
    environment: { id: 9, name: 'production' },
    deployable: { web_url: 'https://gitlab.example.com/acme/pay/-/jobs/7' },
  });

it('maps GitLab deployment statuses and times', () => {
  expect(normalizeGitlabDeployment('acme/pay', deployment('success', '2026-03-02T10:05:00Z'))).toMatchObject({
    id: 'gitlab:deployment:acme/pay/deployments/42',
    service: 'pay',
    environment: 'production',
    status: 'success',
    commitSha: 'a'.repeat(40),
    finishedAt: new Date('2026-03-02T10:05:00Z'),
    url: 'https://gitlab.example.com/acme/pay/-/jobs/7',
  });
  expect(normalizeGitlabDeployment('acme/pay', deployment('failed', null))).toMatchObject({
    status: 'failure',
    finishedAt: new Date('2026-03-02T10:07:00Z'),
  });
  expect(normalizeGitlabDeployment('acme/pay', deployment('canceled', null)).status).toBe('cancelled');
  for (const status of ['created', 'running', 'blocked'])
    expect(normalizeGitlabDeployment('acme/pay', deployment(status, null))).toMatchObject({
      status: 'in_progress',
      finishedAt: null,
    });
});

it('takes the landing commit, first review and approval of a merge request', () => {
  const mr = (overrides: Record<string, unknown>) =>
    ZGitlabMergeRequest.parse({
      id: 1,
      iid: 7,
      title: 'Add retries',
      state: 'merged',
      created_at: '2026-03-02T08:00:00Z',
      updated_at: '2026-03-02T12:00:00Z',
      merged_at: '2026-03-02T12:00:00Z',
      author: { username: 'ana' },
      sha: 'b'.repeat(40),
      merge_commit_sha: 'c'.repeat(40),
      squash_commit_sha: null,
      labels: ['bug'],
      ...overrides,
    });
  const note = (author: string, body: string, system: boolean, at: string) =>
    ZGitlabNote.parse({ id: 1, body, system, created_at: at, author: { username: author } });
  const notes = [
    note('ana', 'ready', false, '2026-03-02T08:10:00Z'),
    note('bob', 'added 1 commit', true, '2026-03-02T08:20:00Z'),
    note('bob', 'Why not a loop?', false, '2026-03-02T09:00:00Z'),
    note('cy', 'approved this merge request', true, '2026-03-02T11:00:00Z'),
  ];
  expect(normalizeGitlabMergeRequest('acme/pay', mr({}), null, notes)).toMatchObject({
    id: 'gitlab:pull_request:acme/pay!7',
    state: 'merged',
    mergeCommitSha: 'c'.repeat(40),
    labels: ['bug'],
    firstReviewAt: new Date('2026-03-02T09:00:00Z'),
    approvedAt: new Date('2026-03-02T11:00:00Z'),
  });
  expect(normalizeGitlabMergeRequest('acme/pay', mr({ squash_commit_sha: 'd'.repeat(40) }), null).mergeCommitSha).toBe(
    'd'.repeat(40),
  );
  expect(normalizeGitlabMergeRequest('acme/pay', mr({ merge_commit_sha: null }), null)).toMatchObject({
    mergeCommitSha: 'b'.repeat(40),
    firstReviewAt: null,
    approvedAt: null,
  });
});

import { describe, expect, it } from 'vitest';
import { findIncidentCause } from '../../../ingest/sources/github/find-incident-cause';
import {
  ZDeployment,
  ZDeploymentStatus,
  ZPullRequest,
  ZReview,
  ZWorkflowRun,
} from '../../../ingest/sources/github/github-payloads';
import { normalizeBranchProtection } from '../../../ingest/sources/github/normalize-branch-protection';
import { normalizeDeployment } from '../../../ingest/sources/github/normalize-deployment';
import { normalizePullRequest } from '../../../ingest/sources/github/normalize-pull-request';
import { normalizeWorkflowRun } from '../../../ingest/sources/github/normalize-workflow-run';
import { restExample } from '../../fakes/github/render-rest';
import { examplesOf } from './webhook-test-setup';

const deployment = ZDeployment.parse((restExample('repos__list-deployments') as unknown[])[0]);
const statusTemplate = (restExample('repos__list-deployment-statuses') as Record<string, unknown>[])[0]!;
const status = (id: number, state: string, at: string) =>
  ZDeploymentStatus.parse({ ...statusTemplate, id, state, created_at: at });

describe('normalizeDeployment', () => {
  it('times a deployment by its first success, not the inactive GitHub adds when a newer one ships', () => {
    const row = normalizeDeployment('octo/app', deployment, [
      status(3, 'inactive', '2026-01-09T00:00:00Z'),
      status(2, 'success', '2026-01-02T10:05:00Z'),
      status(1, 'in_progress', '2026-01-02T10:01:00Z'),
    ]);
    expect(row).toMatchObject({
      id: `github:deployment:octo/app/${deployment.id}`,
      status: 'success',
      service: 'app',
      environment: 'production',
    });
    expect(row.finishedAt!.toISOString()).toBe('2026-01-02T10:05:00.000Z');
  });

  it.each([
    ['failure', ['success', 'failure'], 'failure'],
    ['error', ['in_progress', 'error'], 'failure'],
    ['a retry that succeeded', ['failure', 'success'], 'success'],
    ['still running', ['queued', 'in_progress'], 'in_progress'],
    ['superseded before it succeeded', ['queued', 'inactive'], 'cancelled'],
    ['no statuses at all', [], 'in_progress'],
  ])('%s', (_title, states, expected) => {
    const statuses = states.map((state, index) => status(index + 1, state, `2026-01-02T10:0${index}:00Z`));
    expect(normalizeDeployment('octo/app', deployment, statuses).status).toBe(expected);
  });
});

describe('normalizeWorkflowRun', () => {
  const run = ZWorkflowRun.parse({
    ...(restExample('actions__get-workflow-run') as object),
    name: 'Deploy',
    status: 'completed',
    conclusion: 'success',
    run_attempt: 2,
  });
  it('keys pipeline runs and deployments by run id, so a re-run updates the same rows', () => {
    const first = normalizeWorkflowRun(
      'octo/app',
      { ...run, run_attempt: 1, conclusion: 'failure' },
      { deployWorkflowPattern: 'deploy', usesDeploymentsApi: false },
    );
    const again = normalizeWorkflowRun('octo/app', run, { deployWorkflowPattern: 'deploy', usesDeploymentsApi: false });
    expect(again.pipelineRun.id).toBe(first.pipelineRun.id);
    expect(again.deployment!.id).toBe(first.deployment!.id);
    expect([first.deployment!.status, again.deployment!.status]).toEqual(['failure', 'success']);
    expect(again.pipelineRun.attempt).toBe(2);
    expect(again.deployment!.finishedAt).toEqual(run.updated_at);
  });
  it('makes no deployment of a repository that uses the Deployments API, or of a workflow that does not deploy', () => {
    expect(
      normalizeWorkflowRun('octo/app', run, { deployWorkflowPattern: 'deploy', usesDeploymentsApi: true }).deployment,
    ).toBeNull();
    expect(
      normalizeWorkflowRun(
        'octo/app',
        { ...run, name: 'CI', path: '.github/workflows/ci.yml' },
        { deployWorkflowPattern: 'deploy', usesDeploymentsApi: false },
      ).deployment,
    ).toBeNull();
  });
  it('names a run with an empty name after its workflow file (a webhook example quirk)', () => {
    const [, completed] = examplesOf('workflow_run');
    const parsed = ZWorkflowRun.parse(completed!.workflow_run);
    expect(
      normalizeWorkflowRun('octo/app', parsed, { deployWorkflowPattern: 'deploy', usesDeploymentsApi: false })
        .pipelineRun.name,
    ).toBe('test.yml');
  });
});

describe('normalizePullRequest', () => {
  const pull = ZPullRequest.parse({
    ...(restExample('pulls__list') as object[])[0],
    user: { login: 'alice' },
    created_at: '2026-01-02T10:00:00Z',
    merged_at: '2026-01-03T10:00:00Z',
  });
  const review = (login: string, state: string, at: string) =>
    ZReview.parse({ id: 1, user: { login }, state, submitted_at: at });
  it('takes the first review and approval by someone other than the author', () => {
    const row = normalizePullRequest(
      'octo/app',
      pull,
      [],
      [
        review('alice', 'COMMENTED', '2026-01-02T11:00:00Z'),
        review('bob', 'COMMENTED', '2026-01-02T12:00:00Z'),
        review('carol', 'APPROVED', '2026-01-02T13:00:00Z'),
      ],
    );
    expect(row.firstReviewAt!.toISOString()).toBe('2026-01-02T12:00:00.000Z');
    expect(row.approvedAt!.toISOString()).toBe('2026-01-02T13:00:00.000Z');
    expect(row.state).toBe('merged');
  });
  it('recognizes a revert by its title or branch', () => {
    expect(normalizePullRequest('octo/app', { ...pull, title: 'Revert "Add cart"' }, null, null).isRevert).toBe(true);
    expect(
      normalizePullRequest(
        'octo/app',
        { ...pull, title: 'Undo', head: { ref: 'revert-12-cart', sha: 'a'.repeat(40) } },
        null,
        null,
      ).isRevert,
    ).toBe(true);
    expect(
      normalizePullRequest(
        'octo/app',
        { ...pull, title: 'Add cart', head: { ref: 'cart', sha: 'a'.repeat(40) } },
        null,
        null,
      ).isRevert,
    ).toBe(false);
  });
});

describe('findIncidentCause', () => {
  const sha = '9fceb02d0ae598e95dc970b74767f19372d61af8';
  it.each([
    [
      'a deployment URL',
      'Broke after https://api.github.com/repos/octo/app/deployments/42',
      'github:deployment:octo/app/42',
      null,
    ],
    [
      'an Actions run URL',
      'See https://github.com/octo/app/actions/runs/7 for the deploy',
      'github:deployment:octo/app/run/7',
      null,
    ],
    ['deployment #n', 'Caused by deployment #15', 'github:deployment:octo/app/15', null],
    ['root cause: <short sha>', 'root cause: 9fceb02', null, '9fceb02'],
    ['a commit URL', `https://github.com/octo/app/commit/${sha}`, null, sha],
    ['a bare full sha', `bad merge ${sha.toUpperCase()} yesterday`, null, sha],
    ['nothing', 'Checkout is slow', null, null],
  ])('reads %s', (_title, body, causedBy, causedBySha) => {
    expect(findIncidentCause('octo/app', body)).toEqual({ causedBy, causedBySha, causedByRef: null });
  });

  it('reads a pull request URL as a named cause', () => {
    expect(findIncidentCause('octo/app', 'Errors since https://github.com/octo/app/pull/12 merged')).toEqual({
      causedBy: null,
      causedBySha: null,
      causedByRef: 'https://github.com/octo/app/pull/12',
    });
  });
});

describe('normalizeBranchProtection', () => {
  it('says "not protected" as a fact, not an error', () => {
    expect(normalizeBranchProtection({ branch: 'main', classic: null, rules: [] })).toMatchObject({
      enabled: false,
      requiredReviews: 0,
      allowForcePushes: true,
    });
  });
  it('reads classic protection (the documented example)', () => {
    const classic = restExample('repos__get-branch-protection') as Record<string, unknown>;
    const facts = normalizeBranchProtection({ branch: 'main', classic, rules: [] });
    expect(facts).toMatchObject({
      enabled: true,
      requiredReviews: 2,
      requireCodeOwnerReviews: true,
      enforceAdmins: true,
    });
    expect(facts.requiredStatusChecks).toContain('continuous-integration/travis-ci');
  });
  it('reads rulesets', () => {
    const facts = normalizeBranchProtection({
      branch: 'main',
      classic: null,
      rules: [
        { type: 'pull_request', parameters: { required_approving_review_count: 1 } },
        { type: 'non_fast_forward' },
      ],
    });
    expect(facts).toMatchObject({ enabled: true, requiredReviews: 1, allowForcePushes: false, allowDeletions: true });
  });
});

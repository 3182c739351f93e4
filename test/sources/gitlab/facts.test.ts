import { afterEach, expect, it } from 'vitest';
import { normalizeGitlabProtection } from '../../../ingest/sources/gitlab/normalize-gitlab-facts';
import { syncGitlab } from '../../../ingest/sources/gitlab/sync-gitlab';
import { getLatestFacts } from '../../../lib/domain/record-facts';
import { buildFakeGitlabGroup } from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { snapshotTables } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { GITLAB_SETTINGS, gitlabClientOptions } from './gitlab-test-setup';

let fake: FakeGitlab | undefined;
afterEach(async () => fake?.close());

const FACT_REQUESTS = /\/repository\/(tree|branches|files\/(?!catalog-info))|\/protected_branches\/|\/approval_rules$/;

it('maps GitLab protection to the stored shape: rules that cover the branch, pipelines as the one status check', () => {
  const pushNoOne = { push_access_levels: [{ access_level: 0 }], allow_force_push: false, code_owner_approval_required: true };
  const rules = [
    { approvals_required: 1, applies_to_all_protected_branches: false, protected_branches: [{ name: 'release' }] },
    { approvals_required: 2, applies_to_all_protected_branches: false, protected_branches: [{ name: 'main' }] },
  ];
  expect(normalizeGitlabProtection('main', { protectedBranch: pushNoOne, approvalRules: rules, pipelineMustSucceed: true })).toEqual({
    branch: 'main',
    enabled: true,
    requiredReviews: 2,
    requireCodeOwnerReviews: true,
    requiredStatusChecks: ['pipeline'],
    enforceAdmins: true,
    allowForcePushes: false,
    allowDeletions: false,
  });
  expect(normalizeGitlabProtection('main', { protectedBranch: null, approvalRules: null, pipelineMustSucceed: false })).toMatchObject({
    enabled: false,
    requiredReviews: 0,
    allowForcePushes: true,
    allowDeletions: true,
  });
});

describeEachBackend('GitLab repository facts', ({ db }) => {
  const sync = () => syncGitlab({ db: db(), client: gitlabClientOptions(fake!), settings: GITLAB_SETTINGS, group: 'acme' });
  const factsOf = async (service: string) =>
    Object.fromEntries((await getLatestFacts(db(), [service])).map((fact) => [fact.kind, fact]));

  it('records tree, files, catalog and protection, and reads them again only after a push', async () => {
    fake = await startFakeGitlab(buildFakeGitlabGroup({ projects: 4 }));
    await sync();
    const protectedOne = await factsOf('svc-00');
    expect(protectedOne.repository?.data).toMatchObject({
      defaultBranch: 'main',
      paths: ['.gitlab-ci.yml', 'README.md', 'catalog-info.yaml', 'src', 'src/main.ts'],
      files: { '.gitlab-ci.yml': 'deploy:\n  script: ./deploy.sh\n', 'README.md': '# svc-00\n' },
    });
    expect(protectedOne.catalog?.data).toMatchObject({ metadata: { name: 'svc-00' }, spec: { owner: 'group:default/team-0' } });
    expect(protectedOne.branch_protection?.data).toMatchObject({ enabled: true, requiredReviews: 2, requireCodeOwnerReviews: true, requiredStatusChecks: ['pipeline'] });
    // GitLab Free answers 403 to approval rules: protected, but no review required.
    expect((await factsOf('svc-02')).branch_protection?.data).toMatchObject({ enabled: true, requiredReviews: 0 });
    expect((await factsOf('svc-01')).branch_protection?.data).toMatchObject({ enabled: false, allowForcePushes: true });
    // The tree came keyset-paginated (page_token), in pages of 10 or fewer.
    expect(fake.requests.filter((request) => request.path === '/projects/100/repository/tree').length).toBe(1);

    const stored = await snapshotTables(db(), ['raw_payloads']);
    fake.requests.length = 0;
    await sync();
    expect(fake.requests.filter((request) => FACT_REQUESTS.test(request.path))).toEqual([]);
    expect(await snapshotTables(db(), ['raw_payloads'])).toEqual(stored);

    const pushed = fake.world.projects[0]!;
    pushed.files['README.md'] = '# svc-00\n\nHow to run it.\n';
    const pushedAt = new Date('2026-11-02T00:00:00.000Z');
    pushed.mainline.push({ sha: 'c'.repeat(40), title: 'Docs: how to run it', author: 'ann', authoredAt: pushedAt, committedAt: pushedAt });
    pushed.lastActivityAt = pushedAt.toISOString();
    fake.requests.length = 0;
    await sync();
    // Only the pushed project's facts are read again, and of its files only the one whose blob changed.
    const reread = fake.requests.filter((request) => FACT_REQUESTS.test(request.path)).map((request) => request.path);
    expect(reread).toEqual([
      '/projects/100/repository/branches/main',
      '/projects/100/repository/tree',
      '/projects/100/protected_branches/main',
      '/projects/100/approval_rules',
      '/projects/100/repository/files/README.md',
    ]);
    expect((await factsOf('svc-00')).repository?.data).toMatchObject({ files: { 'README.md': '# svc-00\n\nHow to run it.\n' } });
  });
});

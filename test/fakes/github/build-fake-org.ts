import { seededRandom } from '../../../lib/random/seeded-random';
import { createFakeWorld, FakeRepoBuilder, type FakeWorld } from './fake-world';

export const CATALOG = (name: string, owner: string) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    '    waymark.dev/tier: "2"',
    '  tags: [typescript]',
    'spec:',
    '  type: service',
    `  owner: group:default/${owner}`,
    '  lifecycle: production',
    '  system: checkout',
    '',
  ].join('\n');

export const DEPLOY_WORKFLOW = '.github/workflows/deploy.yml';
export const CI_WORKFLOW = '.github/workflows/ci.yml';

export type FakeOrgOptions = { org?: string; repos?: number; seed?: number; start?: Date };

/**
 * An organization of `repos` repositories with years of history: old direct commits, then pull requests merged by
 * squash, rebase and merge commit, deployments (Deployments API in two of three repositories, a GitHub Actions deploy
 * workflow in the rest) with inactive statuses, a failed deploy, a re-run, CI runs, incidents naming a cause, facts
 * files, and branch protection by classic rules or rulesets. One repository is missing and one is forbidden.
 */
export const buildFakeOrg = ({ org = 'acme', repos = 50, seed = 7, start = new Date('2026-09-01T08:00:00Z') }: FakeOrgOptions = {}): FakeWorld => {
  const world = createFakeWorld(org);
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  for (let index = 0; index < repos; index++) {
    const name = `svc-${String(index).padStart(2, '0')}`;
    const repo = new FakeRepoBuilder(world, name, new Date('2023-01-01T00:00:00Z'));
    const usesActions = index % 3 === 2;
    // Years of history before anything was deployed.
    for (let year = 0; year < 3; year++) {
      repo.commit(`old work ${year}`);
      repo.wait(60 * 24 * 200);
    }
    repo.at(new Date(start.getTime() + index * 60_000));
    repo.commit('recent direct change');
    for (let round = 0; round < 3; round++) {
      const pull = repo.wait(60).openPull(`Feature ${round} of ${name}`, { author: pick(['alice', 'bob', 'carol']), count: 1 + Math.floor(random() * 3), labels: round === 2 ? ['bug'] : [] });
      repo.run('CI', CI_WORKFLOW, pull.commits.at(-1)!, 'success', pull.headRef);
      repo.wait(45).review(pull, 'dave', 'COMMENTED').wait(30).review(pull, 'erin', 'APPROVED').wait(20);
      const landed = repo.merge(pull, (['squash', 'rebase', 'merge'] as const)[(round + index) % 3]!);
      repo.wait(15);
      if (usesActions) {
        const run = repo.run('Deploy', DEPLOY_WORKFLOW, landed, round === 1 && index % 2 === 0 ? 'failure' : 'success');
        if (run.conclusion === 'failure') repo.rerun(run, 'success');
      } else if (round === 1 && index % 4 === 0) {
        repo.deploy(landed, ['queued', 'in_progress', 'failure']);
        repo.wait(30).deploy(landed, ['queued', 'in_progress', 'success']);
      } else {
        repo.deploy(landed, ['queued', 'in_progress', 'success']);
        if (round === 0) repo.deploy(landed, ['success'], 'staging');
      }
      repo.wait(60 * 6);
    }
    if (index % 5 === 0) {
      const shipped = repo.repo.pulls[1]!.mergeCommitSha!;
      const incident = repo.wait(30).issue(`Checkout errors in ${name}`, `Errors after the deploy.\n\nroot cause: ${shipped}`, ['incident', 'sev2']);
      repo.wait(90).close(incident);
    }
    repo.issue('A plain bug report', 'Not an incident.', ['bug']);
    // An open pull request and a deployment still in progress keep cursors honest about unfinished things.
    if (index % 7 === 0) repo.wait(30).openPull(`Work in progress on ${name}`, { author: 'bob', count: 1 });
    repo.files({
      'README.md': `# ${name}\n`,
      CODEOWNERS: `* @${org}/team-${index % 4}\n`,
      'catalog-info.yaml': index === 4 ? 'metadata: [unclosed' : CATALOG(name, `team-${index % 4}`),
      [CI_WORKFLOW]: 'name: CI\non: [push]\n',
      ...(usesActions ? { [DEPLOY_WORKFLOW]: 'name: Deploy\non: { push: { branches: [main] } }\n' } : {}),
      'package.json': JSON.stringify({ name, private: true }),
      'src/index.ts': 'export {};\n',
    });
    if (index % 2 === 0) repo.repo.protection = { required_pull_request_reviews: { required_approving_review_count: 1, require_code_owner_reviews: true }, enforce_admins: { enabled: true }, allow_force_pushes: { enabled: false }, allow_deletions: { enabled: false }, required_status_checks: { contexts: ['CI'], checks: [{ context: 'CI' }] } };
    else if (index % 3 === 0) repo.repo.rules = [{ type: 'pull_request', parameters: { required_approving_review_count: 2, require_code_owner_review: false } }, { type: 'non_fast_forward' }, { type: 'deletion' }];
    if (index === 7) {
      // Protected, but the credentials may not read how: the fact is an error ("unknown"), not "unprotected".
      repo.repo.protection = { required_pull_request_reviews: { required_approving_review_count: 1 } };
      repo.repo.protectionAccess = 'forbidden';
    }
  }
  if (repos > 10) {
    world.repos.get(`${org}/svc-09`)!.access = 'forbidden';
  }
  return world;
};

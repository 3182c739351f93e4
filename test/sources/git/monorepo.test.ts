import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestGitRepository } from '../../../ingest/sources/git/ingest-git-repository';
import { inspectGitRepository } from '../../../ingest/sources/git/inspect-git-repository';
import type { Db } from '../../../lib/db/client';
import { changes, deploymentChanges, deployments, services } from '../../../lib/db/schema';
import { runCli } from '../../helpers/run-cli';
import { describeEachBackend } from '../../helpers/test-db';
import { createGitFixture, type GitFixture } from './git-fixture';
import { expectMonorepoLeadTimes } from '../../helpers/expect-monorepo-lead-times';

const at = (day: number, hour = 10) => `2026-01-0${day}T${String(hour).padStart(2, '0')}:00:00Z`;
const catalog = (name: string, owner: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  owner: ${owner}\n`;

/**
 * Two services in one repository, each in its folder with its catalog-info.yaml, shared root tooling, per-service
 * tags (checkout@…, search@…) and a repository-wide tag neither service takes.
 */
let repo: GitFixture;
const sha: Record<string, string> = {};
beforeAll(() => {
  repo = createGitFixture('shop');
  sha.c1 = repo.commit('initial', {
    authored: at(1),
    files: {
      'package.json': '{}',
      'services/checkout/index.ts': 'export {}',
      'services/checkout/catalog-info.yaml': catalog('checkout', 'group:payments'),
      'services/search/index.ts': 'export {}',
      'services/search/catalog-info.yaml': catalog('search', 'group:discovery'),
    },
  });
  repo.tag('checkout@1.0.0');
  repo.tag('search@1.0.0');
  sha.c2 = repo.commit('checkout: cart', { authored: at(2), files: { 'services/checkout/cart.ts': 'cart' } });
  sha.c3 = repo.commit('tooling: lint', { authored: at(3), files: { 'tools/lint.sh': 'lint' } });
  sha.c4 = repo.commit('search: ranking', { authored: at(4), files: { 'services/search/rank.ts': 'rank' } });
  repo.tag('checkout@1.1.0', 'HEAD', at(5));
  sha.c5 = repo.commit('both: shared logger', {
    authored: at(6),
    files: { 'services/checkout/log.ts': 'log', 'services/search/log.ts': 'log' },
  });
  repo.tag('search@1.1.0', 'HEAD', at(6, 16));
  repo.tag('checkout@1.2.0', 'HEAD', at(7));
  repo.tag('v9.9.9', 'HEAD', at(8));
});
afterAll(() => repo.cleanup());

const carried = async (db: Db, service: string) => {
  const rows = await db
    .select({ deployment: deployments.sourceId, sha: changes.sha })
    .from(deployments)
    .innerJoin(deploymentChanges, eq(deploymentChanges.deploymentId, deployments.id))
    .innerJoin(changes, eq(changes.id, deploymentChanges.changeId))
    .where(eq(deployments.service, service))
    .orderBy(asc(deployments.finishedAt), asc(changes.authoredAt));
  const byDeployment: Record<string, string[]> = {};
  for (const row of rows) (byDeployment[row.deployment.split(':').at(-1)!] ??= []).push(row.sha);
  return byDeployment;
};

describeEachBackend('a monorepo read service by service (--path)', ({ db }) => {
  it('gives each service its own tags and only the commits that change its paths, as hand-computed', async () => {
    for (const folder of ['checkout', 'search']) {
      await ingestGitRepository({ db: db(), path: repo.dir, paths: [`services/${folder}/**`], horizonDays: 30 });
    }
    const rows = await db().select({ name: services.name, team: services.team }).from(services).orderBy(services.name);
    expect(rows).toEqual([
      { name: 'checkout', team: 'payments' },
      { name: 'search', team: 'discovery' },
    ]);
    const checkout = await carried(db(), 'checkout');
    const search = await carried(db(), 'search');
    expect(Object.values(checkout)).toEqual([[sha.c1], [sha.c2], [sha.c5]]);
    expect(Object.values(search)).toEqual([[sha.c1], [sha.c4, sha.c5]]);
    // Root tooling is no service's change.
    expect(await db().select().from(changes).where(eq(changes.sha, sha.c3!))).toEqual([]);

    const metricsOf = await expectMonorepoLeadTimes(db());
    expect((await metricsOf('checkout')).deploymentFrequency).toMatchObject({ deployments: 3 });
    expect((await metricsOf('search')).deploymentFrequency).toMatchObject({ deployments: 2 });
  });

  it('refuses a path that matches nothing, a path with a branch, and a path whose folder names no service', async () => {
    await expect(inspectGitRepository({ path: repo.dir, paths: ['services/chekout/**'] })).rejects.toThrow(
      /--path "services\/chekout\/\*\*": no file of .* matches it at HEAD/,
    );
    await expect(inspectGitRepository({ path: repo.dir, paths: ['tools/**'], deployBranch: 'main' })).rejects.toThrow(
      /--path needs tag deployments/,
    );
    await expect(inspectGitRepository({ path: repo.dir, paths: ['tools/**'] })).rejects.toThrow(
      /--path: name the service with --service \(tools has no valid catalog-info.yaml\)/,
    );
    await expect(inspectGitRepository({ path: repo.dir, paths: ['../other/**'] })).rejects.toThrow(
      /a path inside the repository/,
    );
  });
});

it('`waymark ingest git` with no flags finds the monorepo and reads each service on its own', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'waymark-monorepo-'));
  try {
    const env = { WAYMARK_DATA_DIR: dataDir, WAYMARK_DEMO: 'off', LOG_LEVEL: 'error' };
    const result = await runCli(['ingest', 'git', repo.dir], { env });
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${repo.dir} is a monorepo of 2 services with tags of their own (checkout, search).`);
    // c3 (tools/lint.sh) is the one commit that changes neither service's files.
    expect(lines[1]).toBe(
      "Not attributed: 1 commit of 5 on HEAD changes no service's files (root tooling); no service's lead time counts them.",
    );
    expect(lines.filter((line) => line.startsWith('Ingested'))).toEqual([
      expect.stringMatching(
        /^Ingested checkout .* services\/checkout\/\*\*; 3 deployments read \(3 new, 0 updated\) carrying 3 commits;/,
      ),
      expect.stringMatching(
        /^Ingested search .* services\/search\/\*\*; 2 deployments read \(2 new, 0 updated\) carrying 3 commits;/,
      ),
    ]);
    // The repository-wide tag is no service's, and no note asks for --deploy-tags.
    expect(result.stdout).not.toContain('--deploy-tags');
    const again = await runCli(['ingest', 'git', repo.dir], { env });
    expect(again.stdout).toMatch(/Ingested checkout .*; 0 deployments read/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('services named by git.services in waymark.yaml win over the catalog folders', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'waymark-monorepo-config-'));
  try {
    const yaml = "git:\n  services:\n    - { name: tooling, repository: shop, paths: ['tools/**'], tags: 'v*' }\n";
    writeFileSync(join(dataDir, 'waymark.yaml'), yaml);
    const env = { WAYMARK_DATA_DIR: dataDir, WAYMARK_DEMO: 'off', LOG_LEVEL: 'error' };
    const result = await runCli(['ingest', 'git', repo.dir], { env, cwd: dataDir });
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${repo.dir} is a monorepo of 1 service named by git.services in waymark.yaml (tooling).`);
    // Named alone, tooling leaves the four service commits unattributed.
    expect(lines[1]).toMatch(/^Not attributed: 4 commits of 5 on HEAD change no service's files/);
    // v9.9.9 is its only tag; within the horizon before it, only c3 changed tools/.
    expect(lines[2]).toMatch(
      /^Ingested tooling .* tools\/\*\*; 1 deployment read \(1 new, 0 updated\) carrying 1 commit;/,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

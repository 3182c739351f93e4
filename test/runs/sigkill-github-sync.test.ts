import { afterAll, describe, expect, it } from 'vitest';
import { buildFakeOrg } from '../fakes/github/build-fake-org';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fake-github-server';
import { TEST_BACKENDS } from '../helpers/test-db';
import { TEST_TOKEN } from '../sources/github/github-test-setup';
import { expectKillsKeepDeploymentsWhole } from './expect-kills-keep-deployments-whole';
import { createKillTarget, type KillTarget } from './kill-target';

const REPOSITORIES = 8;
const KILLS = 5;

/**
 * Issue 20, item 5, for the GitHub source: `waymark ingest github` against a fake organization, killed at 5 points.
 * Each step commits its rows with its cursor; deployments are written before the linking step, so an unlinked one
 * may be left by a kill, never a half-linked one.
 */
for (const backend of TEST_BACKENDS) {
  describe(`SIGKILL during \`waymark ingest github\` [${backend}]`, () => {
    let fake: FakeGithub | undefined;
    const targets: KillTarget[] = [];
    afterAll(async () => {
      await fake?.close();
      for (const target of targets) await target.cleanup();
    });

    it(`leaves whole deployments after each of ${KILLS} kills, and a rerun equals a clean sync`, async () => {
      fake = await startFakeGithub(buildFakeOrg({ repos: REPOSITORIES }));
      const clean = await createKillTarget(backend);
      const crashed = await createKillTarget(backend);
      targets.push(clean, crashed);
      const figures = await expectKillsKeepDeploymentsWhole({
        clean,
        crashed,
        args: ['ingest', 'github', '--org', 'acme'],
        env: { GITHUB_API_URL: fake.url, GITHUB_TOKEN: TEST_TOKEN },
        kills: KILLS,
        linksLater: true,
      });
      expect(figures.deployments).toBeGreaterThan(REPOSITORIES);
      console.log(`sigkill github [${backend}]: ${JSON.stringify(figures)}, rerun equal`);
    }, 600_000);
  });
}

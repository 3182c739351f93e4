import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGeneratedRepository } from '../helpers/build-generated-repository';
import { TEST_BACKENDS } from '../helpers/test-db';
import { expectKillsKeepDeploymentsWhole } from './expect-kills-keep-deployments-whole';
import { createKillTarget, type KillTarget } from './kill-target';

// A few seconds of ingest on a 2-core machine, so kills land in start-up, the commit walk and the deployment writes.
const COMMITS = 5_000;
const TAGS = 150;
const KILLS = 5;
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** Issue 20, item 5, for the git source: `waymark ingest git` of a generated repository, killed at 5 points. */
for (const backend of TEST_BACKENDS) {
  describe(`SIGKILL during \`waymark ingest git\` [${backend}]`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'waymark-sigkill-git-'));
    const repo = join(folder, 'ledger');
    const targets: KillTarget[] = [];
    afterAll(async () => {
      for (const target of targets) await target.cleanup();
      rmSync(folder, { recursive: true, force: true });
    });

    it(`leaves whole deployments after each of ${KILLS} kills, and a rerun equals a clean run`, async () => {
      const env = { ...process.env, ...GIT_ENV, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com' };
      await buildGeneratedRepository({ dir: repo, commits: COMMITS, tags: TAGS, env });
      const clean = await createKillTarget(backend);
      const crashed = await createKillTarget(backend);
      targets.push(clean, crashed);
      const args = ['ingest', 'git', repo];
      const figures = await expectKillsKeepDeploymentsWhole({ clean, crashed, args, env: GIT_ENV, kills: KILLS });
      expect(figures.deployments).toBe(TAGS);
      console.log(`sigkill git [${backend}]: ${JSON.stringify(figures)}, rerun equal`);
    }, 600_000);
  });
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFakeGitlabGroup } from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { runCli } from '../../helpers/run-cli';

let fake: FakeGitlab;
let dataDir: string;
beforeEach(async () => {
  fake = await startFakeGitlab(buildFakeGitlabGroup({ projects: 2 }));
  dataDir = mkdtempSync(join(tmpdir(), 'waymark-gitlab-cli-'));
});
afterEach(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const waymark = (args: string[], env: Record<string, string> = {}) =>
  runCli(['ingest', 'gitlab', ...args], {
    env: {
      WAYMARK_DATA_DIR: dataDir,
      WAYMARK_DEMO: 'off',
      LOG_LEVEL: 'error',
      WAYMARK_GITLAB_TOKEN: fake.token,
      ...env,
    },
    cwd: dataDir,
  });

describe('waymark ingest gitlab (embedded database)', () => {
  it('syncs a group, says what it did in one line, and is cheaper the second time; the token is never printed', async () => {
    // The `gitlab:` section of waymark.yaml in the working folder names the instance and the group.
    writeFileSync(join(dataDir, 'waymark.yaml'), `gitlab:\n  baseUrl: ${fake.url}\n  group: acme\n`);
    const first = await waymark([]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Synced 2 projects in .+: 26 deployments, 24 merge requests, 32 pipeline runs, 4 incidents, \d+ deployments linked to commits written; \d+ API requests \(0 answered 304 Not Modified, 0 retried\), rate limit left \d+\.\n$/,
    );
    const second = await waymark([]);
    expect(second.stdout).toMatch(
      /: 0 deployments, 0 merge requests, 0 pipeline runs, 0 incidents, 0 deployments linked to commits written; 13 API requests \(2 answered 304/,
    );
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(fake.token);
    const renormalized = await runCli(['renormalize', '--source', 'gitlab'], {
      env: { WAYMARK_DATA_DIR: dataDir, WAYMARK_DEMO: 'off', LOG_LEVEL: 'error' },
      cwd: dataDir,
    });
    expect(renormalized.stdout).toMatch(
      /^Renormalized gitlab \(2 projects\) in .+: 0 rows inserted, 0 updated, 88 unchanged; 0 deployments re-linked to their commits\.\n$/,
    );
    const unknown = await runCli(['renormalize', '--source', 'svn'], {
      env: { WAYMARK_DATA_DIR: dataDir },
      cwd: dataDir,
    });
    expect(unknown).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        '--source svn: not a source that can be renormalized (events, git, github, gitlab, pagerduty, incident-io, cdevents, otel, backstage)',
      ),
    });
  }, 300_000);

  it('stops with exit code 2 and one message naming a bad token, an unknown group or an unreachable URL', async () => {
    writeFileSync(join(dataDir, 'waymark.yaml'), `gitlab:\n  baseUrl: ${fake.url}\n`);
    const token = await waymark(['--group', 'acme'], { WAYMARK_GITLAB_TOKEN: 'glpat-wrongwrongwrongwrong00' });
    expect(token).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('GitLab answered 401 to GET /api/v4/groups/acme/projects: 401 Unauthorized'),
    });
    expect(token.stderr).not.toContain('glpat-wrong');
    const group = await waymark(['--group', 'nope']);
    expect(group).toMatchObject({ code: 2, stderr: expect.stringContaining('404 Group Not Found') });
    const closed = await startFakeGitlab(fake.world);
    await closed.close();
    writeFileSync(join(dataDir, 'waymark.yaml'), `gitlab:\n  baseUrl: ${closed.url}\n`);
    const unreachable = await waymark(['--group', 'acme']);
    expect(unreachable).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`cannot reach ${closed.url}: ECONNREFUSED`),
    });
    const missing = await waymark(['--group', 'acme'], { WAYMARK_GITLAB_TOKEN: '' });
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('WAYMARK_GITLAB_TOKEN') });
  }, 300_000);
});

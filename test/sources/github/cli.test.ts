import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFakeOrg } from '../../fakes/github/build-fake-org';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { TEST_TOKEN } from './github-test-setup';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../ingest/cli/bin.js');

let fake: FakeGithub;
let dataDir: string;
beforeEach(async () => {
  fake = await startFakeGithub(buildFakeOrg({ repos: 2 }));
  dataDir = mkdtempSync(join(tmpdir(), 'waymark-cli-'));
});
afterEach(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const waymark = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [BIN, ...args], {
    env: { NODE_ENV: 'test', PATH: process.env.PATH!, WAYMARK_DATA_DIR: dataDir, GITHUB_API_URL: fake.url, LOG_LEVEL: 'error', ...env },
    timeout: 120_000,
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe('waymark ingest github (embedded database)', () => {
  it('syncs, says what it did in one line, and is cheaper the second time', async () => {
    const first = await waymark(['ingest', 'github', '--org', 'acme'], { GITHUB_TOKEN: TEST_TOKEN });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Synced 2 repositories in .+: \d+ deployments, .+ written; \d+ API requests \(0 answered 304 Not Modified\), rate limit left \d+\.\n$/);
    const second = await waymark(['ingest', 'github', '--org', 'acme'], { GITHUB_TOKEN: TEST_TOKEN });
    expect(second.stdout).toMatch(/: 0 deployments, 0 pipeline runs, 0 pull requests, 0 deployments linked to commits, 0 incidents, 0 facts written; (\d+) API requests \(\1 answered 304/);
    expect(`${first.stderr}${second.stderr}`).not.toContain(TEST_TOKEN);
  });

  it('refuses clearly without credentials, with a bad --since, and runs no worker on the embedded database', async () => {
    expect(await waymark(['ingest', 'github', '--org', 'acme'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/GITHUB_TOKEN/) });
    expect(await waymark(['ingest', 'github', '--org', 'acme', '--since', 'yesterday'], { GITHUB_TOKEN: TEST_TOKEN })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--since yesterday: not a date/) });
    expect(await waymark(['ingest', 'github'], { GITHUB_TOKEN: TEST_TOKEN })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--org/) });
    expect(await waymark(['worker'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/npm start/) });
  });

  it('fails with the reasons when every repository is refused', async () => {
    const bad = { GITHUB_TOKEN: 'ghp_notvalid000000000000000000000000000000' };
    const result = await waymark(['ingest', 'github', '--repo', 'acme/svc-00', '--repo', 'acme/svc-01'], bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/every repository failed \(2\)\n  acme\/svc-00: GitHub answered 401/);
    const listing = await waymark(['ingest', 'github', '--org', 'acme'], bad);
    expect(listing).toMatchObject({ code: 1, stderr: expect.stringMatching(/could not list the repositories of acme: GitHub answered 401 \(Bad credentials\)/) });
    expect(`${result.stderr}${listing.stderr}`).not.toContain('ghp_notvalid');
  });
});

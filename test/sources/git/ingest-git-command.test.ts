import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitFixture, type GitFixture } from './git-fixture';
import { buildPaymentsHistory } from './payments-history';

const BIN = fileURLToPath(new URL('../../../ingest/cli/bin.js', import.meta.url));

describe('waymark ingest git', () => {
  let repo: GitFixture;
  let dataDir: string;
  beforeAll(() => {
    repo = createGitFixture('payments');
    buildPaymentsHistory(repo).all();
    dataDir = mkdtempSync(join(tmpdir(), 'waymark-cli-'));
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const waymark = (...args: string[]) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...env, WAYMARK_DATA_DIR: dataDir, WAYMARK_CONFIG: '' }, cwd: repo.root });
  };

  it('exits 2 with one message naming the problem for a folder that is not a repository or a glob that matches nothing', () => {
    const notRepo = waymark('ingest', 'git', repo.root);
    expect(notRepo.status).toBe(2);
    expect(notRepo.stderr.split('\n')[0]).toBe(`waymark ingest git: ${repo.root} is not a git repository`);
    const noTags = waymark('ingest', 'git', repo.dir, '--deploy-tags', 'release-*');
    expect(noTags.status).toBe(2);
    expect(noTags.stderr.split('\n')[0]).toMatch(/^waymark ingest git: --deploy-tags "release-\*" matches no tag: /);
  });

  it('ingests a repository and ends with a summary and its data-quality notes; a second run reads nothing new', () => {
    const first = waymark('ingest', 'git', repo.dir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        String.raw`^Ingested payments \(.*payments\) from .* in [\d.]+m?s: 5 of 6 tags match release versions \(v\?X\.Y\[\.Z\]\); ` +
          String.raw`5 deployments read \(5 new, 0 updated\) carrying 8 commits; facts: 8 paths, 1 file, no catalog-info\.yaml\.\n` +
          String.raw`  Note: 1 tag not read as deployments \(e\.g\. staging-1\): they do not match release versions \(v\?X\.Y\[\.Z\]\)\.\n` +
          String.raw`  Note: 1 deployment carried no new commit \(re-tags, maintenance tags of commits already shipped, rollbacks\)\.\n$`,
      ),
    );
    const second = waymark('ingest', 'git', repo.dir);
    expect(second.stdout).toMatch(/: 5 of 6 tags match release versions \(v\?X\.Y\[\.Z\]\); 0 deployments read \(0 new, 0 updated\) carrying 0 commits;/);
  });
});

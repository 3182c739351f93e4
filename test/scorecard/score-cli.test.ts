import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toNdjson } from '../helpers/event-input';
import { runCli } from '../helpers/run-cli';
import { createTestDb, TEST_BACKENDS } from '../helpers/test-db';
import { daysBefore, deploymentRecord, factsRecord, serviceRecord } from './helpers/ingest';

const now = new Date();
const repository = (paths: string[]) => ({ defaultBranch: 'main', headSha: 'abc', paths, files: {}, truncated: false });
const records = [
  serviceRecord('payments'),
  serviceRecord('ledger', { team: 'finance' }),
  factsRecord('payments', daysBefore(now, 1), { repository: repository(['README.md', '.github/CODEOWNERS']) }),
  factsRecord('ledger', daysBefore(now, 1), { repository: repository(['README.md']) }),
  deploymentRecord('payments', daysBefore(now, 2)),
];

const STANDARDS = `version: 1
levels: [bronze, silver]
checks:
  - { id: readme, title: Has a README, level: bronze, rule: { fileExists: README.md } }
  - { id: codeowners, level: silver, fix: Add CODEOWNERS, rule: { fileExists: [CODEOWNERS, .github/CODEOWNERS] } }
`;

for (const backend of TEST_BACKENDS) {
  describe(`waymark score [${backend}]`, () => {
    let folder: string;
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      folder = mkdtempSync(join(tmpdir(), 'waymark-score-'));
      writeFileSync(join(folder, 'events.ndjson'), toNdjson(records));
      writeFileSync(join(folder, 'golden-path.yaml'), STANDARDS);
      if (backend === 'pglite') {
        env = { WAYMARK_DATA_DIR: join(folder, 'data') };
        cleanup = async () => {};
      } else {
        const database = await createTestDb('postgres');
        env = { DATABASE_URL: database.url! };
        cleanup = () => database.close();
      }
      if (backend === 'postgres') await runCli(['migrate'], { env, cwd: folder });
      expect((await runCli(['ingest', 'events', 'events.ndjson'], { env, cwd: folder })).code).toBe(0);
    });
    afterEach(async () => {
      await cleanup();
      rmSync(folder, { recursive: true, force: true });
    });

    // One test per backend: every CLI run is a process start, so the runs share one database.
    it('prints one service as an object, a team or everyone as an array, or a table; refuses bad input; rebuilds history', async () => {
      const one = await runCli(['score', '--service', 'payments', '--json'], { env, cwd: folder });
      expect(one.code).toBe(0);
      expect(JSON.parse(one.stdout)).toMatchObject({
        service: 'payments',
        level: 'silver',
        score: 1,
        checks: [
          { id: 'readme', level: 'bronze', status: 'pass', evidence: { summary: 'Found README.md', file: 'README.md' }, fix: null, exemption: null },
          { id: 'codeowners', level: 'silver', status: 'pass', fix: 'Add CODEOWNERS', exemption: null },
        ],
      });
      const team = await runCli(['score', '--team', 'finance', '--json'], { env, cwd: folder });
      expect(JSON.parse(team.stdout)).toEqual([expect.objectContaining({ service: 'ledger', level: 'bronze', score: 0.5 })]);
      const all = JSON.parse((await runCli(['score', '--json'], { env, cwd: folder })).stdout) as { service: string }[];
      expect(all.map((card) => card.service)).toEqual(['ledger', 'payments']);

      // A trial standards file is evaluated but not recorded: the real file's next run finds nothing changed.
      writeFileSync(join(folder, 'trial.yaml'), STANDARDS.replace('fileExists: README.md', 'fileExists: SECURITY.md'));
      const trial = await runCli(['score', '--service', 'ledger', '--standards', 'trial.yaml', '--json'], { env, cwd: folder });
      expect(JSON.parse(trial.stdout).checks[0]).toMatchObject({ id: 'readme', status: 'fail' });
      expect(trial.stderr).toContain('nothing recorded (dry run)');

      const table = await runCli(['score', '--service', 'ledger'], { env, cwd: folder });
      expect(table.stdout).toContain('ledger (team finance): bronze, score 0.50 (1 pass, 1 fail, 0 exempt, 0 skip, 0 unknown)');
      expect(table.stdout).toMatch(/silver +fail +codeowners +None of CODEOWNERS, \.github\/CODEOWNERS exists/);
      expect(table.stdout).toContain('To fix:\n  codeowners: Add CODEOWNERS');
      expect(table.stdout).toMatch(/Scored 1 service against .*golden-path\.yaml \(2 checks\) in .+; 0 changed results recorded\./);

      // Refused with what is wrong named: an unknown service, a broken standards file.
      const missing = await runCli(['score', '--service', 'nope'], { env, cwd: folder });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('No service named "nope"');
      writeFileSync(join(folder, 'broken.yaml'), STANDARDS.replace('level: silver', 'level: gold'));
      const broken = await runCli(['score', '--standards', 'broken.yaml'], { env, cwd: folder });
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('broken.yaml line 5: check "codeowners" (checks[1]): level: "gold" is not one of the levels (bronze, silver)');
      const rebuilt = await runCli(['score', 'rebuild', '--from', daysBefore(now, 3).toISOString().slice(0, 10)], { env, cwd: folder });
      expect(rebuilt.code).toBe(0);
      // payments from its deployment two days ago, both services from their facts a day ago.
      expect(rebuilt.stdout).toMatch(/^Rebuilt 4 days \(.+\) in .+: 5 snapshots, /);
      // A dozen CLI processes one after another: each start costs seconds on a loaded 2-core machine.
    }, 180_000);
  });
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNdjson } from '../helpers/event-input';
import { runCli } from '../helpers/run-cli';
import { daysBefore, factsRecord, serviceRecord } from '../scorecard/helpers/ingest';

const now = new Date();
const repository = (paths: string[]) => ({ defaultBranch: 'main', headSha: 'abc', paths, files: {}, truncated: false });
const day = (offset: number) => daysBefore(now, -offset).toISOString().slice(0, 10);

const STANDARDS = `version: 1
levels: [bronze, silver]
checks:
  - { id: readme, title: Has a README, level: bronze, fix: "Add a \`README.md\`", rule: { fileExists: README.md } }
  - { id: codeowners, title: Has code owners, level: silver, rule: { fileExists: CODEOWNERS } }
  - { id: renovate, title: Renovate, level: silver, rule: { fileExists: renovate.json } }
campaigns:
  - { name: owners, goal: { checks: [renovate] }, start: ${day(-10)}, deadline: ${day(20)}, owner: platform }
`;

describe('waymark todo', () => {
  let folder: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'waymark-todo-'));
    env = { WAYMARK_DATA_DIR: join(folder, 'data') };
    writeFileSync(join(folder, 'golden-path.yaml'), STANDARDS);
    writeFileSync(
      join(folder, 'events.ndjson'),
      toNdjson([serviceRecord('ledger', { team: 'finance' }), serviceRecord('docs', { team: 'finance' }), factsRecord('ledger', daysBefore(now, 1), { repository: repository(['README.md']) }), factsRecord('docs', daysBefore(now, 1), { repository: repository([]) })]),
    );
    expect((await runCli(['ingest', 'events', 'events.ndjson'], { env, cwd: folder })).code).toBe(0);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("prints the checks to fix for the next level, the campaign's first", async () => {
    const result = await runCli(['todo', '--service', 'ledger'], { env, cwd: folder });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'ledger (team finance): bronze, score 33 %',
        'Fix these 2 checks to reach silver:',
        `  1. Renovate [renovate, silver, fail] (campaign owners, due ${day(20)})`,
        '     None of renovate.json exists',
        '  2. Has code owners [codeowners, silver, fail]',
        '     None of CODEOWNERS exists',
        '',
      ].join('\n'),
    );
  });

  it("lists a team's services, as JSON too, and refuses a missing choice", async () => {
    const result = await runCli(['todo', '--team', 'finance', '--json'], { env, cwd: folder });
    const listings = JSON.parse(result.stdout) as { scorecard: { service: string }; todo: { nextLevel: string; blocking: { id: string }[]; later: { id: string }[] } }[];
    expect(listings.map(({ scorecard, todo }) => [scorecard.service, todo.nextLevel, todo.blocking.map((item) => item.id), todo.later.map((item) => item.id)])).toEqual([
      ['docs', 'bronze', ['readme'], ['renovate', 'codeowners']],
      ['ledger', 'silver', ['renovate', 'codeowners'], []],
    ]);
    expect((await runCli(['todo'], { env, cwd: folder })).code).not.toBe(0);
  });
});

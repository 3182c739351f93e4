import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPagerdutyWorld } from '../../fakes/pagerduty/build-pagerduty-world';
import { startFakePagerduty, type FakePagerduty } from '../../fakes/pagerduty/fake-pagerduty-server';
import { runCli } from '../../helpers/run-cli';
import { TOKEN } from './pagerduty-test-setup';

let fake: FakePagerduty;
let dir: string;
beforeEach(async () => {
  fake = await startFakePagerduty(buildPagerdutyWorld(new Date()), { token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'waymark-pd-cli-'));
  writeFileSync(join(dir, 'waymark.yaml'), 'pagerduty:\n  services:\n    PSVC001: payments\n    PSVC002: checkout\n');
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const waymark = (env: Record<string, string>) =>
  runCli(['ingest', 'pagerduty'], {
    cwd: dir,
    env: {
      WAYMARK_DATA_DIR: join(dir, 'data'),
      WAYMARK_PAGERDUTY_API_URL: fake.url,
      WAYMARK_PAGERDUTY_BACKFILL_DAYS: '400',
      WAYMARK_DEMO: 'off',
      ...env,
    },
  });

describe('waymark ingest pagerduty (embedded database)', () => {
  it('syncs, says what it did in one line, and reads only what changed the second time', async () => {
    const first = await waymark({ WAYMARK_PAGERDUTY_TOKEN: TOKEN });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Synced PagerDuty in .+: 12 incidents written, 48 incidents of unmapped services /);
    expect(first.stdout).toMatch(/ kept \(see Ingest status\); 6 API requests, rate limit left 954\.\n$/);
    const second = await waymark({ WAYMARK_PAGERDUTY_TOKEN: TOKEN });
    expect(second.stdout).toMatch(/: 0 incidents written, 48 incidents of unmapped services kept .*; 2 API requests/);
  }, 240_000);

  it('refuses to start without a key, and names a refused key without echoing it', async () => {
    const missing = await waymark({});
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('WAYMARK_PAGERDUTY_TOKEN');
    const wrong = await waymark({ WAYMARK_PAGERDUTY_TOKEN: 'not-the-key' });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('answered 401: Unauthorized');
    expect(wrong.stderr + wrong.stdout).not.toContain('not-the-key');
  }, 240_000);
});

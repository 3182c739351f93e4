import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBackstageWorld } from '../../fakes/backstage/build-backstage-world';
import { startFakeBackstage, type FakeBackstage } from '../../fakes/backstage/fake-backstage-server';
import { runCli } from '../../helpers/run-cli';
import { TOKEN } from './backstage-test-setup';

let fake: FakeBackstage;
let dir: string;
beforeEach(async () => {
  fake = await startFakeBackstage(buildBackstageWorld(), { token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'waymark-backstage-cli-'));
  writeFileSync(join(dir, 'waymark.yaml'), `backstage:\n  url: ${fake.url}\n  pageSize: 20\n`);
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const waymark = (args: string[], env: Record<string, string>) =>
  runCli(args, { cwd: dir, env: { WAYMARK_DATA_DIR: join(dir, 'data'), WAYMARK_DEMO: 'off', ...env } });

describe('waymark ingest backstage (embedded database)', () => {
  it('syncs, says what it did in one line, writes nothing the second time, and renormalizes', async () => {
    const first = await waymark(['ingest', 'backstage'], { WAYMARK_BACKSTAGE_TOKEN: TOKEN });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Synced Backstage in .+: 50 components, 8 groups, 5 users, 3 systems read; /);
    expect(first.stdout).toMatch(
      /; services 50 inserted, 0 updated, 0 unchanged; teams 8 inserted, 0 updated, 0 unchanged; 6 API requests\.\n$/,
    );
    const second = await waymark(['ingest', 'backstage', '--url', fake.url, '--token', TOKEN], {});
    expect(second.stdout).toMatch(
      /; services 0 inserted, 0 updated, 50 unchanged; teams 0 inserted, 0 updated, 8 unchanged;/,
    );
    fake.world.entities = fake.world.entities.filter((entity) => entity.metadata.name !== 'svc-07');
    const third = await waymark(['ingest', 'backstage'], { WAYMARK_BACKSTAGE_TOKEN: TOKEN });
    expect(third.stdout).toMatch(/ 1 component no longer in the catalog, services kept: default\/svc-07\.\n$/);
    const renormalized = await waymark(['renormalize', '--source', 'backstage'], {});
    expect(renormalized.stdout).toMatch(
      /^Renormalized backstage \(58 entity records\) in .+: 0 rows inserted, 0 updated, 108 unchanged\.\n$/,
    );
  }, 240_000);

  it('refuses to start without an address, and names a refused token without echoing it', async () => {
    writeFileSync(join(dir, 'waymark.yaml'), '');
    const missing = await waymark(['ingest', 'backstage'], {});
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--url');
    const wrong = await waymark(['ingest', 'backstage', '--url', fake.url], {
      WAYMARK_BACKSTAGE_TOKEN: 'not-the-token',
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('answered 401: the catalog refused the token; check WAYMARK_BACKSTAGE_TOKEN');
    expect(wrong.stderr + wrong.stdout).not.toContain('not-the-token');
  }, 240_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIncidentIoWorld } from '../../fakes/incident-io/build-incident-io-world';
import { startFakeIncidentIo, type FakeIncidentIo } from '../../fakes/incident-io/fake-incident-io-server';
import { runCli } from '../../helpers/run-cli';
import { KEY } from './incident-io-test-setup';

let fake: FakeIncidentIo;
let dir: string;
beforeEach(async () => {
  fake = await startFakeIncidentIo(buildIncidentIoWorld(new Date()), { token: KEY });
  dir = mkdtempSync(join(tmpdir(), 'waymark-io-cli-'));
  writeFileSync(join(dir, 'waymark.yaml'), 'incidentIo:\n  services:\n    01CE01: payments\n    01CE02: checkout\n');
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const waymark = (env: Record<string, string>) =>
  runCli(['ingest', 'incident-io'], {
    cwd: dir,
    env: {
      WAYMARK_DATA_DIR: join(dir, 'data'),
      WAYMARK_INCIDENT_IO_API_URL: fake.url,
      WAYMARK_INCIDENT_IO_BACKFILL_DAYS: '400',
      WAYMARK_DEMO: 'off',
      ...env,
    },
  });

describe('waymark ingest incident-io (embedded database)', () => {
  it('syncs, says what it did in one line, and asks once the second time', async () => {
    const first = await waymark({ WAYMARK_INCIDENT_IO_TOKEN: KEY });
    expect(first.stderr).toBe('');
    // 12 incidents of the two mapped entries; 49 others kept (48 of 8 entries, 1 with no service); 1 declined.
    expect(first.stdout).toMatch(/^Synced incident\.io in .+: 12 incidents written, /);
    expect(first.stdout).toMatch(/: 12 incidents written, 49 incidents of unmapped services kept \(see Ingest /);
    expect(first.stdout).toMatch(/, 1 test or declined incident left out; 1 API request\.\n$/);
    const second = await waymark({ WAYMARK_INCIDENT_IO_TOKEN: KEY });
    expect(second.stdout).toMatch(/: 0 incidents written, 49 incidents of unmapped services kept .*; 1 API request/);
  }, 240_000);

  it('refuses to start without a key, and names a refused key without echoing it', async () => {
    const missing = await waymark({});
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('WAYMARK_INCIDENT_IO_TOKEN');
    const wrong = await waymark({ WAYMARK_INCIDENT_IO_TOKEN: 'not-the-key' });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('answered 401: Invalid API key');
    expect(wrong.stderr + wrong.stdout).not.toContain('not-the-key');
  }, 240_000);
});

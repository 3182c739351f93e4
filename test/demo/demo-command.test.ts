import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/db/client';
import { getDemoStatus } from '../../lib/demo/get-demo-status';

const BIN = fileURLToPath(new URL('../../ingest/cli/bin.js', import.meta.url));

describe('waymark demo', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'waymark-demo-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const waymark = (...args: string[]) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...env, WAYMARK_DATA_DIR: dataDir, WAYMARK_CONFIG: '' }, cwd: dataDir });
  };

  it('exits 2 naming a bad seed, before opening the database', () => {
    const result = waymark('demo', '--seed', 'forty-two');
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('waymark demo: --seed: "forty-two" is not a whole number of 0 or more');
  });

  it('says there is nothing to remove on an empty database, and remembers that the demo was turned off', async () => {
    const result = waymark('demo', '--reset');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('No demo data to remove; `npm start` will not load the demo into this database.\n');
    const handle = await openDatabase({ backend: 'pglite', dataDir, owner: { role: 'cli', command: 'test' } });
    try {
      expect(await getDemoStatus({ db: handle.db })).toEqual({ loaded: false, removedAt: expect.any(Date) });
    } finally {
      await handle.close();
    }
  });
});

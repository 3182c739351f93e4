import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyApiToken } from '../../lib/auth/verify-api-token';
import { openDatabase, type DbHandle } from '../../lib/db/client';
import { toNdjson } from '../helpers/event-input';
import { runCli } from '../helpers/run-cli';
import { snapshotTables } from '../helpers/table-snapshot';
import { createTestDb, TEST_BACKENDS } from '../helpers/test-db';

const deployment = { kind: 'deployment', id: 'd1', service: 'payments', environment: 'production', status: 'success', finishedAt: '2026-01-05T10:07:00Z' };
const incident = { kind: 'incident', id: 'INC-1', service: 'payments', openedAt: '2026-01-05T11:00:00Z', causedBy: 'd1' };

const writeFile = (name: string, content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'waymark-cli-')), name);
  writeFileSync(path, content);
  return path;
};

/** The CLI opens its own database: a data folder for the embedded backend, DATABASE_URL for Postgres. */
for (const backend of TEST_BACKENDS) {
  describe(`waymark CLI [${backend}]`, () => {
    let env: Record<string, string>;
    let inspect: () => Promise<DbHandle>;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      if (backend === 'pglite') {
        const dataDir = mkdtempSync(join(tmpdir(), 'waymark-data-'));
        env = { WAYMARK_DATA_DIR: dataDir };
        inspect = () => openDatabase({ backend: 'pglite', dataDir, owner: { role: 'cli', command: 'test' } });
        cleanup = async () => {};
      } else {
        const database = await createTestDb('postgres');
        env = { DATABASE_URL: database.url! };
        await runCli(['migrate'], { env });
        inspect = async () => database;
        cleanup = () => database.close();
      }
    });
    afterEach(() => cleanup());

    const tables = async () => {
      const handle = await inspect();
      try {
        return await snapshotTables(handle.db);
      } finally {
        if (backend === 'pglite') await handle.close();
      }
    };

    it('imports a file, and reports everything unchanged the second time', async () => {
      const file = writeFile('good.ndjson', toNdjson([deployment, incident]));
      const first = await runCli(['ingest', 'events', file], { env });
      expect(first).toMatchObject({ code: 0 });
      expect(first.stdout).toMatch(/^Imported 2 records from .+good\.ndjson in .+: 2 inserted, 0 updated, 0 unchanged\.\n$/);
      const before = await tables();
      const second = await runCli(['ingest', 'events', file], { env });
      expect(second.stdout).toMatch(/: 0 inserted, 0 updated, 2 unchanged\.\n$/);
      expect(await tables()).toEqual(before);
    });

    it('exits 2 on a bad line, names the line and field, and leaves the database unchanged', async () => {
      await runCli(['ingest', 'events', writeFile('good.ndjson', toNdjson([deployment]))], { env });
      const before = await tables();
      const bad = writeFile('bad.ndjson', toNdjson([incident, { ...deployment, id: 'd2', finishedAt: 'yesterday' }]));
      const result = await runCli(['ingest', 'events', bad], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('1 invalid record (1 problem); nothing was imported');
      expect(result.stderr).toMatch(/line 2: finishedAt: invalid datetime/);
      expect(await tables()).toEqual(before);
    });

    it('reads standard input with -', async () => {
      const result = await runCli(['ingest', 'events', '-', '--source', 'jenkins'], { env, stdin: toNdjson([deployment]) });
      expect(result.stdout).toMatch(/^Imported 1 record from stdin .*1 inserted/);
    });

    it('creates a token that the API accepts, printing it once on stdout', async () => {
      const result = await runCli(['token', 'create', 'jenkins'], { env });
      expect(result.code).toBe(0);
      const token = result.stdout.trim();
      expect(result.stderr).toContain('shown only this once');
      const handle = await inspect();
      try {
        expect(await verifyApiToken(handle.db, `Bearer ${token}`)).toMatchObject({ name: 'jenkins' });
      } finally {
        if (backend === 'pglite') await handle.close();
      }
      const listed = await runCli(['token', 'list'], { env });
      expect(listed.stdout).toContain('jenkins');
      expect(listed.stdout).not.toContain(token);
    });
  });
}

describe('waymark CLI usage', () => {
  it('prints help for every command and exits 0', async () => {
    const overview = await runCli(['--help']);
    expect(overview.code).toBe(0);
    const names = [...overview.stdout.matchAll(/^ {2}(\S+(?: \S+)?)\s{2,}/gm)].map((match) => match[1]!);
    expect(names).toEqual(expect.arrayContaining(['serve', 'migrate', 'ingest events', 'token create']));
    for (const name of names) {
      const help = await runCli([...name.split(' '), '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(new RegExp(`^Usage: waymark ${name}`));
    }
    // One process per command (16 now): on a shared two-core machine that outgrows the default 60 s.
  }, 240_000);

  it('exits 2 with one clear message on a wrong invocation', async () => {
    const unknownOption = await runCli(['ingest', 'events', 'x.ndjson', '--sauce', 'y']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^waymark ingest events: Unknown option '--sauce'/);
    const missing = await runCli(['ingest', 'events', '/no/such/file.ndjson']);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('/no/such/file.ndjson: no such file') });
    const unknown = await runCli(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
  });

  it('fails at start-up naming a bad configuration value', async () => {
    const result = await runCli(['token', 'list'], { env: { WAYMARK_ATTRIBUTION_WINDOW_HOURS: 'soon', WAYMARK_DATA_DIR: mkdtempSync(join(tmpdir(), 'w-')) } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration\n {2}WAYMARK_ATTRIBUTION_WINDOW_HOURS: /);
  });
});

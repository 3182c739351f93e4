import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

const countRows = async (db: postgres.Sql, table: string) =>
  Number((await db.unsafe(`select count(*)::int as count from "${table}"`))[0]!.count);

/** Tables the import filled and the migrations did not: the ones a floor copies. */
const listImportedTables = async (importedUrl: string, freshUrl: string) => {
  const imported = postgres(importedUrl, { max: 1, onnotice: () => {} });
  const fresh = postgres(freshUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = (
      await fresh`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`
    ).map((row) => String(row.name));
    const chosen: { table: string; rows: number }[] = [];
    for (const table of tables) {
      const rows = await countRows(imported, table);
      if (rows > 0 && (await countRows(fresh, table)) === 0) chosen.push({ table, rows });
    }
    return chosen;
  } finally {
    await imported.end();
    await fresh.end();
  }
};

/**
 * The floor for an import (issue 19): the rows one import left in `importedUrl`, dumped by pg_dump as `COPY … FROM
 * stdin` and restored by psql in one transaction into the same tables of the freshly migrated database at
 * `freshUrl`, triggers and indexes included. Returns the milliseconds of the restore and the rows copied.
 */
export const timeCopyFloor = async (importedUrl: string, freshUrl: string) => {
  const chosen = await listImportedTables(importedUrl, freshUrl);
  const folder = mkdtempSync(join(tmpdir(), 'waymark-copy-floor-'));
  const dump = join(folder, 'rows.sql');
  try {
    const only = chosen.flatMap(({ table }) => ['--table', table]);
    execFileSync('pg_dump', ['--data-only', '--no-owner', ...only, '--file', dump, importedUrl]);
    // pg_dump empties the search path; the tables' triggers name their tables unqualified, as the import sees them.
    const text = readFileSync(dump, 'utf8');
    writeFileSync(dump, text.replace("SELECT pg_catalog.set_config('search_path', '', false);", ''));
    const started = performance.now();
    execFileSync('psql', ['--quiet', '--single-transaction', '--set', 'ON_ERROR_STOP=1', '--file', dump, freshUrl]);
    const ms = performance.now() - started;
    return { ms, rows: chosen.reduce((sum, { rows }) => sum + rows, 0), tables: chosen.map(({ table }) => table) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

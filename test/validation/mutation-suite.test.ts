import { registerSources } from '../../ingest/sources/register-sources';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../app/api/events/route';
import { createApiToken } from '../../lib/auth/create-api-token';
import { openDatabase, setDbHandle, type DbHandle } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { ingestRuns } from '../../lib/db/schema';
import { toNdjson } from '../helpers/event-input';
import { runCli } from '../helpers/run-cli';
import { snapshotTables } from '../helpers/table-snapshot';
import { createTestDb, TEST_BACKENDS, type TestDb } from '../helpers/test-db';
import { generateMutations, VALID_RECORDS, type Mutation } from './generate-mutations';

// What instrumentation.ts does when the server starts: the route finds the events source registered.
registerSources();

const MUTATIONS = generateMutations();
// Each mutation is refused with one to three errors, and the CLI lists the first 1,000 of a file: three files.
const PER_FILE = 700;
// Bodies stay under the server's 10 MiB limit (a few mutations are 4 MiB records).
const PER_REQUEST = { count: 100, chars: 8 * 1024 * 1024 };

/** A valid record that is not in the database yet, and one that would update what is: both must stay out. */
const freshRecord = (index: number) => ({ kind: 'incident', id: `fresh-${index}`, service: 'payments', openedAt: '2026-02-01T00:00:00Z' });
const changedRecord = { ...VALID_RECORDS[2]!, title: 'Changed by a refused batch' };

/** Mutations in order, cut into batches of at most `count` records and `chars` characters. */
const chunkMutations = ({ count, chars }: { count: number; chars: number }) => {
  const chunks: Mutation[][] = [[]];
  let size = 0;
  for (const mutation of MUTATIONS) {
    let last = chunks[chunks.length - 1]!;
    if (last.length >= count || (last.length > 0 && size + mutation.text.length > chars)) chunks.push((last = []));
    if (last.length === 0) size = 0;
    last.push(mutation);
    size += mutation.text.length;
  }
  return chunks;
};

/** An otherwise valid batch: before each mutation a valid record, so mutation k (from 0) is on line 2k + 2. */
const toBatch = (chunk: Mutation[], start: number) =>
  `${chunk.flatMap((mutation, index) => [JSON.stringify(index % 2 ? changedRecord : freshRecord(start + index)), mutation.text]).join('\n')}\n`;

/** Where the refusal of `mutation` on line `line` must point: the line, then the field when there is one. */
const namesLineAndField = (details: string[], line: number, mutation: Mutation) => {
  const prefix = `line ${line}: `;
  return details.some(
    (detail) =>
      detail.startsWith(prefix) &&
      (mutation.field === null || [': ', '.', '['].some((next) => detail.startsWith(`${prefix}${mutation.field}${next}`))),
  );
};

/** Rows that differ between two snapshots, counted over every domain table. */
const countChangedRows = (before: Record<string, string[]>, after: Record<string, string[]>) =>
  Object.keys(before).reduce((sum, table) => {
    const was = new Set(before[table]);
    const is = new Set(after[table]);
    return sum + [...is].filter((row) => !was.has(row)).length + [...was].filter((row) => !is.has(row)).length;
  }, 0);

type Tally = { tried: number; refused: number; fiveHundreds: number; unnamed: string[] };
const newTally = (): Tally => ({ tried: 0, refused: 0, fiveHundreds: 0, unnamed: [] });

/**
 * Issue 20's mutation suite: every hostile record the generator makes (over 2,000), mixed into otherwise valid
 * batches, is sent through POST /api/events (in-process) and `waymark ingest events` on each backend. Each must be
 * refused naming its line and field, without a 5xx, and the domain tables must end exactly as they began.
 */
for (const backend of TEST_BACKENDS) {
  describe(`the events-v1 mutation suite [${backend}]`, () => {
    let env: Record<string, string>;
    let open: () => Promise<DbHandle>;
    let release: (handle: DbHandle) => Promise<void>;
    let cleanup: () => Promise<void>;
    let baseline: Record<string, string[]>;

    const snapshot = async () => {
      const handle = await open();
      try {
        return await snapshotTables(handle.db);
      } finally {
        await release(handle);
      }
    };

    beforeAll(async () => {
      if (backend === 'pglite') {
        const dataDir = mkdtempSync(join(tmpdir(), 'waymark-mutations-'));
        env = { WAYMARK_DATA_DIR: dataDir };
        open = () => openDatabase({ backend: 'pglite', dataDir, owner: { role: 'cli', command: 'test' } });
        release = (handle) => handle.close();
        cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
        const handle = await open();
        await migrateDatabase(handle);
        await release(handle);
      } else {
        const database: TestDb = await createTestDb('postgres');
        env = { DATABASE_URL: database.url! };
        open = async () => database;
        release = async () => {};
        cleanup = () => database.close();
      }
      const seeded = await runCli(['ingest', 'events', '-'], { env, stdin: toNdjson(VALID_RECORDS) });
      expect(seeded, seeded.stderr).toMatchObject({ code: 0 });
      baseline = await snapshot();
    });
    afterAll(() => cleanup?.());

    it(`refuses each of ${MUTATIONS.length} mutations in HTTP batches naming line and field, changing nothing`, async () => {
      const tally = newTally();
      const handle = await open();
      try {
        setDbHandle(handle);
        const authorization = `Bearer ${(await createApiToken(handle.db, 'mutations')).token}`;
        let start = 0;
        for (const chunk of chunkMutations(PER_REQUEST)) {
          const body = toBatch(chunk, start);
          start += chunk.length;
          const response = await POST(new Request('http://localhost/api/events', { method: 'POST', body, headers: { authorization } }));
          const answer = (await response.json()) as { code?: string; details?: string[] };
          const refused = response.status === 400 && answer.code === 'VALIDATION_FAILED';
          for (const [index, mutation] of chunk.entries()) {
            tally.tried++;
            if (response.status >= 500) tally.fiveHundreds++;
            if (refused && namesLineAndField(answer.details ?? [], 2 * index + 2, mutation)) tally.refused++;
            else tally.unnamed.push(`${mutation.what}: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
          }
        }
        // Every refused import ended its run: nothing is left `running`.
        const running = (await handle.db.select().from(ingestRuns)).filter((run) => run.status === 'running');
        expect(running).toEqual([]);
      } finally {
        await release(handle);
      }
      const rowsChanged = countChangedRows(baseline, await snapshot());
      console.log(`mutation suite [${backend}] HTTP: tried ${tally.tried}, refused ${tally.refused}, 5xx ${tally.fiveHundreds}, rows changed ${rowsChanged}`);
      expect(tally.unnamed).toEqual([]);
      expect({ refused: tally.refused, fiveHundreds: tally.fiveHundreds, rowsChanged }).toEqual({ refused: MUTATIONS.length, fiveHundreds: 0, rowsChanged: 0 });
    }, 120_000);

    it(`refuses each of ${MUTATIONS.length} mutations in CLI files naming line and field, changing nothing`, async () => {
      const tally = newTally();
      const folder = mkdtempSync(join(tmpdir(), 'waymark-mutation-files-'));
      for (let start = 0; start < MUTATIONS.length; start += PER_FILE) {
        const chunk = MUTATIONS.slice(start, start + PER_FILE);
        const file = join(folder, `mutations-${start}.ndjson`);
        writeFileSync(file, toBatch(chunk, start));
        const result = await runCli(['ingest', 'events', file], { env });
        expect(result.code, result.stderr.slice(0, 2000)).toBe(2);
        expect(result.stderr).toMatch(new RegExp(`^waymark ingest events: ${chunk.length} invalid records \\(\\d+ problems\\); nothing was imported\\n`));
        expect(result.stderr, 'more errors than the CLI lists: make the files smaller').not.toMatch(/… and \d+ more/);
        const details = result.stderr.split('\n').map((line) => line.trim());
        for (const [index, mutation] of chunk.entries()) {
          tally.tried++;
          if (namesLineAndField(details, 2 * index + 2, mutation)) tally.refused++;
          else tally.unnamed.push(mutation.what);
        }
      }
      rmSync(folder, { recursive: true, force: true });
      const rowsChanged = countChangedRows(baseline, await snapshot());
      console.log(`mutation suite [${backend}] CLI: tried ${tally.tried}, refused ${tally.refused}, 5xx 0 (exit 2 each file), rows changed ${rowsChanged}`);
      expect(tally.unnamed).toEqual([]);
      expect({ refused: tally.refused, rowsChanged }).toEqual({ refused: MUTATIONS.length, rowsChanged: 0 });
      // Three CLI runs, each starting Node and the database: about 20 s on an idle 2-core machine, more when shared.
    }, 240_000);
  });
}

import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { openDatabase, type Db, type DbHandle } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { TEST_POSTGRES_URL, withDatabase } from './postgres-url';

export type TestBackend = 'pglite' | 'postgres';

/** PGlite always; the Postgres server too when TEST_DATABASE_URL is set (never DATABASE_URL). */
export const TEST_BACKENDS: TestBackend[] = TEST_POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestDb = DbHandle & { backend: TestBackend };

let pgliteTemplate: Promise<PGlite> | undefined;
let admin: postgres.Sql | undefined;

const migratedPgliteTemplate = () =>
  (pgliteTemplate ??= (async () => {
    const template = await PGlite.create();
    await migrateDatabase(await openDatabase({ backend: 'pglite', instance: template }));
    return template;
  })());

/** A fresh, migrated, empty database on the given backend; `close()` throws it away. */
export const createTestDb = async (backend: TestBackend): Promise<TestDb> => {
  if (backend === 'pglite') {
    const instance = (await (await migratedPgliteTemplate()).clone()) as PGlite;
    return { ...(await openDatabase({ backend: 'pglite', instance })), backend };
  }
  const template = inject('postgresTemplate');
  if (!TEST_POSTGRES_URL || !template) throw new Error('Postgres tests need TEST_DATABASE_URL and the global setup');
  admin ??= postgres(TEST_POSTGRES_URL, { max: 2, onnotice: () => {} });
  const name = `${template.replace(/_template$/, '')}_${randomBytes(5).toString('hex')}`;
  await admin.unsafe(`create database ${name} template ${template}`);
  const url = withDatabase(TEST_POSTGRES_URL, name);
  const handle = await openDatabase({ backend: 'postgres', url, max: 4 });
  return {
    ...handle,
    backend,
    close: async () => {
      await handle.close();
      await admin!.unsafe(`drop database if exists ${name} with (force)`);
    },
  };
};

export type BackendContext = { backend: TestBackend; db: () => Db; handle: () => TestDb };

/** Declares the suite once per backend; every test gets a fresh database. */
export const describeEachBackend = (title: string, body: (context: BackendContext) => void) => {
  for (const backend of TEST_BACKENDS) {
    describe(`${title} [${backend}]`, () => {
      let handle: TestDb | undefined;
      beforeEach(async () => {
        handle = await createTestDb(backend);
      });
      afterEach(async () => {
        await handle?.close();
        handle = undefined;
      });
      body({ backend, db: () => handle!.db, handle: () => handle! });
    });
  }
};

import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getConfig } from '../config/load-config';
import { acquireEmbeddedLock, type EmbeddedLockOwner } from './embedded-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database or a transaction: both backends' drizzle objects share this interface. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema>;
export type Db = Executor;
export type DbBackend = 'postgres' | 'pglite';

export type DbHandle = {
  db: Db;
  backend: DbBackend;
  /** Where the data lives, with no credentials: a host/database or a folder. */
  location: string;
  /** The server URL (with credentials: never log it), for tools that need their own connection (migrations). */
  url?: string;
  close: () => Promise<void>;
};

export type OpenDatabaseOptions =
  | { backend: 'postgres'; url: string; max?: number }
  | { backend: 'pglite'; dataDir: string; owner: Omit<EmbeddedLockOwner, 'pid'> }
  | { backend: 'pglite'; instance: PGlite };

const describePostgresUrl = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
};

export const openDatabase = async (options: OpenDatabaseOptions): Promise<DbHandle> => {
  if (options.backend === 'postgres') {
    // Quiet notices ("relation already exists, skipping") so migrations do not print noise.
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      backend: 'postgres',
      location: describePostgresUrl(options.url),
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  if ('instance' in options) {
    return {
      db: drizzlePglite(options.instance, { schema }) as unknown as Db,
      backend: 'pglite',
      location: 'memory',
      close: () => options.instance.close(),
    };
  }
  const dataDir = resolve(options.dataDir);
  const release = acquireEmbeddedLock(dataDir, options.owner);
  try {
    const instance = await PGlite.create(resolve(dataDir, 'pgdata'));
    return {
      db: drizzlePglite(instance, { schema }) as unknown as Db,
      backend: 'pglite',
      location: dataDir,
      close: async () => {
        try {
          await instance.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
};

// The custom server opens the database before Next starts; route handlers, bundled separately by Next,
// find the same handle here. One process, one handle: PGlite allows nothing else.
const globalForDb = globalThis as unknown as { waymarkDb?: Promise<DbHandle> };

export type ProcessRole = Omit<EmbeddedLockOwner, 'pid'>;

/** Opens this process's database from the configuration, once. */
export const getDbHandle = (role: ProcessRole = { role: 'server' }): Promise<DbHandle> => {
  if (!globalForDb.waymarkDb) {
    const config = getConfig();
    const opening = config.database.url
      ? openDatabase({ backend: 'postgres', url: config.database.url })
      : openDatabase({ backend: 'pglite', dataDir: config.database.dataDir, owner: role });
    globalForDb.waymarkDb = opening;
    // A failed open must not stick: the next caller tries again.
    opening.catch(() => {
      if (globalForDb.waymarkDb === opening) delete globalForDb.waymarkDb;
    });
  }
  return globalForDb.waymarkDb;
};

export const getDb = async (): Promise<Db> => (await getDbHandle()).db;

/** Makes an already-open handle this process's database (tests, and the server after start-up). */
export const setDbHandle = (handle: DbHandle) => {
  globalForDb.waymarkDb = Promise.resolve(handle);
};

export const closeDb = async () => {
  const handle = globalForDb.waymarkDb;
  delete globalForDb.waymarkDb;
  if (handle) await (await handle).close();
};

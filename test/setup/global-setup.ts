import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { TEST_POSTGRES_URL, withDatabase } from '../helpers/postgres-url';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of a migrated database on the test Postgres server that each test copies, or null. */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one template database per run; every Postgres test then gets `CREATE DATABASE … TEMPLATE` of it,
 * which is much faster than migrating a fresh database each time.
 */
export default async function setup(project: TestProject) {
  if (!TEST_POSTGRES_URL) {
    project.provide('postgresTemplate', null);
    return;
  }
  const prefix = `waymark_t${process.pid}`;
  const template = `${prefix}_template`;
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template} with (force)`);
  await admin.unsafe(`create database ${template}`);
  const handle = await openDatabase({ backend: 'postgres', url: withDatabase(TEST_POSTGRES_URL, template), max: 1 });
  await migrateDatabase(handle);
  await handle.close();
  project.provide('postgresTemplate', template);

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${prefix}%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}

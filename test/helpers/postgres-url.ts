/** The Postgres server the DB tests also run against; unset means PGlite only. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL || null;

/** The same server, another database. */
export const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

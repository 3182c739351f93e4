import { getDbHandle, type DbHandle } from '../../lib/db/client';
import { getSchemaVersion } from '../../lib/db/get-schema-version';
import { getExpectedSchemaVersion, migrateDatabase } from '../../lib/db/migrate';
import { AppError } from '../../lib/errors';
import { closeInterruptedRuns } from '../../lib/runs/close-interrupted-runs';

/**
 * Opens the database for a CLI command. The embedded database belongs to this install, so it is brought up to date
 * silently; a Postgres server is shared, so a command refuses to run against an outdated schema. Runs a killed
 * process left `running` are closed first.
 */
export const openCommandDb = async (command: string): Promise<DbHandle> => {
  const handle = await getDbHandle({ role: 'cli', command });
  const current = await getSchemaVersion(handle.db);
  if (current < getExpectedSchemaVersion()) {
    if (handle.backend === 'pglite') await migrateDatabase(handle);
    else throw new AppError('USAGE', `The database at ${handle.location} is at schema version ${current}; run \`npx waymark migrate\` first`);
  }
  await closeInterruptedRuns(handle);
  return handle;
};

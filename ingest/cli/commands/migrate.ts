import { getDbHandle } from '../../../lib/db/client';
import { getSchemaVersion } from '../../../lib/db/get-schema-version';
import { migrateDatabase } from '../../../lib/db/migrate';
import { defineCommand } from '../command';

export const migrateCommand = defineCommand({
  usage: 'waymark migrate',
  help: 'Applies the migrations in drizzle/ that the database (DATABASE_URL, or the embedded one) has not seen.\nSafe to run from several processes at once on a Postgres server.',
  run: async ({ stdout }) => {
    const handle = await getDbHandle({ role: 'cli', command: 'migrate' });
    const before = await getSchemaVersion(handle.db);
    await migrateDatabase(handle);
    const after = await getSchemaVersion(handle.db);
    stdout.write(`Database ${handle.backend} (${handle.location}) at schema version ${after}: ${after - before} migration${after - before === 1 ? '' : 's'} applied.\n`);
  },
});

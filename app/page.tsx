import { getDbHandle } from '@/lib/db/client';
import { getSchemaVersion } from '@/lib/db/get-schema-version';
import DemoBanner from './demo-banner';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const { db, backend } = await getDbHandle();
  const version = await getSchemaVersion(db);
  return (
    <main>
      <DemoBanner db={db} />
      <h1>Waymark</h1>
      <p>
        Database: {backend}, schema version {version}.
      </p>
    </main>
  );
}

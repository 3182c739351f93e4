import { getDbHandle } from '@/lib/db/client';
import { getSchemaVersion } from '@/lib/db/get-schema-version';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const { db, backend } = await getDbHandle();
    return jsonResponse({ status: 'ok', database: { backend, schemaVersion: await getSchemaVersion(db) } });
  } catch (error) {
    return errorResponse(error);
  }
}

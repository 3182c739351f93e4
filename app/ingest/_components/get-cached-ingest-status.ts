import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import { getIngestStatus } from '@/lib/runs/get-ingest-status';

/** The ingest status read once per request, however many widgets of the page show a part of it. */
export const getCachedIngestStatus = cache(async () => getIngestStatus({ db: await getDb(), limit: 50 }));

import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import { loadImpactInputs } from '@/lib/impact/load-impact-inputs';

/** Histories and samples are read once per request and shared by every check's card. */
export const loadInputs = cache(async (windowDays: number) => loadImpactInputs({ db: await getDb(), windowDays }));

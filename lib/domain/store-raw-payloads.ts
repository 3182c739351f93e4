import { rawPayloads } from '../db/schema';
import type { Executor } from '../db/client';
import { upsertRows } from '../db/upsert-rows';
import { toStorableJson } from '../validation/to-storable-json';

export type RawPayloadInput = {
  source: string;
  kind: string;
  sourceId: string;
  scope?: string | null;
  payload: unknown;
  fetchedAt?: Date;
  error?: string | null;
};

/** Keeps payloads as they came (but storable: see toStorableJson), keyed by (source, kind, source id); a re-fetch of the same thing replaces it. */
export const storeRawPayloads = async (db: Executor, payloads: RawPayloadInput[]) =>
  upsertRows(
    db,
    rawPayloads,
    payloads.map((payload) => ({
      source: payload.source,
      kind: payload.kind,
      sourceId: payload.sourceId,
      scope: payload.scope ?? null,
      payload: toStorableJson(payload.payload),
      fetchedAt: payload.fetchedAt ?? new Date(),
      error: payload.error ?? null,
    })),
    // fetchedAt moves on every fetch; comparing it would make every re-import an update.
    { key: [rawPayloads.source, rawPayloads.kind, rawPayloads.sourceId], keep: ['id', 'fetched_at'] },
  );

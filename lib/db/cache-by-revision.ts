import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './client';
import { getDataRevision } from './get-data-revision';

type Entry = { revision: number; value: Promise<unknown> };

// Per database handle (tests open many databases whose revisions coincide), then per key: the latest revision's
// result only. A Map keeps insertion order, so the oldest key is dropped first once a handle holds MAX_KEYS.
const caches = new WeakMap<object, Map<string, Entry>>();
const MAX_KEYS = 500;

/**
 * Memoises a read by key and data revision: every caller asking for the same key at the same revision shares one
 * computation (also while it is still running), and the next write's revision makes it compute again. Time never
 * invalidates; the key must name every input besides the data (scope, window, settings, standards revision).
 * Inside a transaction the read runs uncached: it may see its own uncommitted writes.
 */
export const cacheByRevision = async <T>(db: Executor, key: string, read: () => Promise<T>): Promise<T> => {
  if (db instanceof PgTransaction) return read();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const revision = await getDataRevision(db);
  const entry = cache.get(key);
  // A result computed at a later revision than this reader saw is newer than it needs, never older.
  if (entry && entry.revision >= revision) return entry.value as Promise<T>;
  const value = read();
  cache.delete(key);
  cache.set(key, { revision, value });
  if (cache.size > MAX_KEYS) cache.delete(cache.keys().next().value!);
  // A failure is not remembered: the next reader tries again.
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
};

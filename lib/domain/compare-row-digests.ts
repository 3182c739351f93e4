export type RowChanges = { inserted: number; updated: number; unchanged: number; removed: number };

/** How the rows named in `after` differ from those in `before` (two `listSourceRowDigests`). */
export const compareRowDigests = (before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): RowChanges => {
  const changes: RowChanges = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  for (const [key, digest] of after) {
    const earlier = before.get(key);
    if (earlier === undefined) changes.inserted++;
    else if (earlier === digest) changes.unchanged++;
    else changes.updated++;
  }
  for (const key of before.keys()) if (!after.has(key)) changes.removed++;
  return changes;
};

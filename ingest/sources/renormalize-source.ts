import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../lib/db/client';
import { rawPayloads } from '../../lib/db/schema';
import { compareRowDigests, type RowChanges } from '../../lib/domain/compare-row-digests';
import { listSourceRowDigests } from '../../lib/domain/list-source-row-digests';
import { runIngest, type IngestRun } from '../../lib/pipeline/run-ingest';

export type RenormalizeOutcome = Omit<RowChanges, 'removed'> & {
  removed?: number;
  /** Deployments linked to their commits again (the forges). */
  relinked?: number;
  /** How many projects, repositories, services or namespaces were read. */
  scopes: number;
  /** Stored payloads the normalizers refused (left alone, counted). */
  invalid?: number;
};

export type RenormalizeStep = (run: IngestRun) => Promise<{ scopes: number; invalid?: number; relinked?: number }>;

/**
 * One renormalize run of a source through the pipeline: its step re-runs the normalizers over stored raw payloads
 * and upserts; the rows the source owns (`rowSources`: the source's name, or an events import's namespaces) are
 * compared before and after, so the report says exactly what the rewrite changed, whatever the upserts count.
 */
export const renormalizeSource = (db: Db, source: string, rowSources: () => Promise<string[]>, step: RenormalizeStep) =>
  runIngest({ db, job: `${source}.renormalize`, source, scope: 'stored payloads' }, async (run) => {
    const sources = await rowSources();
    const digestsOf = async () => {
      const all = new Map<string, string>();
      for (const name of sources)
        for (const [key, digest] of await listSourceRowDigests(db, name)) all.set(`${name} ${key}`, digest);
      return all;
    };
    const before = await digestsOf();
    const { scopes, invalid = 0, relinked } = await step(run);
    const changes = compareRowDigests(before, await digestsOf());
    // Only the forges re-link; the other sources' reports and run counts do not mention it.
    const counts: Record<string, number> = { ...changes, scopes, invalid };
    if (relinked !== undefined) counts.relinked = relinked;
    const result: RenormalizeOutcome = { ...changes, scopes, invalid, ...counts };
    return { result, counts };
  });

type RewriteStored = (tx: Executor, sourceIds: string[]) => Promise<{ services: string[]; invalid: number }>;

/**
 * A source whose upsert re-derives its rows from stored payloads named by source id (PagerDuty, incident.io): every
 * stored payload of `kind` goes through it again, in one transaction, with today's normalizer and mapping.
 */
export const renormalizeStoredIds = (db: Db, source: string, kind: string, rewrite: RewriteStored) =>
  renormalizeSource(
    db,
    source,
    async () => [source],
    async (run) => {
      const ids = await db
        .select({ sourceId: rawPayloads.sourceId })
        .from(rawPayloads)
        .where(and(eq(rawPayloads.source, source), eq(rawPayloads.kind, kind)));
      const sourceIds = ids.map((row) => row.sourceId);
      const written = await db.transaction((tx) => rewrite(tx, sourceIds));
      run.touch(written.services);
      return { scopes: ids.length, invalid: written.invalid };
    },
  );

import type { Db } from '../../lib/db/client';
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

export type RenormalizeStep = (run: IngestRun) => Promise<{ scopes: number; invalid?: number }>;

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
      for (const name of sources) for (const [key, digest] of await listSourceRowDigests(db, name)) all.set(`${name} ${key}`, digest);
      return all;
    };
    const before = await digestsOf();
    const { scopes, invalid = 0 } = await step(run);
    const changes = compareRowDigests(before, await digestsOf());
    const result: RenormalizeOutcome = { ...changes, scopes, invalid };
    return { result, counts: { ...changes, scopes, invalid } };
  });

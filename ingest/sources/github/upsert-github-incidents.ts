import { and, eq, inArray, like, not } from 'drizzle-orm';
import { incidents } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { storeRawPayloads } from '../../../lib/domain/store-raw-payloads';
import type { IncidentRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import { parsePayload, ZIssue } from './github-payloads';
import { normalizeIncident } from './normalize-incident';

export type IncidentScope =
  /** The complete list of labelled issues: incidents of the repository not on it lost their label (or were deleted). */
  | { complete: true }
  /** Some issues (a webhook): those no longer labelled stop being incidents. */
  | { complete: false };

/**
 * Stores issues as raw payloads and keeps the incidents table in step with the incident label: labelled issues are
 * upserted, and issues that lost the label are removed, so polling and webhooks agree on what is an incident.
 */
export const upsertGithubIncidents = async (tx: Executor, fullName: string, issues: unknown[], incidentLabel: string, scope: IncidentScope) => {
  const rows: IncidentRow[] = [];
  const notIncidents: string[] = [];
  let invalid = 0;
  const raw = issues.map((issue) => {
    const parsed = parsePayload(ZIssue, issue, 'issue');
    const number = (issue as { number?: unknown } | null)?.number;
    const sourceId = githubIds.incident(fullName, typeof number === 'number' ? number : -1);
    if (parsed.ok) {
      const row = normalizeIncident(fullName, parsed.value, incidentLabel);
      if (row) rows.push(row);
      else notIncidents.push(sourceId);
    } else invalid++;
    return { source: GITHUB_SOURCE, kind: 'issue', sourceId, scope: fullName, payload: issue, error: parsed.ok ? null : parsed.error };
  });
  await storeRawPayloads(tx, raw);
  if (rows.length > 0) await ensureServices(tx, [serviceOf(fullName)], GITHUB_SOURCE);
  const written = await upsertRows(tx, incidents, rows, { key: [incidents.id] });
  const ofRepository = and(eq(incidents.source, GITHUB_SOURCE), like(incidents.sourceId, `${fullName.replace(/[%_\\]/g, '\\$&')}#%`));
  const removed = scope.complete
    ? await tx
        .delete(incidents)
        .where(rows.length > 0 ? and(ofRepository, not(inArray(incidents.id, rows.map((row) => row.id)))) : ofRepository)
        .returning({ id: incidents.id })
    : notIncidents.length > 0
      ? await tx.delete(incidents).where(and(eq(incidents.source, GITHUB_SOURCE), inArray(incidents.sourceId, notIncidents))).returning({ id: incidents.id })
      : [];
  return { written: written.inserted.length + written.updated.length + removed.length, invalid };
};

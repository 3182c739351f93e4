import type { IncidentIoClient } from './create-incident-io-client';

/** The largest page incident.io serves (api-docs.incident.io, "List Incidents V2"). */
export const INCIDENT_IO_PAGE_SIZE = 250;

/**
 * Every incident updated on or after a day (`updated_at[gte]` takes a date, so the day of the cursor is read
 * again: upserts are idempotent), page by page: each answer's `pagination_meta.after` is the next request's `after`,
 * until it is absent or a page is empty. Test and tutorial incidents are left out by incident.io's default `mode`
 * filter; the normalizer leaves them out again for webhooks. `onPage` commits each page as it comes.
 */
export const collectIncidentIoIncidents = async (
  client: IncidentIoClient,
  updatedSince: Date,
  onPage: (incidents: unknown[]) => Promise<void>,
  pageSize = INCIDENT_IO_PAGE_SIZE,
) => {
  let after: string | null = null;
  for (;;) {
    const page = await client.get('v2/incidents', [
      ['page_size', String(pageSize)],
      ['updated_at[gte]', updatedSince.toISOString().slice(0, 10)],
      ...(after ? ([['after', after]] as [string, string][]) : []),
    ]);
    const incidents = page.incidents;
    if (!Array.isArray(incidents))
      throw new Error('incident.io GET /v2/incidents answered without an "incidents" list');
    if (incidents.length > 0) await onPage(incidents);
    const next = (page.pagination_meta as { after?: unknown } | undefined)?.after;
    if (incidents.length === 0 || typeof next !== 'string' || !next || next === after) return;
    after = next;
  }
};

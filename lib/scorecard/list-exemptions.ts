import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { exemptionAudit, exemptions } from '../db/schema';
import { describeExemption } from './describe-exemption';
import { getStandards } from './get-standards';
import type { Standards } from './standards-schema';
import type { ActiveExemption } from './scorecard-types';

export type ExemptionListing = ActiveExemption & {
  /** Applies today: approved, not revoked and not past its last day. */
  active: boolean;
  /** approved, or an owner's request: requested (waiting for the platform team), rejected. */
  status: string;
  revokedBy: string | null;
  revokedAt: string | null;
  audit: { action: string; actor: string; reason: string | null; until: string | null; at: string }[];
};

/** Exemptions from the standards file and the API, with their audit trail; only active ones unless asked. */
export const listExemptions = async ({ db, service, includeInactive = false, standards = getStandards(), now = new Date() }: { db: Executor; service?: string; includeInactive?: boolean; standards?: Standards; now?: Date }) => {
  const today = now.toISOString().slice(0, 10);
  const rows = await db.select().from(exemptions).where(service ? eq(exemptions.service, service) : undefined).orderBy(asc(exemptions.createdAt));
  const trail = rows.length > 0 ? await db.select().from(exemptionAudit).where(inArray(exemptionAudit.exemptionId, rows.map((row) => row.id))).orderBy(asc(exemptionAudit.at), asc(exemptionAudit.id)) : [];
  const listings: ExemptionListing[] = [
    ...standards.exemptions
      .filter((exemption) => !service || exemption.service === service)
      .map((exemption) => ({ ...describeExemption(exemption), active: exemption.expires >= today, status: 'approved', revokedBy: null, revokedAt: null, audit: [] })),
    ...rows.map((row) => ({
      ...describeExemption(row),
      active: row.status === 'approved' && !row.revokedAt && row.expires >= today,
      status: row.status,
      revokedBy: row.revokedBy,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      audit: trail
        .filter((entry) => entry.exemptionId === row.id)
        .map((entry) => ({ action: entry.action, actor: entry.actor, reason: entry.reason, until: entry.until, at: entry.at.toISOString() })),
    })),
  ];
  return includeInactive ? listings : listings.filter((listing) => listing.active);
};

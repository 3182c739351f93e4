import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';

export type AuditEntry = {
  actor: string;
  actorRole: string;
  action: string;
  target?: string | null;
  /** What changed, where it matters (before/after, reason, expiry). Never a secret. */
  detail?: Record<string, unknown> | null;
  address?: string | null;
  at?: Date;
};

/** Appends one row to the audit log (the table refuses updates and deletes). */
export const recordAudit = async (db: Executor, entry: AuditEntry) => {
  await db.insert(auditLog).values({ ...entry, target: entry.target ?? null, detail: entry.detail ?? null, address: entry.address ?? null, at: entry.at ?? new Date() });
};

import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';

export type ListAuditOptions = { db: Executor; actor?: string; action?: string; before?: number; limit?: number };

/** The newest audit rows first; `before` (a row id) pages back. */
export const listAudit = ({ db, actor, action, before, limit = 100 }: ListAuditOptions) => {
  const conditions: SQL[] = [];
  if (actor) conditions.push(eq(auditLog.actor, actor));
  if (action) conditions.push(eq(auditLog.action, action));
  if (before) conditions.push(lt(auditLog.id, before));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(Math.max(limit, 1), 500));
};

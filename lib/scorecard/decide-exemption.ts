import { and, eq, gte, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { exemptionAudit, exemptions } from '../db/schema';
import { AppError } from '../errors';
import { evaluateScorecards } from './evaluate-scorecards';
import { getStandards } from './get-standards';
import type { Standards } from './standards-schema';

export type DecideExemptionOptions = { db: Executor; id: string; decision: 'approve' | 'reject'; actor: string; note?: string; standards?: Standards; now?: Date };

/**
 * The platform team approves or rejects an owner's request. Approval supersedes an exemption already in force for
 * the same service and check (as granting again does) and re-evaluates the service, so the scorecard shows it
 * exempt at once.
 */
export const decideExemption = async ({ db, id, decision, actor, note, standards = getStandards(), now = new Date() }: DecideExemptionOptions) => {
  const today = now.toISOString().slice(0, 10);
  const status = decision === 'approve' ? 'approved' : 'rejected';
  const decided = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(exemptions)
      .set({ status, decidedBy: actor, decidedAt: now })
      .where(and(eq(exemptions.id, id), eq(exemptions.status, 'requested'), isNull(exemptions.revokedAt)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', `No exemption request "${id}" is waiting for a decision`);
    await tx.insert(exemptionAudit).values({ exemptionId: id, action: status, actor, reason: note ?? null, until: row.expires, at: now });
    if (status === 'approved') {
      const superseded = await tx
        .update(exemptions)
        .set({ revokedAt: now, revokedBy: actor })
        .where(and(eq(exemptions.service, row.service), eq(exemptions.checkId, row.checkId), eq(exemptions.status, 'approved'), ne(exemptions.id, id), isNull(exemptions.revokedAt), gte(exemptions.expires, today)))
        .returning({ id: exemptions.id });
      for (const old of superseded) await tx.insert(exemptionAudit).values({ exemptionId: old.id, action: 'revoked', actor, reason: `superseded by ${id}`, at: now });
    }
    return row;
  });
  if (status === 'approved') await evaluateScorecards({ db, standards, services: [decided.service], now });
  return decided;
};

import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { exemptionAudit, exemptions } from '../db/schema';
import { AppError } from '../errors';
import { evaluateScorecards } from './evaluate-scorecards';
import { getStandards } from './get-standards';
import type { Standards } from './standards-schema';

/**
 * Revokes an API exemption, with an audit record; the service is re-evaluated at once. File exemptions are revoked
 * by editing the file. The standards are read first, so a broken file refuses the request before anything changes.
 */
export const revokeExemption = async ({ db, id, actor, reason, standards = getStandards(), now = new Date() }: { db: Executor; id: string; actor: string; reason?: string; standards?: Standards; now?: Date }) => {
  if (id.startsWith('file:')) throw new AppError('VALIDATION_FAILED', `Exemption ${id} comes from the standards file; remove it there`);
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(exemptions)
      .set({ revokedAt: now, revokedBy: actor })
      .where(and(eq(exemptions.id, id), isNull(exemptions.revokedAt)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', `No active exemption with id "${id}"`);
    await tx.insert(exemptionAudit).values({ exemptionId: id, action: 'revoked', actor, reason: reason ?? null, at: now });
    return row;
  });
  await evaluateScorecards({ db, standards, services: [revoked.service], now });
  return revoked;
};

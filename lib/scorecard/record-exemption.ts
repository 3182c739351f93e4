import { randomBytes } from 'node:crypto';
import { and, eq, gte, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { exemptionAudit, exemptions } from '../db/schema';
import { evaluateScorecards } from './evaluate-scorecards';
import { getStandards } from './get-standards';
import type { ExemptionRequest } from './request-schemas';
import type { Standards } from './standards-schema';
import { validateExemptionRequest } from './validate-exemption-request';

export type RecordExemptionOptions = { db: Executor; request: ExemptionRequest; actor: string; standards?: Standards; now?: Date };

/**
 * Grants an exemption through the API, with an audit record (who: the token's name; when; why; until).
 * An active exemption of the same service and check is superseded (revoked, audited), so extending one is just
 * granting it again. The service is re-evaluated at once.
 */
export const recordExemption = async ({ db, request, actor, standards = getStandards(), now = new Date() }: RecordExemptionOptions) => {
  const today = now.toISOString().slice(0, 10);
  await validateExemptionRequest({ db, request, standards, today });

  const id = `exm_${randomBytes(6).toString('hex')}`;
  const exemption = await db.transaction(async (tx) => {
    const superseded = await tx
      .update(exemptions)
      .set({ revokedAt: now, revokedBy: actor })
      .where(and(eq(exemptions.service, request.service), eq(exemptions.checkId, request.check), eq(exemptions.status, 'approved'), isNull(exemptions.revokedAt), gte(exemptions.expires, today)))
      .returning({ id: exemptions.id });
    for (const old of superseded) await tx.insert(exemptionAudit).values({ exemptionId: old.id, action: 'revoked', actor, reason: `superseded by ${id}`, at: now });
    const [row] = await tx
      .insert(exemptions)
      .values({ id, service: request.service, checkId: request.check, reason: request.reason, expires: request.expires, createdBy: actor, createdAt: now })
      .returning();
    await tx.insert(exemptionAudit).values({ exemptionId: id, action: 'granted', actor, reason: request.reason, until: request.expires, at: now });
    return { ...row!, superseded: superseded.map((old) => old.id) };
  });
  await evaluateScorecards({ db, standards, services: [request.service], now });
  return exemption;
};

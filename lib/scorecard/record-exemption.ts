import { randomBytes } from 'node:crypto';
import { and, eq, gte, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { exemptionAudit, exemptions, services } from '../db/schema';
import { AppError } from '../errors';
import { evaluateScorecards } from './evaluate-scorecards';
import { getStandards } from './get-standards';
import type { ExemptionRequest } from './request-schemas';
import type { Standards } from './standards-schema';

export type RecordExemptionOptions = { db: Executor; request: ExemptionRequest; actor: string; standards?: Standards; now?: Date };

/**
 * Grants an exemption through the API, with an audit record (who: the token's name; when; why; until).
 * An active exemption of the same service and check is superseded (revoked, audited), so extending one is just
 * granting it again. The service is re-evaluated at once.
 */
export const recordExemption = async ({ db, request, actor, standards = getStandards(), now = new Date() }: RecordExemptionOptions) => {
  const today = now.toISOString().slice(0, 10);
  if (!standards.checks.some((check) => check.id === request.check)) {
    throw new AppError('VALIDATION_FAILED', `No check has the id "${request.check}"`, { details: [`check: expected one of ${standards.checks.map((check) => check.id).join(', ')}`] });
  }
  if (request.expires < today) throw new AppError('VALIDATION_FAILED', 'The exemption would already have expired', { details: [`expires: ${request.expires} is before today (${today})`] });
  const [service] = await db.select({ name: services.name }).from(services).where(eq(services.name, request.service));
  if (!service) throw new AppError('NOT_FOUND', `No service named "${request.service}"`);

  const id = `exm_${randomBytes(6).toString('hex')}`;
  const exemption = await db.transaction(async (tx) => {
    const superseded = await tx
      .update(exemptions)
      .set({ revokedAt: now, revokedBy: actor })
      .where(and(eq(exemptions.service, request.service), eq(exemptions.checkId, request.check), isNull(exemptions.revokedAt), gte(exemptions.expires, today)))
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

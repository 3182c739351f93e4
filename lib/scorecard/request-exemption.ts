import { randomBytes } from 'node:crypto';
import type { Executor } from '../db/client';
import { exemptionAudit, exemptions } from '../db/schema';
import { getStandards } from './get-standards';
import type { ExemptionRequest } from './request-schemas';
import type { Standards } from './standards-schema';
import { validateExemptionRequest } from './validate-exemption-request';

export type RequestExemptionOptions = { db: Executor; request: ExemptionRequest; actor: string; maxDays: number; standards?: Standards; now?: Date };

/**
 * An owner asks for an exemption (reason, last day at most `maxDays` ahead). It waits as `requested`, exempting
 * nothing, until the platform team approves or rejects it (decideExemption).
 */
export const requestExemption = async ({ db, request, actor, maxDays, standards = getStandards(), now = new Date() }: RequestExemptionOptions) => {
  await validateExemptionRequest({ db, request, standards, today: now.toISOString().slice(0, 10), maxDays });
  const id = `exm_${randomBytes(6).toString('hex')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exemptions)
      .values({ id, service: request.service, checkId: request.check, reason: request.reason, expires: request.expires, createdBy: actor, createdAt: now, status: 'requested' })
      .returning();
    await tx.insert(exemptionAudit).values({ exemptionId: id, action: 'requested', actor, reason: request.reason, until: request.expires, at: now });
    return row!;
  });
};

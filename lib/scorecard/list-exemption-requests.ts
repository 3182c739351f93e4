import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { exemptions } from '../db/schema';

/** Owners' requests waiting for the platform team, oldest first; of one service when given. */
export const listExemptionRequests = ({ db, service }: { db: Executor; service?: string }) =>
  db
    .select({ id: exemptions.id, service: exemptions.service, check: exemptions.checkId, reason: exemptions.reason, expires: exemptions.expires, requestedBy: exemptions.createdBy, requestedAt: exemptions.createdAt })
    .from(exemptions)
    .where(and(eq(exemptions.status, 'requested'), isNull(exemptions.revokedAt), service ? eq(exemptions.service, service) : undefined))
    .orderBy(asc(exemptions.createdAt));

import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { services } from '../db/schema';
import { AppError } from '../errors';
import type { ExemptionRequest } from './request-schemas';
import type { Standards } from './standards-schema';
import { DAY_MS } from '../format/time-units';

/** The first and last day an exemption requested on `now` may run to (UTC days, YYYY-MM-DD). */
export const getExemptionDayRange = (maxDays: number, now = new Date()) => {
  const today = now.toISOString().slice(0, 10);
  return { today, latest: new Date(Date.parse(`${today}T00:00:00Z`) + maxDays * DAY_MS).toISOString().slice(0, 10) };
};

/**
 * What a grant and a request both need: a check the standards have, a last day not already past (nor, when
 * `maxDays` is given, further away than that), and a service Waymark knows.
 */
export const validateExemptionRequest = async ({ db, request, standards, today, maxDays }: { db: Executor; request: ExemptionRequest; standards: Standards; today: string; maxDays?: number }) => {
  if (!standards.checks.some((check) => check.id === request.check)) {
    throw new AppError('VALIDATION_FAILED', `No check has the id "${request.check}"`, { details: [`check: expected one of ${standards.checks.map((check) => check.id).join(', ')}`] });
  }
  if (request.expires < today) throw new AppError('VALIDATION_FAILED', 'The exemption would already have expired', { details: [`expires: ${request.expires} is before today (${today})`] });
  if (maxDays !== undefined) {
    const { latest } = getExemptionDayRange(maxDays, new Date(`${today}T00:00:00Z`));
    if (request.expires > latest) throw new AppError('VALIDATION_FAILED', 'The exemption would run too long', { details: [`expires: at most ${maxDays} days ahead (${latest}; scorecard.exemptionMaxDays)`] });
  }
  const [service] = await db.select({ name: services.name }).from(services).where(eq(services.name, request.service));
  if (!service) throw new AppError('NOT_FOUND', `No service named "${request.service}"`);
};

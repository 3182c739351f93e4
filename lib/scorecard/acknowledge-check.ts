import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { checkAcknowledgements, checkResults } from '../db/schema';
import { AppError } from '../errors';

/**
 * An owner acknowledges a failing check with a note: known, and what is being done. It is tied to the current
 * result, so a later change of result (a pass, or a new failure after a rule change) ends it without anyone acting.
 */
export const acknowledgeCheck = async ({
  db,
  service,
  checkId,
  note,
  actor,
}: {
  db: Executor;
  service: string;
  checkId: string;
  note: string;
  actor: string;
}) => {
  const [latest] = await db
    .select({ id: checkResults.id, status: checkResults.status })
    .from(checkResults)
    .where(and(eq(checkResults.service, service), eq(checkResults.checkId, checkId)))
    .orderBy(desc(checkResults.evaluatedAt), desc(checkResults.id))
    .limit(1);
  if (!latest) throw new AppError('NOT_FOUND', `check: ${service} has no result for "${checkId}"`);
  if (latest.status !== 'fail') {
    throw new AppError(
      'VALIDATION_FAILED',
      `check: only a failing check is acknowledged; "${checkId}" is ${latest.status}`,
    );
  }
  const id = `ack_${randomBytes(6).toString('hex')}`;
  const [row] = await db
    .insert(checkAcknowledgements)
    .values({ id, service, checkId, resultId: latest.id, note, createdBy: actor })
    .returning();
  return row!;
};

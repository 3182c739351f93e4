import type { Executor } from '../db/client';
import { externalCheckResults } from '../db/schema';
import { ensureServices } from '../domain/ensure-services';
import { AppError } from '../errors';
import { evaluateScorecards } from './evaluate-scorecards';
import { getStandards } from './get-standards';
import type { ExternalResultInput } from './request-schemas';
import type { Standards } from './standards-schema';

/**
 * Stores results pushed by CI for `external` checks (all or none) and re-evaluates the services they name.
 * A check name no standard uses is refused, so a typo in a pipeline shows up at once instead of never counting.
 * Like every record, a result naming an unknown service creates it.
 */
export const recordExternalCheckResults = async ({ db, results, reportedBy, standards = getStandards(), now = new Date() }: { db: Executor; results: ExternalResultInput[]; reportedBy: string; standards?: Standards; now?: Date }) => {
  const known = [...new Set(standards.checks.flatMap((check) => (check.rule.external ? [check.rule.external.check] : [])))];
  const unknown = results.flatMap((result, index) => (known.includes(result.check) ? [] : [`${results.length > 1 ? `[${index}].` : ''}check: no external check is named "${result.check}" (${known.length > 0 ? `known: ${known.join(', ')}` : 'the standards have no external checks'})`]));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid request; nothing was stored', { details: unknown });
  const services = [...new Set(results.map((result) => result.service))];
  await db.transaction(async (tx) => {
    await ensureServices(tx, services, 'checks');
    await tx.insert(externalCheckResults).values(
      results.map((result) => ({ service: result.service, check: result.check, status: result.status, details: result.details ?? null, url: result.url ?? null, reportedBy, reportedAt: now })),
    );
  });
  await evaluateScorecards({ db, standards, services, now });
  return { stored: results.length, services };
};

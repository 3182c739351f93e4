import type { Executor } from '../db/client';
import { checkDefinitions, checkResults } from '../db/schema';
import { sql } from 'drizzle-orm';
import { computeResultHash } from './compute-result-hash';
import type { Standards } from './standards-schema';
import type { CheckOutcome } from './scorecard-types';

const CHUNK = 1000;

/**
 * Appends the results that differ from the previous result of the same (service, check); an unchanged result
 * writes nothing. `previous` maps `service|check` to the previous result's hash and is updated in place, so a
 * caller evaluating day after day (history rebuild) carries it along without reading back.
 * Also records each check definition by hash, the first time it is seen.
 */
export const recordCheckResults = async (
  db: Executor,
  { standards, outcomes, evaluatedAt, previous }: { standards: Standards; outcomes: CheckOutcome[]; evaluatedAt: Date; previous: Map<string, string> },
) => {
  const changed = outcomes.filter((outcome) => {
    const key = `${outcome.service}|${outcome.checkId}`;
    const hash = computeResultHash(outcome);
    if (previous.get(key) === hash) return false;
    previous.set(key, hash);
    return true;
  });
  for (let start = 0; start < changed.length; start += CHUNK) {
    await db.insert(checkResults).values(
      changed.slice(start, start + CHUNK).map((outcome) => ({
        service: outcome.service,
        checkId: outcome.checkId,
        checkHash: outcome.checkHash,
        status: outcome.status,
        evidence: outcome.evidence,
        exemption: outcome.exemption,
        factsCollectedAt: outcome.factsCollectedAt,
        commitSha: outcome.commitSha,
        evaluatedAt,
      })),
    );
  }
  if (changed.length > 0) {
    await db
      .insert(checkDefinitions)
      .values(
        standards.checks.map(({ hash, ...check }) => ({
          hash,
          checkId: check.id,
          definition: { id: check.id, title: check.title, level: check.level, category: check.category, appliesTo: check.appliesTo ?? null, rule: check.rule },
          firstSeenAt: evaluatedAt,
        })),
      )
      // A history rebuilt for earlier days moves first sight back.
      .onConflictDoUpdate({ target: checkDefinitions.hash, set: { firstSeenAt: sql`least(${checkDefinitions.firstSeenAt}, excluded.first_seen_at)` } });
  }
  return { written: changed.length, unchanged: outcomes.length - changed.length };
};

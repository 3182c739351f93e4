import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { checkDefinitions, checkResults } from '../db/schema';
import type { ActiveExemption, CheckStatus, Evidence } from './scorecard-types';

export type CheckHistoryEntry = {
  checkId: string;
  status: CheckStatus;
  previousStatus: CheckStatus | null;
  /**
   * Why the result changed: `first` result; `rule`, the check's definition changed (its hash differs from the
   * previous result's); `exemption`, an exemption started or ended; `service`, the service's facts, deployments
   * or pushed results changed under the same rule.
   */
  change: 'first' | 'rule' | 'exemption' | 'service';
  checkHash: string;
  /** The definition the result was evaluated with (rule, level, appliesTo, title). */
  definition: Record<string, unknown> | null;
  evidence: Evidence;
  exemption: ActiveExemption | null;
  commitSha: string | null;
  evaluatedAt: string;
};

/** A service's stored results, newest first, each telling whether the rule or the service changed. */
export const listCheckHistory = async ({ db, service, check }: { db: Executor; service: string; check?: string }): Promise<CheckHistoryEntry[]> => {
  const rows = await db
    .select()
    .from(checkResults)
    .where(and(eq(checkResults.service, service), check ? eq(checkResults.checkId, check) : undefined))
    .orderBy(asc(checkResults.checkId), asc(checkResults.evaluatedAt), asc(checkResults.id));
  const hashes = [...new Set(rows.map((row) => row.checkHash))];
  const definitions = hashes.length > 0 ? await db.select().from(checkDefinitions).where(inArray(checkDefinitions.hash, hashes)) : [];
  const definitionOf = new Map(definitions.map((definition) => [definition.hash, definition.definition]));
  const entries: CheckHistoryEntry[] = [];
  rows.forEach((row, index) => {
    const previous = index > 0 && rows[index - 1]!.checkId === row.checkId ? rows[index - 1]! : null;
    const exemptionId = (row.exemption as ActiveExemption | null)?.id ?? null;
    const previousExemptionId = (previous?.exemption as ActiveExemption | null)?.id ?? null;
    entries.push({
      checkId: row.checkId,
      status: row.status as CheckStatus,
      previousStatus: (previous?.status as CheckStatus | undefined) ?? null,
      change: !previous ? 'first' : previous.checkHash !== row.checkHash ? 'rule' : previousExemptionId !== exemptionId ? 'exemption' : 'service',
      checkHash: row.checkHash,
      definition: definitionOf.get(row.checkHash) ?? null,
      evidence: (row.evidence ?? { summary: '' }) as Evidence,
      exemption: (row.exemption as ActiveExemption | null) ?? null,
      commitSha: row.commitSha,
      evaluatedAt: row.evaluatedAt.toISOString(),
    });
  });
  return entries.sort((a, b) => b.evaluatedAt.localeCompare(a.evaluatedAt) || a.checkId.localeCompare(b.checkId));
};

import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { services } from '../db/schema';
import type { FactKind } from '../domain/facts';
import { getLatestFacts } from '../domain/record-facts';
import { computeScorecardSummary, type StatusCounts } from './compute-scorecard-summary';
import { getStandards } from './get-standards';
import { loadLatestCheckResults } from './load-latest-check-results';
import type { Check, Standards } from './standards-schema';
import type { ActiveExemption, CheckStatus, Evidence } from './scorecard-types';
import { DAY_MS } from '../format/time-units';


export type ScorecardCheck = {
  id: string;
  title: string;
  level: string;
  category: string;
  description: string | null;
  status: CheckStatus;
  evidence: Evidence;
  fix: string | null;
  exemption: ActiveExemption | null;
  /** When the check got this result (status and evidence); it has not changed since. */
  since: string | null;
  checkHash: string;
  commitSha: string | null;
  /** The facts the check reads and how old they are; null for checks that read no facts. */
  facts: { kind: FactKind; source: string; status: string; collectedAt: string; checkedAt: string; ageDays: number } | null;
};

export type ServiceScorecard = {
  service: string;
  team: string | null;
  lifecycle: string | null;
  tier: string | null;
  level: string;
  score: number | null;
  counts: StatusCounts;
  standardsHash: string;
  checks: ScorecardCheck[];
};

const factKindOf = (check: Check): FactKind | null => {
  const { rule } = check;
  if (rule.fileExists || rule.fileMatches || rule.dependency) return 'repository';
  if (rule.catalog) return 'catalog';
  if (rule.branchProtection) return 'branch_protection';
  return null;
};

export type ListServiceScorecardsOptions = { db: Executor; team?: string; services?: readonly string[]; standards?: Standards; now?: Date };

/**
 * Full scorecards (every check with status, evidence, fix, exemption and facts age) for a team, some services or
 * all, as stored (ensureScorecardsFresh, run by writers and the server's upkeep, keeps them current). Checks come in level order, then in file order.
 */
export const listServiceScorecards = async ({ db, team, services: only, standards = getStandards(), now = new Date() }: ListServiceScorecardsOptions): Promise<ServiceScorecard[]> => {
  const described = await db
    .select({ name: services.name, team: services.team, lifecycle: services.lifecycle, tier: services.tier })
    .from(services)
    .where(only ? inArray(services.name, [...only]) : team !== undefined ? eq(services.team, team) : undefined)
    .orderBy(asc(services.name));
  if (described.length === 0) return [];
  const names = described.map((service) => service.name);
  const latest = await loadLatestCheckResults(db, names);
  const facts = await getLatestFacts(db, names);
  const factsBy = new Map(facts.map((fact) => [`${fact.service}|${fact.kind}`, fact]));
  const ordered = [...standards.checks].sort((a, b) => standards.levels.indexOf(a.level) - standards.levels.indexOf(b.level));

  return described.map((service) => {
    const checks = ordered.map((check): ScorecardCheck => {
      const row = latest.get(`${service.name}|${check.id}`);
      const current = row && row.checkHash === check.hash;
      let kind = factKindOf(check);
      // Catalog checks read catalog-info.yaml from the repository when no source recorded a catalog fact.
      if (kind === 'catalog' && !factsBy.has(`${service.name}|catalog`)) kind = 'repository';
      const fact = kind ? factsBy.get(`${service.name}|${kind}`) : undefined;
      return {
        id: check.id,
        title: check.title,
        level: check.level,
        category: check.category,
        description: check.description ?? null,
        status: current ? (row.status as CheckStatus) : 'unknown',
        // The summary first: jsonb keeps keys in its own order, and people read the summary before the details.
        evidence: current ? ({ summary: '', ...row.evidence } as Evidence) : { summary: 'Not evaluated yet with the current version of this check', reason: 'not-evaluated' },
        fix: check.fix ?? null,
        exemption: current ? ((row.exemption as ActiveExemption | null) ?? null) : null,
        since: current ? row.evaluatedAt.toISOString() : null,
        checkHash: check.hash,
        commitSha: current ? row.commitSha : null,
        facts: fact
          ? {
              kind: kind!,
              source: fact.source,
              status: fact.status,
              collectedAt: fact.collectedAt.toISOString(),
              checkedAt: fact.checkedAt.toISOString(),
              ageDays: Math.max(0, Math.round(((now.getTime() - fact.checkedAt.getTime()) / DAY_MS) * 10) / 10),
            }
          : null,
      };
    });
    return { service: service.name, team: service.team, lifecycle: service.lifecycle, tier: service.tier, ...computeScorecardSummary(standards.levels, checks), standardsHash: standards.hash, checks };
  });
};

import { z } from 'zod';
import { FACT_KINDS, type FactKind } from '../../domain/facts';
import { CHECK_STATUSES } from '../../scorecard/scorecard-types';

// The answers of lib/scorecard as the public API sends them (README, "Scorecards").

export const ZCheckStatus = z.enum(CHECK_STATUSES);

export const ZStatusCounts = z.object(Object.fromEntries(CHECK_STATUSES.map((status) => [status, z.number().int()])) as Record<(typeof CHECK_STATUSES)[number], z.ZodNumber>);

const ZEvidence = z.looseObject({ summary: z.string() }).meta({ description: 'Why: a one-line summary plus the file, line or value behind it' });

const ZExemption = z.object({
  id: z.string(),
  source: z.enum(['file', 'api']),
  service: z.string(),
  check: z.string(),
  reason: z.string(),
  expires: z.string().meta({ description: 'Last day (UTC, YYYY-MM-DD) the exemption applies' }),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
});

export const ZScorecardCheck = z
  .object({
    id: z.string(),
    title: z.string(),
    level: z.string(),
    category: z.string(),
    description: z.string().nullable(),
    status: ZCheckStatus,
    evidence: ZEvidence,
    fix: z.string().nullable(),
    exemption: ZExemption.nullable(),
    since: z.string().nullable(),
    checkHash: z.string(),
    commitSha: z.string().nullable(),
    facts: z
      .object({
        kind: z.enum(FACT_KINDS as [FactKind, ...FactKind[]]),
        source: z.string(),
        status: z.string(),
        collectedAt: z.string(),
        checkedAt: z.string(),
        ageDays: z.number(),
      })
      .nullable(),
  })
  .meta({ id: 'ScorecardCheck' });

export const ZServiceScorecard = z
  .object({
    service: z.string(),
    team: z.string().nullable(),
    lifecycle: z.string().nullable(),
    tier: z.string().nullable(),
    level: z.string(),
    score: z.number().nullable(),
    counts: ZStatusCounts,
    standardsHash: z.string(),
    checks: z.array(ZScorecardCheck),
  })
  .meta({ id: 'ServiceScorecard' });

export const ZScorecardSummary = z
  .object({
    service: z.string(),
    team: z.string().nullable(),
    lifecycle: z.string().nullable(),
    level: z.string(),
    score: z.number().nullable(),
    counts: ZStatusCounts,
    day: z.string().meta({ description: 'The snapshot day (UTC) the row is from' }),
  })
  .meta({ id: 'ScorecardSummary' });

/** One service's latest result of one check: the scorecard check with whose it is. */
export const ZCheckResult = ZScorecardCheck.omit({ id: true })
  .extend({ service: z.string(), team: z.string().nullable(), check: z.string() })
  .meta({ id: 'CheckResult' });

export const ZCheckAdoption = z
  .object({
    id: z.string(),
    title: z.string(),
    level: z.string(),
    category: z.string(),
    counts: ZStatusCounts,
    applicable: z.number().int(),
    passRate: z.number().nullable(),
  })
  .meta({ id: 'CheckAdoption' });

export const ZAdoptionSeries = z
  .object({
    bucket: z.enum(['day', 'week', 'month']),
    buckets: z.array(z.string()),
    checks: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        level: z.string(),
        category: z.string(),
        points: z.array(ZStatusCounts.extend({ bucket: z.string(), applicable: z.number().int(), share: z.number().nullable() })),
      }),
    ),
    ruleChanges: z.array(z.object({ checkId: z.string(), hash: z.string(), day: z.string() })),
  })
  .meta({ id: 'AdoptionSeries' });

import { z } from 'zod';

// The answers of lib/metrics as the public API sends them (METRICS.md defines every figure). Each object schema is
// closed in the OpenAPI document (additionalProperties: false), so a field added in lib without a schema change
// fails the contract test instead of leaking undocumented.

const ZTier = z.enum(['elite', 'high', 'medium', 'low']).nullable();
const seconds = z.number().nullable().meta({ description: 'Seconds; null without samples' });
const rate = z.number().nullable().meta({ description: 'A fraction 0..1, 4 decimals; null without deployments' });

export const ZMetricsScope = z
  .union([
    z.object({ service: z.string() }),
    z.object({ team: z.string() }),
    z.object({ org: z.literal(true) }),
    z.object({ services: z.array(z.string()) }),
  ])
  .meta({ id: 'MetricsScope', description: 'Whose figures: one service, one team, the organization, or a set of services' });

const ZWindow = z.object({ from: z.string(), to: z.string() }).meta({ description: 'Half-open [from, to), UTC' });

const ZMetricScore = z.object({
  bucket: z.object({ answer: z.number(), label: z.string() }).nullable(),
  score: z.number().nullable(),
});

const ZBenchmarkPosition = z.object({ score: z.number(), mean: z.number(), std: z.number(), z: z.number() }).nullable();
const ZSampleCheck = z.object({ n: z.number().int(), minimum: z.number().int(), enough: z.boolean() });

/** The five metrics of the 2025 model, keyed as the model names them. */
const modelMetrics = <T extends z.ZodType>(value: T) =>
  z.object({ leadTime: value, deploymentFrequency: value, recoveryTime: value, changeFailureRate: value, reworkRate: value });

// A plain shape, so each answer keeps lib's key order (scope and window first).
const FIGURES = {
  edition: z.enum(['2023', '2024', '2025']).meta({ description: 'The DORA edition the answer leads with; every edition is in every answer' }),
  deploymentFrequency: z.object({
    deployments: z.number().int(),
    perDay: z.number().nullable(),
    medianDeployDaysPerWeek: z.number().nullable(),
    medianDeployDaysPerMonth: z.number().nullable(),
    tier: ZTier.meta({ description: '2023 band' }),
  }),
  leadTime: z.object({ changes: z.number().int(), p50Seconds: seconds, p90Seconds: seconds, tier: ZTier }),
  changeFailureRate: z.object({ deployments: z.number().int(), failed: z.number().int(), rate, tier: ZTier }),
  recoveryTime: z.object({ failed: z.number().int(), recovered: z.number().int(), p50Seconds: seconds, tier: ZTier }),
  timeToRestore: z.object({ incidents: z.number().int(), p50Seconds: seconds }),
  reworkRate: z.object({ deployments: z.number().int(), rework: z.number().int(), rate }),
  cluster2024: ZTier.meta({ description: 'The 2024 edition cluster' }),
  factors: z
    .object({
      throughput: z.object({
        metrics: z.object({ leadTime: ZMetricScore, deploymentFrequency: ZMetricScore, recoveryTime: ZMetricScore }),
        scored: z.number().int(),
        score: z.number().nullable(),
      }),
      instability: z.object({
        metrics: z.object({ changeFailureRate: ZMetricScore, reworkRate: ZMetricScore }),
        scored: z.number().int(),
        stabilityScore: z.number().nullable(),
      }),
    })
    .meta({ description: '2025 model: each metric’s survey answer and Quick Check score (0–10)' }),
  overall: z.number().nullable(),
  benchmark: z.object({
    edition: z.literal('2025'),
    group: z.string(),
    name: z.string(),
    position: modelMetrics(ZBenchmarkPosition).extend({ throughput: ZBenchmarkPosition, stability: ZBenchmarkPosition, overall: ZBenchmarkPosition }),
  }),
  samples: modelMetrics(ZSampleCheck),
  notes: z.array(z.string()),
};

export const ZDoraMetrics = z.object({ scope: ZMetricsScope, window: ZWindow, ...FIGURES }).meta({ id: 'DoraMetrics' });

export const ZDataQualityNote = z
  .object({
    kind: z.enum(['old-samples', 'first-deployment-in-window', 'few-tags-matched']),
    text: z.string(),
    fix: z.string(),
  })
  .meta({ id: 'DataQualityNote', description: 'Why a figure may mislead, and the fix (METRICS.md, "Data-quality notes")' });

export const ZMetricsAnswer = ZDoraMetrics.extend({ dataQuality: z.array(ZDataQualityNote) }).meta({ id: 'MetricsAnswer' });

export const ZDoraSeries = z
  .object({
    scope: ZMetricsScope,
    window: ZWindow,
    bucket: z.enum(['week', 'month']),
    points: z.array(z.object({ window: ZWindow, ...FIGURES, partial: z.boolean() })),
  })
  .meta({ id: 'DoraSeries' });

const ZSourceRef = { id: z.string(), source: z.string(), sourceId: z.string(), url: z.string().nullable(), service: z.string() };

export const ZListedDeployment = z
  .object({
    ...ZSourceRef,
    environment: z.string(),
    finishedAt: z.string(),
    commitSha: z.string().nullable(),
    reason: z.string().nullable(),
    rollbackOf: z.string().nullable(),
    failed: z.boolean(),
    rework: z.boolean(),
    recoveredAt: z.string().nullable(),
    recoverySeconds: z.number().nullable(),
  })
  .meta({ id: 'Deployment' });

export const ZListedChange = z
  .object({
    ...ZSourceRef,
    sha: z.string(),
    title: z.string().nullable(),
    pullRequestId: z.string().nullable(),
    authoredAt: z.string(),
    deploymentId: z.string(),
    deployedAt: z.string(),
    leadSeconds: z.number(),
  })
  .meta({ id: 'Change' });

export const ZListedIncident = z
  .object({
    ...ZSourceRef,
    title: z.string().nullable(),
    severity: z.string().nullable(),
    openedAt: z.string(),
    resolvedAt: z.string().nullable(),
    restoreSeconds: z.number().nullable(),
    deploymentId: z.string().nullable(),
  })
  .meta({ id: 'Incident' });

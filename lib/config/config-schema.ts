import { z } from 'zod';

const isValidRegex = (pattern: string) => {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
};

const regex = z.string().min(1).refine(isValidRegex, { error: 'not a valid regular expression' });

/** Every setting Waymark reads. Env vars and waymark.yaml keys both map onto this one shape. */
export const ZConfig = z.strictObject({
  database: z.strictObject({
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
      .optional(),
    dataDir: z.string().min(1).default('.waymark/data'),
  }),
  server: z.strictObject({
    port: z.coerce.number().int().min(1).max(65535).default(3000),
    maxBodyBytes: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
    requireReadToken: z.boolean().default(false),
    /** Background jobs `waymark serve` runs itself: all (syncs, schedule, webhooks), webhooks only, or none. */
    worker: z.enum(['all', 'webhooks', 'off']).default('all'),
  }),
  metrics: z.strictObject({
    productionEnvironmentPattern: regex.default('^(prod|production)$'),
    attributionWindowHours: z.coerce.number().positive().default(168),
    defaultWindowDays: z.coerce.number().int().positive().default(90),
    reworkLabels: z.array(z.string().min(1)).default(['bug', 'hotfix']),
    /** The 2025 benchmark group scopes are placed in: `industry:<key>` or `size:<key>` (METRICS.md, "Benchmarks"). */
    benchmark: z.string().regex(/^(industry|size):[a-z0-9_]+$/, { error: 'must be industry:<group> or size:<group>, e.g. industry:all' }).default('industry:all'),
    /** The DORA edition pages and the CLI lead with: 2025 scores, the 2024 cluster or the 2023 bands. */
    edition: z.enum(['2023', '2024', '2025']).default('2025'),
  }),
  demo: z.strictObject({
    mode: z.enum(['auto', 'off']).default('auto'),
  }),
  standards: z.strictObject({
    path: z.string().min(1).optional(),
  }),
  scorecard: z.strictObject({
    factsMaxAgeDays: z.coerce.number().positive().default(14),
    externalResultMaxAgeDays: z.coerce.number().positive().default(7),
  }),
  github: z.strictObject({
    token: z.string().min(1).optional(),
    apiUrl: z.url().default('https://api.github.com'),
    appId: z.string().min(1).optional(),
    privateKey: z.string().min(1).optional(),
    installationId: z.coerce.number().int().positive().optional(),
    webhookSecret: z.string().min(1).optional(),
    org: z.string().min(1).optional(),
    repos: z.array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, { error: 'must be OWNER/NAME' })).default([]),
    deployWorkflowPattern: regex.default('deploy'),
    incidentLabel: z.string().min(1).default('incident'),
    backfillHorizonDays: z.coerce.number().int().positive().default(30),
    schedule: z.string().min(1).optional(),
  }),
  gitlab: z.strictObject({
    /** gitlab.com or a self-managed instance's address (without /api/v4). */
    baseUrl: z.url().default('https://gitlab.com'),
    token: z.string().min(1).optional(),
    webhookToken: z.string().min(1).optional(),
    /** The signing token of signed webhooks (webhook-signature); every configured credential must match. */
    webhookSigningToken: z.string().min(1).optional(),
    /** A group (full path or id); its subgroups' projects are included. */
    group: z.string().min(1).optional(),
    projects: z.array(z.string().regex(/^[^\s/]+(\/[^\s/]+)+$|^\d+$/, { error: 'must be a project path (group/name) or id' })).default([]),
    incidentLabel: z.string().min(1).default('incident'),
    backfillHorizonDays: z.coerce.number().int().positive().default(30),
  }),
  pagerduty: z.strictObject({
    /** A read-only REST API key (Token token=…). */
    token: z.string().min(1).optional(),
    apiUrl: z.url().default('https://api.pagerduty.com'),
    /** Signing secrets of the v3 webhook subscription; several while one is rotated out. */
    webhookSecrets: z.array(z.string().min(1)).default([]),
    /** PagerDuty service id → Waymark service name, used when no catalog-info.yaml annotation names the id. */
    services: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** How far back a first sync reads incidents. */
    backfillDays: z.coerce.number().int().positive().max(3650).default(180),
    /** The widest since/until window per request; PagerDuty refuses more than 6 months. */
    windowDays: z.coerce.number().int().positive().max(180).default(180),
    /** Cron expression (UTC) for scheduled syncs by the worker. */
    schedule: z.string().min(1).optional(),
  }),
  cdevents: z.strictObject({
    /** An artifact's purl name, a CDEvents service id, a pipeline name or a repository id → Waymark service. */
    services: z.record(z.string().min(1), z.string().min(1)).default({}),
  }),
  git: z.strictObject({
    backfillHorizonDays: z.coerce.number().int().positive().default(30),
  }),
  log: z.strictObject({
    level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  }),
});

export type Config = z.infer<typeof ZConfig>;

/** Config paths whose values are secrets: never logged, never sent to a page. */
export const SECRET_PATHS = [
  'database.url',
  'github.token',
  'github.privateKey',
  'github.webhookSecret',
  'gitlab.token',
  'gitlab.webhookToken',
  'gitlab.webhookSigningToken',
  'pagerduty.token',
  'pagerduty.webhookSecrets',
] as const;

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
    maxBodyBytes: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
    requireReadToken: z.boolean().default(false),
    /** Background jobs `waymark serve` runs itself: all (syncs, schedule, webhooks), webhooks only, or none. */
    worker: z.enum(['all', 'webhooks', 'off']).default('all'),
    /** Address to listen on. Unset: every address with sign-in configured, 127.0.0.1 without (see allowAnonymous). */
    host: z.string().min(1).optional(),
    /** Serve without sign-in on an address other than loopback: the dashboard is then open to whoever reaches it. */
    allowAnonymous: z.boolean().default(false),
    /** The address users reach Waymark at (https://waymark.example.com): the sign-in redirect URI and CSRF origin. */
    publicUrl: z.url().optional(),
  }),
  metrics: z.strictObject({
    productionEnvironmentPattern: regex.default('^(prod|production)$'),
    attributionWindowHours: z.coerce.number().positive().default(168),
    defaultWindowDays: z.coerce.number().int().positive().default(90),
    reworkLabels: z.array(z.string().min(1)).default(['bug', 'hotfix']),
    /** The 2025 benchmark group scopes are placed in: `industry:<key>` or `size:<key>` (METRICS.md, "Benchmarks"). */
    benchmark: z
      .string()
      .regex(/^(industry|size):[a-z0-9_]+$/, { error: 'must be industry:<group> or size:<group>, e.g. industry:all' })
      .default('industry:all'),
    /** The DORA edition pages and the CLI lead with: 2025 scores, the 2024 cluster or the 2023 bands. */
    edition: z.enum(['2023', '2024', '2025']).default('2025'),
    /** Team figures by the owner at each event's time (`history`), or all of a service's history on today's team. */
    teamOwners: z.enum(['history', 'current']).default('history'),
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
    /** The furthest an owner's exemption request may run. */
    exemptionMaxDays: z.coerce.number().int().positive().default(90),
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
    projects: z
      .array(z.string().regex(/^[^\s/]+(\/[^\s/]+)+$|^\d+$/, { error: 'must be a project path (group/name) or id' }))
      .default([]),
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
  incidentIo: z.strictObject({
    /** An API key that can view incidents (Authorization: Bearer …). */
    token: z.string().min(1).optional(),
    apiUrl: z.url().default('https://api.incident.io'),
    /** `whsec_` signing secrets of the webhook endpoint; several while one is rotated out. */
    webhookSecrets: z.array(z.string().min(1)).default([]),
    /** incident.io catalog entry id or external id → Waymark service, when no catalog-info.yaml annotation names it. */
    services: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Custom fields whose catalog entries are the incident's services. */
    serviceFields: z.array(z.string().min(1)).min(1).default(['Affected services']),
    /** How far back a first sync reads incidents. */
    backfillDays: z.coerce.number().int().positive().max(3650).default(365),
    /** Cron expression (UTC) for scheduled syncs by the worker. */
    schedule: z.string().min(1).optional(),
  }),
  backstage: z.strictObject({
    /** The Backstage backend's base URL (its backend.baseUrl); the catalog API is at `/api/catalog` under it. */
    url: z.url().optional(),
    /** A static token Backstage accepts (backend.auth.externalAccess, type static), sent as a bearer token. */
    token: z.string().min(1).optional(),
    /** Entities per page of `/entities/by-query`. */
    pageSize: z.coerce.number().int().positive().max(1000).default(500),
    /** Cron expression (UTC) for scheduled syncs by the worker. */
    schedule: z.string().min(1).optional(),
  }),
  cdevents: z.strictObject({
    /** An artifact's purl name, a CDEvents service id, a pipeline name or a repository id → Waymark service. */
    services: z.record(z.string().min(1), z.string().min(1)).default({}),
  }),
  git: z.strictObject({
    backfillHorizonDays: z.coerce.number().int().positive().default(30),
    /**
     * Services of monorepos, when their folders have no catalog-info.yaml to find them by: each names its repository
     * (`owner/name` as the origin remote says, or the folder name), its paths and optionally its tag glob. The GitHub
     * source reads the same list (one place for a repository's services, whichever source reads it).
     */
    services: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1),
          repository: z.string().trim().min(1),
          paths: z.array(z.string().trim().min(1)).min(1),
          tags: z.string().trim().min(1).optional(),
        }),
      )
      .default([]),
  }),
  auth: z.strictObject({
    /** OpenID Connect sign-in; configured when issuer and clientId are set (README, "Sign-in"). */
    oidc: z
      .strictObject({
        issuer: z.url().optional(),
        clientId: z.string().min(1).optional(),
        clientSecret: z.string().min(1).optional(),
        scopes: z.array(z.string().min(1)).default(['openid', 'profile', 'email']),
        /** The ID-token claim that lists the user's groups (Okta, Keycloak: groups; Entra: groups, as object ids). */
        groupsClaim: z.string().min(1).default('groups'),
        /**
         * Sign-out also ends the session at the provider (OpenID Connect RP-Initiated Logout 1.0, its
         * end_session_endpoint), coming back to `<publicUrl>/`, which must be registered there as a post-logout URI.
         */
        signOutAtProvider: z.boolean().default(false),
      })
      .prefault({})
      .refine((oidc) => Boolean(oidc.issuer) === Boolean(oidc.clientId), {
        error: 'issuer and clientId are set together',
      }),
    /** Groups (from groupsClaim) that give roles; every signed-in user is at least a viewer. */
    roles: z
      .strictObject({
        admin: z.array(z.string().min(1)).default([]),
        platform: z.array(z.string().min(1)).default([]),
        /** group → team: the group's members own the team's services. */
        owners: z.record(z.string().min(1), z.string().min(1)).default({}),
      })
      .prefault({}),
    session: z
      .strictObject({
        /** A session not used for this long ends. */
        idleMinutes: z.coerce.number().int().positive().default(480),
        /** A session ends this long after sign-in, used or not. */
        absoluteHours: z.coerce.number().int().positive().default(24),
      })
      .prefault({}),
  }),
  /** Messages when a service starts failing a check it passed, and when it passes again (README, "Notifications"). */
  notifications: z.strictObject({
    slack: z
      .strictObject({
        /** A bot token with chat:write (xoxb-…). */
        token: z.string().min(1).optional(),
        /** Team → channel; `*` is every other team's (and services without a team). */
        channels: z.record(z.string().min(1), z.string().min(1)).default({}),
        /** Slack's Web API base URL (tests point it at a local server). */
        apiUrl: z.url().default('https://slack.com/api/'),
      })
      .prefault({}),
    email: z
      .strictObject({
        /** smtp://user:pass@host:587 or smtps://…:465 (nodemailer's connection URL). */
        smtpUrl: z.string().min(1).optional(),
        from: z.string().min(1).default('Waymark <waymark@localhost>'),
        /** Team → addresses; `*` is every other team's. */
        to: z.record(z.string().min(1), z.array(z.string().min(3))).default({}),
      })
      .prefault({}),
    /** Every message, as JSON, to one URL, signed the Standard Webhooks way (webhook-id, -timestamp, -signature). */
    webhook: z
      .strictObject({
        url: z.url({ protocol: /^https?$/ }).optional(),
        /** `whsec_` and base64, as Standard Webhooks secrets are written. */
        secret: z
          .string()
          .regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, { error: 'must be whsec_ followed by base64' })
          .optional(),
      })
      .prefault({})
      .refine((hook) => Boolean(hook.url) === Boolean(hook.secret), { error: 'url and secret are set together' }),
    /** How often the server looks for new check results to announce. */
    intervalSeconds: z.coerce.number().int().positive().default(60),
    /** Days before a running campaign's deadline when teams with services not done are reminded (each mark once). */
    campaignReminderDays: z.array(z.int().min(0).max(365)).default([7, 1]),
    /** The hour (UTC) on Monday from which each team's weekly digest is sent; null: no digest. */
    digestHourUtc: z.coerce.number().int().min(0).max(23).nullable().default(8),
    /**
     * A team's weekly figure beyond a line for `weeks` weeks in a row: one message when it crosses, one when it is back
     * within `recoverAt` (hysteresis; default the line itself). Evaluated with the digest, on Monday.
     */
    thresholds: z
      .array(
        z
          .strictObject({
            metric: z.enum([
              'deploymentsPerWeek',
              'leadTimeP50Hours',
              'changeFailureRate',
              'recoveryTimeP50Hours',
              'reworkRate',
            ]),
            above: z.number().optional(),
            below: z.number().optional(),
            weeks: z.int().min(1).max(12).default(2),
            recoverAt: z.number().optional(),
          })
          .refine((line) => (line.above === undefined) !== (line.below === undefined), {
            error: 'give exactly one of above and below',
          }),
      )
      .default([]),
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
  'incidentIo.token',
  'incidentIo.webhookSecrets',
  'backstage.token',
  'auth.oidc.clientSecret',
  'notifications.slack.token',
  'notifications.email.smtpUrl',
  'notifications.webhook.secret',
] as const;

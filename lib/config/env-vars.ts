/**
 * The environment variables Waymark reads, and the config key each one sets.
 * An env var wins over the same key in waymark.yaml.
 */
export const ENV_VARS: ReadonlyArray<{
  name: string;
  path: string;
  kind: 'string' | 'boolean' | 'list';
  description: string;
}> = [
  {
    name: 'DATABASE_URL',
    path: 'database.url',
    kind: 'string',
    description: 'Postgres server URL; unset means the embedded PGlite database.',
  },
  {
    name: 'WAYMARK_DATA_DIR',
    path: 'database.dataDir',
    kind: 'string',
    description: 'Folder of the embedded database (default .waymark/data).',
  },
  {
    name: 'PORT',
    path: 'server.port',
    kind: 'string',
    description: 'HTTP port of `npm start` / `waymark serve` (default 3000).',
  },
  {
    name: 'WAYMARK_MAX_BODY_BYTES',
    path: 'server.maxBodyBytes',
    kind: 'string',
    description: 'Largest accepted request body in bytes (default 10485760).',
  },
  {
    name: 'WAYMARK_REQUIRE_READ_TOKEN',
    path: 'server.requireReadToken',
    kind: 'boolean',
    description: 'When true, reading needs a token too: the read APIs, and the pages unless sign-in is configured.',
  },
  {
    name: 'WAYMARK_SERVE_WORKER',
    path: 'server.worker',
    kind: 'string',
    description: 'Jobs `npm start` runs in-process: all, webhooks or off (default all).',
  },
  {
    name: 'WAYMARK_HOST',
    path: 'server.host',
    kind: 'string',
    description: 'Address to listen on (default: all with sign-in configured, else 127.0.0.1).',
  },
  {
    name: 'WAYMARK_ALLOW_ANONYMOUS',
    path: 'server.allowAnonymous',
    kind: 'boolean',
    description: 'Serve without sign-in on a non-loopback address (the dashboard is then open).',
  },
  {
    name: 'WAYMARK_PUBLIC_URL',
    path: 'server.publicUrl',
    kind: 'string',
    description: 'Address users reach Waymark at: sign-in redirect URI and CSRF origin.',
  },
  {
    name: 'WAYMARK_OIDC_ISSUER',
    path: 'auth.oidc.issuer',
    kind: 'string',
    description: 'OpenID Connect issuer URL (enables sign-in with WAYMARK_OIDC_CLIENT_ID).',
  },
  {
    name: 'WAYMARK_OIDC_CLIENT_ID',
    path: 'auth.oidc.clientId',
    kind: 'string',
    description: 'OpenID Connect client id.',
  },
  {
    name: 'WAYMARK_SLACK_TOKEN',
    path: 'notifications.slack.token',
    kind: 'string',
    description: 'Slack bot token (chat:write) for notifications (secret).',
  },
  {
    name: 'WAYMARK_SMTP_URL',
    path: 'notifications.email.smtpUrl',
    kind: 'string',
    description: 'SMTP connection URL for e-mail notifications (secret: it holds the password).',
  },
  {
    name: 'WAYMARK_NOTIFY_WEBHOOK_URL',
    path: 'notifications.webhook.url',
    kind: 'string',
    description: 'URL that receives every notification as signed JSON.',
  },
  {
    name: 'WAYMARK_NOTIFY_WEBHOOK_SECRET',
    path: 'notifications.webhook.secret',
    kind: 'string',
    description: 'whsec_ secret that signs notification webhooks (secret).',
  },
  {
    name: 'WAYMARK_OIDC_CLIENT_SECRET',
    path: 'auth.oidc.clientSecret',
    kind: 'string',
    description: 'OpenID Connect client secret (secret).',
  },
  {
    name: 'WAYMARK_PRODUCTION_PATTERN',
    path: 'metrics.productionEnvironmentPattern',
    kind: 'string',
    description: 'Case-insensitive regex of production environments (default ^(prod|production)$).',
  },
  {
    name: 'WAYMARK_ATTRIBUTION_WINDOW_HOURS',
    path: 'metrics.attributionWindowHours',
    kind: 'string',
    description: 'How long after a deployment an incident is attributed to it (default 168).',
  },
  {
    name: 'WAYMARK_DEFAULT_WINDOW_DAYS',
    path: 'metrics.defaultWindowDays',
    kind: 'string',
    description: 'Default metrics window in days (default 90).',
  },
  {
    name: 'WAYMARK_REWORK_LABELS',
    path: 'metrics.reworkLabels',
    kind: 'list',
    description: 'Comma-separated pull-request labels that mark a hotfix (default bug,hotfix).',
  },
  {
    name: 'WAYMARK_BENCHMARK',
    path: 'metrics.benchmark',
    kind: 'string',
    description: '2025 benchmark group: industry:<group> or size:<group> (default industry:all).',
  },
  {
    name: 'WAYMARK_EDITION',
    path: 'metrics.edition',
    kind: 'string',
    description: 'DORA edition pages and the CLI lead with: 2025, 2024 or 2023 (default 2025).',
  },
  {
    name: 'WAYMARK_DEMO',
    path: 'demo.mode',
    kind: 'string',
    description: '`auto` loads the demo organization into an empty embedded database; `off` never does.',
  },
  {
    name: 'WAYMARK_STANDARDS',
    path: 'standards.path',
    kind: 'string',
    description: 'Path of the golden-path standards file (default ./golden-path.yaml when present).',
  },
  { name: 'GITHUB_TOKEN', path: 'github.token', kind: 'string', description: 'GitHub token for polling (secret).' },
  {
    name: 'GITHUB_API_URL',
    path: 'github.apiUrl',
    kind: 'string',
    description: 'GitHub API base URL; set it for GitHub Enterprise Server.',
  },
  { name: 'GITHUB_APP_ID', path: 'github.appId', kind: 'string', description: 'GitHub App id (instead of a token).' },
  {
    name: 'GITHUB_APP_PRIVATE_KEY',
    path: 'github.privateKey',
    kind: 'string',
    description: 'GitHub App private key, PEM (secret).',
  },
  {
    name: 'GITHUB_APP_INSTALLATION_ID',
    path: 'github.installationId',
    kind: 'string',
    description: 'GitHub App installation id.',
  },
  {
    name: 'GITHUB_WEBHOOK_SECRET',
    path: 'github.webhookSecret',
    kind: 'string',
    description: 'Secret that signs GitHub webhook deliveries (secret).',
  },
  {
    name: 'GITHUB_ORG',
    path: 'github.org',
    kind: 'string',
    description: 'Organization to sync when no --org is given.',
  },
  {
    name: 'WAYMARK_GITLAB_TOKEN',
    path: 'gitlab.token',
    kind: 'string',
    description: 'GitLab personal, group or project access token, read_api scope (secret).',
  },
  {
    name: 'WAYMARK_GITLAB_WEBHOOK_TOKEN',
    path: 'gitlab.webhookToken',
    kind: 'string',
    description: 'Secret token GitLab sends in X-Gitlab-Token with webhooks (secret).',
  },
  {
    name: 'WAYMARK_GITLAB_WEBHOOK_SIGNING_TOKEN',
    path: 'gitlab.webhookSigningToken',
    kind: 'string',
    description: 'Signing token of signed GitLab webhooks, checked in webhook-signature (secret).',
  },
  {
    name: 'WAYMARK_PAGERDUTY_TOKEN',
    path: 'pagerduty.token',
    kind: 'string',
    description: 'PagerDuty REST API key, read-only is enough (secret).',
  },
  {
    name: 'WAYMARK_PAGERDUTY_API_URL',
    path: 'pagerduty.apiUrl',
    kind: 'string',
    description: 'PagerDuty REST API base URL (default https://api.pagerduty.com; EU: https://api.eu.pagerduty.com).',
  },
  {
    name: 'WAYMARK_PAGERDUTY_WEBHOOK_SECRETS',
    path: 'pagerduty.webhookSecrets',
    kind: 'list',
    description: 'Comma-separated signing secrets of the PagerDuty v3 webhook subscription (secret).',
  },
  {
    name: 'WAYMARK_PAGERDUTY_BACKFILL_DAYS',
    path: 'pagerduty.backfillDays',
    kind: 'string',
    description: 'How many days of incidents a first PagerDuty sync reads (default 180).',
  },
  {
    name: 'WAYMARK_INCIDENT_IO_TOKEN',
    path: 'incidentIo.token',
    kind: 'string',
    description: 'incident.io API key that can view incidents (secret).',
  },
  {
    name: 'WAYMARK_INCIDENT_IO_API_URL',
    path: 'incidentIo.apiUrl',
    kind: 'string',
    description: 'incident.io API base URL (default https://api.incident.io).',
  },
  {
    name: 'WAYMARK_INCIDENT_IO_WEBHOOK_SECRETS',
    path: 'incidentIo.webhookSecrets',
    kind: 'list',
    description: 'Comma-separated whsec_ signing secrets of the incident.io webhook endpoint (secret).',
  },
  {
    name: 'WAYMARK_INCIDENT_IO_BACKFILL_DAYS',
    path: 'incidentIo.backfillDays',
    kind: 'string',
    description: 'How many days of incidents a first incident.io sync reads (default 365).',
  },
  {
    name: 'WAYMARK_BACKSTAGE_URL',
    path: 'backstage.url',
    kind: 'string',
    description: 'Backstage backend base URL whose catalog `waymark ingest backstage` reads.',
  },
  {
    name: 'WAYMARK_BACKSTAGE_TOKEN',
    path: 'backstage.token',
    kind: 'string',
    description: 'Static token the Backstage backend accepts (externalAccess), sent as a bearer token (secret).',
  },
  { name: 'LOG_LEVEL', path: 'log.level', kind: 'string', description: 'debug, info, warn or error (default info).' },
];

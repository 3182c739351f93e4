import type { CommandEntry } from '../command';

/**
 * Every CLI command, in the order `waymark --help` lists them. A command's module (and what it imports: the database,
 * the forge clients, Next) loads only when that command runs, so `--help` and each command start with what they use.
 */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'serve',
    summary: 'Apply migrations and serve the dashboard (what `npm start` runs)',
    load: async () => (await import('./serve')).serveCommand,
  },
  {
    name: 'worker',
    summary: 'Run background jobs: repository syncs, scheduled syncs, webhook normalization (Postgres)',
    load: async () => (await import('./worker')).workerCommand,
  },
  {
    name: 'migrate',
    summary: 'Apply database migrations',
    load: async () => (await import('./migrate')).migrateCommand,
  },
  {
    name: 'ingest events',
    summary: 'Import events-v1 records (NDJSON) from a file or stdin',
    load: async () => (await import('./ingest-events')).ingestEventsCommand,
  },
  {
    name: 'ingest git',
    summary: 'Read deployments, commits and facts from a local git repository',
    load: async () => (await import('./ingest-git')).ingestGitCommand,
  },
  {
    name: 'ingest github',
    summary: 'Sync deployments, runs, pull requests, incidents and facts from GitHub',
    load: async () => (await import('./ingest-github')).ingestGithubCommand,
  },
  {
    name: 'ingest gitlab',
    summary: 'Sync deployments, merge requests, pipelines and incidents from GitLab',
    load: async () => (await import('./ingest-gitlab')).ingestGitlabCommand,
  },
  {
    name: 'renormalize',
    summary: 'Re-run the normalizers over stored raw payloads and rewrite the domain rows',
    load: async () => (await import('./renormalize')).renormalizeCommand,
  },
  {
    name: 'ingest pagerduty',
    summary: 'Sync incidents and their log entries from PagerDuty',
    load: async () => (await import('./ingest-pagerduty')).ingestPagerdutyCommand,
  },
  {
    name: 'ingest incident-io',
    summary: 'Sync incidents from incident.io',
    load: async () => (await import('./ingest-incident-io')).ingestIncidentIoCommand,
  },
  {
    name: 'ingest cdevents',
    summary: 'Import CDEvents (v0.5) from a JSON or NDJSON file',
    load: async () => (await import('./ingest-cdevents')).ingestCdeventsCommand,
  },
  {
    name: 'ingest backstage',
    summary: 'Sync services, teams and owners from a Backstage catalog',
    load: async () => (await import('./ingest-backstage')).ingestBackstageCommand,
  },
  {
    name: 'demo',
    summary: 'Load the demo organization (or remove it with --reset)',
    load: async () => (await import('./demo')).demoCommand,
  },
  {
    name: 'metrics',
    summary: 'Print the DORA metrics of a service, a team or the organization',
    load: async () => (await import('./metrics')).metricsCommand,
  },
  {
    name: 'score',
    summary: 'Evaluate services against the golden-path standards and show their scorecards',
    load: async () => (await import('./score')).scoreCommand,
  },
  {
    name: 'score rebuild',
    summary: 'Rebuild scorecard history from fact history, day by day',
    load: async () => (await import('./score')).scoreRebuildCommand,
  },
  {
    name: 'todo',
    summary: "Print a service's (or a team's services') to-do list: the failing checks to fix for the next level",
    load: async () => (await import('./todo')).todoCommand,
  },
  {
    name: 'impact',
    summary: 'Did adopting each golden-path check go with better delivery?',
    load: async () => (await import('./impact')).impactCommand,
  },
  {
    name: 'token create',
    summary: 'Create an API token for the write endpoints',
    load: async () => (await import('./token')).tokenCreateCommand,
  },
  {
    name: 'token list',
    summary: 'List API tokens (never their secrets)',
    load: async () => (await import('./token')).tokenListCommand,
  },
  {
    name: 'token revoke',
    summary: 'Revoke an API token',
    load: async () => (await import('./token')).tokenRevokeCommand,
  },
  {
    name: 'role grant',
    summary: "Give a signed-in user a role beyond their groups' (from their next sign-in)",
    load: async () => (await import('./role')).roleGrantCommand,
  },
  {
    name: 'role revoke',
    summary: 'Take back a role granted with `role grant`',
    load: async () => (await import('./role')).roleRevokeCommand,
  },
];

import type { Command } from '../command';
import { demoCommand } from './demo';
import { impactCommand } from './impact';
import { ingestBackstageCommand } from './ingest-backstage';
import { ingestCdeventsCommand } from './ingest-cdevents';
import { ingestEventsCommand } from './ingest-events';
import { ingestGitCommand } from './ingest-git';
import { ingestGithubCommand } from './ingest-github';
import { ingestGitlabCommand } from './ingest-gitlab';
import { ingestIncidentIoCommand } from './ingest-incident-io';
import { ingestPagerdutyCommand } from './ingest-pagerduty';
import { metricsCommand } from './metrics';
import { migrateCommand } from './migrate';
import { renormalizeCommand } from './renormalize';
import { roleGrantCommand, roleRevokeCommand } from './role';
import { scoreCommand, scoreRebuildCommand } from './score';
import { serveCommand } from './serve';
import { todoCommand } from './todo';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from './token';
import { workerCommand } from './worker';

/** Every CLI command, in the order `waymark --help` lists them. */
export const COMMANDS: Command[] = [
  serveCommand,
  workerCommand,
  migrateCommand,
  ingestEventsCommand,
  ingestGitCommand,
  ingestGithubCommand,
  ingestGitlabCommand,
  renormalizeCommand,
  ingestPagerdutyCommand,
  ingestIncidentIoCommand,
  ingestCdeventsCommand,
  ingestBackstageCommand,
  demoCommand,
  metricsCommand,
  scoreCommand,
  scoreRebuildCommand,
  todoCommand,
  impactCommand,
  tokenCreateCommand,
  tokenListCommand,
  tokenRevokeCommand,
  roleGrantCommand,
  roleRevokeCommand,
];

import type { Command } from '../command';
import { demoCommand } from './demo';
import { ingestEventsCommand } from './ingest-events';
import { ingestGitCommand } from './ingest-git';
import { metricsCommand } from './metrics';
import { migrateCommand } from './migrate';
import { scoreCommand, scoreRebuildCommand } from './score';
import { serveCommand } from './serve';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from './token';

/** Every CLI command, in the order `waymark --help` lists them. */
export const COMMANDS: Command[] = [
  serveCommand,
  migrateCommand,
  ingestEventsCommand,
  ingestGitCommand,
  metricsCommand,
  demoCommand,
  scoreCommand,
  scoreRebuildCommand,
  tokenCreateCommand,
  tokenListCommand,
  tokenRevokeCommand,
];

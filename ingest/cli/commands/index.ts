import type { Command } from '../command';
import { ingestEventsCommand } from './ingest-events';
import { ingestGithubCommand } from './ingest-github';
import { migrateCommand } from './migrate';
import { serveCommand } from './serve';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from './token';
import { workerCommand } from './worker';

/** Every CLI command, in the order `waymark --help` lists them. */
export const COMMANDS: Command[] = [
  serveCommand,
  migrateCommand,
  ingestEventsCommand,
  ingestGithubCommand,
  workerCommand,
  tokenCreateCommand,
  tokenListCommand,
  tokenRevokeCommand,
];

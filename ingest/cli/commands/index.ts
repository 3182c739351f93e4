import type { Command } from '../command';
import { ingestEventsCommand } from './ingest-events';
import { metricsCommand } from './metrics';
import { migrateCommand } from './migrate';
import { serveCommand } from './serve';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from './token';

/** Every CLI command, in the order `waymark --help` lists them. */
export const COMMANDS: Command[] = [serveCommand, migrateCommand, ingestEventsCommand, metricsCommand, tokenCreateCommand, tokenListCommand, tokenRevokeCommand];

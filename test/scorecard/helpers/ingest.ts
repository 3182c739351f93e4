import type { Db } from '../../../lib/db/client';
import { importEvents } from '../../../ingest/sources/events/import-events';
import { asLines } from '../../helpers/event-input';

export type RepositoryFacts = { defaultBranch: string; headSha: string; paths: string[]; files: Record<string, string>; truncated: boolean };

/** Imports records through the public events-v1 contract, as a source without a connector (or the demo) would. */
export const importRecords = (db: Db, records: unknown[]) => importEvents({ db, input: asLines(records) });

export const serviceRecord = (name: string, extra: Record<string, unknown> = {}) => ({ kind: 'service', name, team: 'core', lifecycle: 'production', ...extra });

export const factsRecord = (service: string, collectedAt: Date, facts: { repository?: RepositoryFacts; branchProtection?: Record<string, unknown>; catalog?: Record<string, unknown>; errors?: Record<string, string> }) => ({
  kind: 'facts',
  service,
  collectedAt: collectedAt.toISOString(),
  ...facts,
});

let deploymentCounter = 0;

export const deploymentRecord = (service: string, finishedAt: Date, extra: Record<string, unknown> = {}) => ({
  kind: 'deployment',
  id: `${service}-d${++deploymentCounter}`,
  service,
  environment: 'production',
  status: 'success',
  finishedAt: finishedAt.toISOString(),
  ...extra,
});

export const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * 86_400_000);

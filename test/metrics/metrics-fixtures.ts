import type { Db } from '../../lib/db/client';
import { importEvents } from '../../ingest/sources/events/import-events';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import type { MetricsScope, MetricsSettings } from '../../lib/metrics/metrics-types';
import { asLines } from '../helpers/event-input';
import { HOUR_MS } from '../../lib/format/time-units';

/** Worked examples are written in hours after Monday 2026-03-02 00:00 UTC. */
export const BASE = Date.UTC(2026, 2, 2);
export const h = (hours: number) => new Date(BASE + hours * HOUR_MS).toISOString();

export const sha = (label: string) => Buffer.from(label).toString('hex').padEnd(40, '0').slice(0, 40);

export const deploy = (id: string, finishedHours: number, fields: Record<string, unknown> = {}) => ({
  kind: 'deployment',
  id,
  service: 'payments',
  environment: 'production',
  status: 'success',
  finishedAt: h(finishedHours),
  ...fields,
});

/** A commit (`label` becomes its sha) authored at the given hour. */
export const commit = (label: string, authoredHours: number) => ({ sha: sha(label), authoredAt: h(authoredHours) });

export const incident = (id: string, openedHours: number, resolvedHours: number | null, fields: Record<string, unknown> = {}) => ({
  kind: 'incident',
  id,
  service: 'payments',
  openedAt: h(openedHours),
  resolvedAt: resolvedHours === null ? null : h(resolvedHours),
  ...fields,
});

export const load = (db: Db, records: unknown[]) => importEvents({ db, input: asLines(records) });

/** The window [from, to) in hours after BASE. */
export const metricsFor = (db: Db, scope: MetricsScope, fromHours: number, toHours: number, settings: Partial<MetricsSettings> = {}) =>
  getDoraMetrics({ db, scope, window: { from: new Date(h(fromHours)), to: new Date(h(toHours)) }, settings });

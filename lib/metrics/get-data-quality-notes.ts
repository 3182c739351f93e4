import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { buildDoraCtes } from './build-dora-ctes';
import { buildScopeCondition } from './build-scope-condition';
import { getMetricsSettings } from './get-metrics-settings';
import { getRollupUsable } from './get-rollup-usable';
import type { MetricsScope, MetricsSettings, MetricsWindow, ScopedMetricsRead } from './metrics-types';
import { runMetricsQuery } from './run-metrics-query';
import { DAY_MS, DAY_SECONDS } from '../format/time-units';

/**
 * Why a figure may not be what it seems, in words and with the fix (METRICS.md, "Data-quality notes"):
 * - `old-samples`: lead-time samples of commits older than a year: history shipped by releases that were not read as
 *   deployments, or a long-lived branch;
 * - `first-deployment-in-window`: services whose first deployment falls inside the window (a week or more after its
 *   start), so their frequency counts days before they deployed at all;
 * - `few-tags-matched`: the last git ingest read fewer than half of a repository's tags as deployments.
 */
export type DataQualityNote = {
  kind: 'old-samples' | 'first-deployment-in-window' | 'few-tags-matched';
  text: string;
  fix: string;
};

const YEAR_SECONDS = 365 * DAY_SECONDS;
const NAMES_SHOWN = 3;
// A first deployment within a week of the window's start understates little; "all time" starts on that very day.
const GRACE_MS = 7 * DAY_MS;

type OldSamples = { samples: number; old: number; topDeployment: string | null; topCount: number; oldest: string | null };
type FirstInWindow = { service: string; first: string };
type TagMatch = { service: string; tags: number; unmatched: number };

const deploymentLabel = (sourceId: string, service: string) =>
  sourceId.startsWith(`${service}@`) ? `${service} ${sourceId.slice(service.length + 1)}` : sourceId;

const listNames = (names: string[]) =>
  names.length <= NAMES_SHOWN ? names.join(', ') : `${names.slice(0, NAMES_SHOWN).join(', ')} and ${names.length - NAMES_SHOWN} more`;

const readOldSamples = (db: Executor, scope: MetricsScope, window: MetricsWindow, settings: MetricsSettings, useRollup: boolean) =>
  runMetricsQuery<OldSamples & { topSourceId: string | null; topService: string | null }>(
    db,
    sql`${buildDoraCtes({ scope, windows: [window], groupBy: 'scope', settings, useRollup })},
old as (
  select deployment_id, count(*)::int as n, min(authored_at) as oldest from first_shipped
  where lead_seconds > ${YEAR_SECONDS} group by deployment_id
),
top as (select deployment_id, n from old order by n desc, deployment_id collate "C" limit 1)
select (select count(*)::int from first_shipped where lead_seconds >= 0) as samples,
       coalesce((select sum(n)::int from old), 0) as old,
       (select min(oldest)::text from old) as oldest,
       coalesce((select n from top), 0) as "topCount",
       (select d.source_id from top join deployments d on d.id = top.deployment_id) as "topSourceId",
       (select d.service from top join deployments d on d.id = top.deployment_id) as "topService"`,
  );

const readFirstInWindow = (db: Executor, scope: MetricsScope, window: MetricsWindow, pattern: string) =>
  queryRows<FirstInWindow>(
    db,
    sql`select s.name as service, f.first::text as first from services s
        cross join lateral (
          select min(d.finished_at) as first from deployments d
          where d.service = s.name and d.status = 'success' and d.finished_at is not null and d.environment ~* ${pattern}
        ) f
        where ${buildScopeCondition(scope, sql`s.name`)}
          and f.first >= ${new Date(window.from.getTime() + GRACE_MS).toISOString()}::timestamptz
          and f.first < ${window.to.toISOString()}::timestamptz
        order by s.name collate "C"`,
  );

// The tag counts the git source records on its run (ingest_runs.counts), latest successful run per service.
const readTagMatches = (db: Executor, scope: MetricsScope) =>
  queryRows<TagMatch>(
    db,
    sql`select distinct on (r.scope) r.scope as service, (r.counts->>'tags')::int as tags,
               (r.counts->>'tags not matching')::int as unmatched
        from ingest_runs r
        where r.source = 'git' and r.status = 'success' and r.counts ? 'tags' and ${buildScopeCondition(scope, sql`r.scope`)}
        order by r.scope, r.started_at desc`,
  );

const describeOldSamples = (row: OldSamples & { topSourceId: string | null; topService: string | null }): DataQualityNote[] => {
  if (row.old === 0) return [];
  const top = row.topSourceId && row.topService ? deploymentLabel(row.topSourceId, row.topService) : null;
  const carried = top ? `; ${formatCount(row.topCount, 'of them', 'of them')} first shipped in ${top}` : '';
  const since = row.oldest ? ` (the oldest from ${formatDate(row.oldest)})` : '';
  return [
    {
      kind: 'old-samples',
      text: `${formatCount(row.old, 'lead-time sample')} of ${formatCount(row.samples, 'is', 'are')} commits more than a year old${since}${carried}.`,
      fix:
        'If earlier releases were not read as deployments, widen the deployment rule (--deploy-tags, the production ' +
        'environment pattern); a long-lived branch (a next major version) does the same, and then p50 is the figure to read.',
    },
  ];
};

const describeFirstInWindow = (rows: FirstInWindow[]): DataQualityNote[] => {
  if (rows.length === 0) return [];
  const names = listNames(rows.map((row) => `${row.service} (${formatDate(row.first)})`));
  return [
    {
      kind: 'first-deployment-in-window',
      text: `${formatCount(rows.length, 'service')} first deployed inside this period: ${names}. Its days before that count as days without a deployment, so deployment frequency is understated.`,
      fix: 'Choose a period that starts after the first deployment, or import the earlier history.',
    },
  ];
};

const describeTagMatches = (rows: TagMatch[]): DataQualityNote[] => {
  const few = rows.filter((row) => row.tags > 0 && row.unmatched > row.tags / 2);
  if (few.length === 0) return [];
  const names = listNames(few.map((row) => `${row.service} (${formatCount(row.tags - row.unmatched, 'of', 'of')} ${formatCount(row.tags, 'tag')})`));
  return [
    {
      kind: 'few-tags-matched',
      text: `The deployment rule read fewer than half of the tags as deployments: ${names}.`,
      fix: 'If the other tags are releases, ingest again with --deploy-tags GLOB (see `waymark ingest git --help`).',
    },
  ];
};

/** The data-quality notes of a scope's figures over a window; empty when there is nothing to say. */
export const getDataQualityNotes = async ({ db, scope, window, settings }: ScopedMetricsRead): Promise<DataQualityNote[]> => {
  const resolved = getMetricsSettings(settings);
  const useRollup = await getRollupUsable(db, resolved);
  const [[old], first, tags] = await Promise.all([
    readOldSamples(db, scope, window, resolved, useRollup),
    readFirstInWindow(db, scope, window, resolved.productionEnvironmentPattern),
    readTagMatches(db, scope),
  ]);
  return [...describeOldSamples(old!), ...describeFirstInWindow(first), ...describeTagMatches(tags)];
};

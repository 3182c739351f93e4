import { getDoraSeries } from '../../metrics/get-dora-series';
import { getMetricsAnswer } from '../../metrics/get-metrics-answer';
import { listChanges } from '../../metrics/list-changes';
import { listDeployments } from '../../metrics/list-deployments';
import { listIncidents } from '../../metrics/list-incidents';
import { parseMetricsQuery, ZMetricsQuery, type MetricsQueryKey } from '../../metrics/parse-metrics-query';
import { defineApiEndpoint } from '../define-api-endpoint';
import { toPageSchema } from '../schemas/page-schema';
import {
  ZDoraSeries,
  ZMetricsAnswer,
  ZListedChange,
  ZListedDeployment,
  ZListedIncident,
} from '../schemas/metrics-schemas';

// The metrics endpoints take the metrics query of the CLI and the pages (parseMetricsQuery: scope, window, defaults);
// the query schema below is the same ZMetricsQuery, cut to each endpoint's keys, so the document lists exactly those.
const metricsQuery = (keys: MetricsQueryKey[]) => {
  const picked = Object.fromEntries(
    ['service', 'team', 'owners', 'from', 'to', ...keys].map((key) => [key, true]),
  ) as Record<MetricsQueryKey, true>;
  return ZMetricsQuery.pick(picked);
};

export const metricsEndpoint = defineApiEndpoint({
  path: '/api/v1/metrics',
  operationId: 'getMetrics',
  summary:
    'DORA figures of a service, a team or the organization over a window: every edition (2023 bands, 2024 cluster, ' +
    '2025 model), with their data-quality notes',
  tag: 'metrics',
  query: metricsQuery(['edition', 'benchmark']),
  readQuery: (raw) => parseMetricsQuery(raw, ['edition', 'benchmark']),
  paged: false,
  response: ZMetricsAnswer,
  answer: ({ db, raw }) => {
    const { scope, window, settings, edition, benchmark } = parseMetricsQuery(raw, ['edition', 'benchmark']);
    return getMetricsAnswer({ db, scope, window, settings, edition, benchmark });
  },
});

export const seriesEndpoint = defineApiEndpoint({
  path: '/api/v1/metrics/series',
  operationId: 'getMetricsSeries',
  summary: 'The same figures per ISO week or calendar month of the window',
  tag: 'metrics',
  query: metricsQuery(['bucket', 'edition', 'benchmark']),
  readQuery: (raw) => parseMetricsQuery(raw, ['bucket', 'edition', 'benchmark']),
  paged: false,
  response: ZDoraSeries,
  answer: ({ db, raw }) => {
    const { scope, window, settings, bucket, edition, benchmark } = parseMetricsQuery(raw, [
      'bucket',
      'edition',
      'benchmark',
    ]);
    return getDoraSeries({ db, scope, window, settings, bucket: bucket ?? 'week', edition, benchmark });
  },
});

export const deploymentsEndpoint = defineApiEndpoint({
  path: '/api/v1/metrics/deployments',
  operationId: 'listDeployments',
  summary: 'The deployments behind the figures, newest first',
  tag: 'metrics',
  query: metricsQuery(['failed', 'rework']),
  readQuery: (raw) => parseMetricsQuery(raw, ['failed', 'rework']),
  paged: true,
  response: toPageSchema(ZListedDeployment, 'DeploymentPage'),
  answer: ({ db, raw, page }) => {
    const { scope, window, settings, failed, rework } = parseMetricsQuery(raw, ['failed', 'rework']);
    return listDeployments({ db, scope, window, settings, filter: { failed, rework }, ...page });
  },
});

export const changesEndpoint = defineApiEndpoint({
  path: '/api/v1/metrics/changes',
  operationId: 'listChanges',
  summary: 'The commits behind the lead time, each with its lead time, longest first',
  tag: 'metrics',
  query: metricsQuery(['deployment', 'dropped']),
  readQuery: (raw) => parseMetricsQuery(raw, ['deployment', 'dropped']),
  paged: true,
  response: toPageSchema(ZListedChange, 'ChangePage'),
  answer: ({ db, raw, page }) => {
    const { scope, window, settings, deployment, dropped } = parseMetricsQuery(raw, ['deployment', 'dropped']);
    return listChanges({ db, scope, window, settings, filter: { deploymentId: deployment, dropped }, ...page });
  },
});

export const incidentsEndpoint = defineApiEndpoint({
  path: '/api/v1/metrics/incidents',
  operationId: 'listIncidents',
  summary: 'The incidents behind time to restore, or behind the failures',
  tag: 'metrics',
  query: metricsQuery(['of']),
  readQuery: (raw) => parseMetricsQuery(raw, ['of']),
  paged: true,
  response: toPageSchema(ZListedIncident, 'IncidentPage'),
  answer: ({ db, raw, page }) => {
    const { scope, window, settings, of } = parseMetricsQuery(raw, ['of']);
    return listIncidents({ db, scope, window, settings, filter: { of }, ...page });
  },
});

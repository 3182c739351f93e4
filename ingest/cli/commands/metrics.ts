import { comparePeriods } from '../../../lib/metrics/compare-periods';
import { describePeriodChange, toPreviousWindow } from '../../../lib/metrics/describe-period-change';
import { getDeploymentSpan } from '../../../lib/catalog/get-deployment-span';
import { formatDate } from '../../../lib/format/format-date';
import { getDoraMetrics } from '../../../lib/metrics/get-dora-metrics';
import { getMetricsAnswer, type MetricsAnswer } from '../../../lib/metrics/get-metrics-answer';
import { formatDeployFrequency } from '../../../lib/metrics/format-deploy-frequency';
import { formatRate } from '../../../lib/metrics/format-rate';
import { formatSeconds } from '../../../lib/metrics/format-seconds';
import { formatBenchmarkPosition } from '../../../lib/metrics/format-benchmark-position';
import { formatNotEnough } from '../../../lib/metrics/format-not-enough';
import { formatScore } from '../../../lib/metrics/format-score';
import { formatTier } from '../../../lib/metrics/format-tier';
import type { ModelMetricKey } from '../../../lib/metrics/dora-2025-model';
import { pickMetricScore } from '../../../lib/metrics/pick-metric-score';
import type { DoraMetrics, Edition, Tier } from '../../../lib/metrics/metrics-types';
import { parseMetricsQuery } from '../../../lib/metrics/parse-metrics-query';
import { usageError } from '../cli-error';
import { defineCommand } from '../command';
import { openCommandDb } from '../open-command-db';
import { DAY_MS } from '../../../lib/format/time-units';

const describeScope = (scope: DoraMetrics['scope']) =>
  'service' in scope
    ? `service ${scope.service}`
    : 'team' in scope
      ? `team ${scope.team}`
      : 'services' in scope
        ? `services ${scope.services.join(', ')}`
        : 'the organization';

type Row = [string, string, string, string, string];

const render = (header: Row, rows: Row[]) => {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
};

/** The last column by edition: the 2025 answer and score, or the 2023 band; a small sample says so instead. */
const grade = (m: DoraMetrics, key: ModelMetricKey, tier: Tier | null | undefined) => {
  if (!m.samples[key].enough) return m.samples[key].n === 0 ? '' : formatNotEnough(m.samples[key]);
  if (m.edition === '2023') return tier === undefined ? '' : formatTier(tier);
  if (m.edition === '2024') return '';
  const { bucket, score } = pickMetricScore(m, key);
  return bucket ? `${formatScore(score)} (${bucket.label})` : '';
};

const renderTable = (m: MetricsAnswer, previous: DoraMetrics) => {
  const days = (Date.parse(m.window.to) - Date.parse(m.window.from)) / DAY_MS;
  const shownDays = Math.round(days * 10) / 10;
  const change = (key: ModelMetricKey) => describePeriodChange(comparePeriods(key, m, previous), shownDays);
  const f = m.deploymentFrequency;
  // The 2023 frequency band is graded on deployment days per week, so that is the figure shown beside it.
  const frequency =
    m.edition === '2023' && f.medianDeployDaysPerWeek !== null
      ? `median ${f.medianDeployDaysPerWeek} deploy days/week`
      : formatDeployFrequency(f.perDay);
  const rows: Row[] = [
    [
      'Deployment frequency',
      frequency,
      `${f.deployments} deployments`,
      change('deploymentFrequency'),
      grade(m, 'deploymentFrequency', f.tier),
    ],
    [
      'Lead time for changes',
      `p50 ${formatSeconds(m.leadTime.p50Seconds)}, p90 ${formatSeconds(m.leadTime.p90Seconds)}`,
      `${m.leadTime.changes} changes`,
      change('leadTime'),
      grade(m, 'leadTime', m.leadTime.tier),
    ],
    [
      'Failed deployment recovery',
      `p50 ${formatSeconds(m.recoveryTime.p50Seconds)}`,
      `${m.recoveryTime.recovered} of ${m.recoveryTime.failed} recovered`,
      change('recoveryTime'),
      grade(m, 'recoveryTime', m.recoveryTime.tier),
    ],
    [
      'Change failure rate',
      formatRate(m.changeFailureRate.rate),
      `${m.changeFailureRate.failed} of ${m.changeFailureRate.deployments} failed`,
      change('changeFailureRate'),
      grade(m, 'changeFailureRate', m.changeFailureRate.tier),
    ],
    [
      'Deployment rework rate',
      formatRate(m.reworkRate.rate),
      `${m.reworkRate.rework} of ${m.reworkRate.deployments}`,
      change('reworkRate'),
      grade(m, 'reworkRate', undefined),
    ],
    [
      'Time to restore service',
      `p50 ${formatSeconds(m.timeToRestore.p50Seconds)}`,
      `${m.timeToRestore.incidents} incidents`,
      '',
      '',
    ],
  ];
  const lastColumn = m.edition === '2025' ? 'DORA 2025 score (answer)' : m.edition === '2023' ? 'DORA 2023 band' : '';
  const { throughput, instability } = m.factors;
  const summary =
    m.edition === '2025'
      ? [
          `DORA 2025: overall ${formatScore(m.overall)}, throughput ${formatScore(throughput.score)} (${throughput.scored} of 3 metrics), ` +
            `stability ${formatScore(instability.stabilityScore)} (${instability.scored} of 2 metrics), scored as the DORA Quick Check.`,
          `Against the 2025 benchmark "${m.benchmark.name}": overall ${formatBenchmarkPosition(m.benchmark.position.overall)}.`,
        ]
      : m.edition === '2024'
        ? [`DORA 2024 cluster: ${formatTier(m.cluster2024)}.`]
        : [];
  return [
    `DORA metrics for ${describeScope(m.scope)}, ${m.window.from} to ${m.window.to} (${shownDays} days)`,
    '',
    ...render(['Metric', 'Value', 'Samples', `vs previous ${shownDays} days`, lastColumn], rows),
    '',
    ...m.notes.map((note) => `Note: ${note}.`),
    ...m.dataQuality.map((note) => `Data quality: ${note.text} ${note.fix}`),
    ...summary,
  ].join('\n');
};

export const metricsCommand = defineCommand({
  usage:
    'waymark metrics [--service S | --team T [--owners current]] [--from DATE] [--to DATE] [--edition 2025|2024|2023] [--benchmark G] [--json]',
  help: [
    'Computes deployment frequency, lead time, change failure rate, recovery time, time to restore and rework rate',
    'over the half-open window [from, to) in UTC, as defined in METRICS.md.',
    '',
    'Options:',
    '  --service S   one service',
    '  --team T      all services of a team, pooled (a median over all their changes, not an average of services)',
    '                (neither: the whole organization); by default each event counts for the team that owned its',
    '                service at the time',
    "  --owners O    history (default, metrics.teamOwners) or current: a team's services as owned today, all history",
    '  --from DATE   start, inclusive: 2026-02-02 (UTC midnight) or 2026-02-02T00:00:00Z',
    '  --to DATE     end, exclusive (default: the next UTC midnight; the window is metrics.defaultWindowDays long)',
    '  --edition E   lead with the DORA 2025 scores (default, metrics.edition), the 2024 cluster or the 2023 bands',
    '  --benchmark G 2025 benchmark group: industry:<group> or size:<group> (default metrics.benchmark, industry:all)',
    '  --json        print exactly one JSON object, the same as GET /api/v1/metrics',
    '',
    'Example:',
    '  waymark metrics --team core --from 2026-02-02 --to 2026-05-04 --json',
  ].join('\n'),
  options: {
    service: { type: 'string' },
    team: { type: 'string' },
    owners: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    edition: { type: 'string' },
    benchmark: { type: 'string' },
    json: { type: 'boolean' },
  },
  run: async ({ values, positionals, stdout }) => {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    const { scope, window, settings, edition, benchmark } = parseMetricsQuery(
      {
        service: values.service as string | undefined,
        team: values.team as string | undefined,
        owners: values.owners as 'history' | 'current' | undefined,
        from: values.from as string | undefined,
        to: values.to as string | undefined,
        edition: values.edition as Edition | undefined,
        benchmark: values.benchmark as string | undefined,
      },
      ['edition', 'benchmark'],
    );
    const { db } = await openCommandDb('metrics');
    const metrics = await getMetricsAnswer({ db, scope, window, settings, edition, benchmark });
    if (values.json) {
      stdout.write(`${JSON.stringify(metrics)}\n`);
      return;
    }
    const previous = await getDoraMetrics({
      db,
      scope,
      window: toPreviousWindow(window),
      settings,
      edition,
      benchmark,
    });
    stdout.write(`${renderTable(metrics, previous)}\n`);
    if (metrics.deploymentFrequency.deployments === 0) {
      // An empty window of a scope that has deployments says where they are, as the pages do.
      const { first, last } = await getDeploymentSpan({ db, scope });
      if (first && last) {
        stdout.write(
          `No deployment in this window; the deployments run from ${formatDate(first)} to ${formatDate(last)}: ` +
            `try --from ${first.toISOString().slice(0, 10)}.\n`,
        );
      }
    }
  },
});

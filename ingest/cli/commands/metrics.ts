import { getDoraMetrics } from '../../../lib/metrics/get-dora-metrics';
import { formatDeployFrequency } from '../../../lib/metrics/format-deploy-frequency';
import { formatRate } from '../../../lib/metrics/format-rate';
import { formatSeconds } from '../../../lib/metrics/format-seconds';
import { formatTier } from '../../../lib/metrics/format-tier';
import type { DoraMetrics } from '../../../lib/metrics/metrics-types';
import { parseMetricsQuery } from '../../../lib/metrics/parse-metrics-query';
import { usageError } from '../cli-error';
import { defineCommand } from '../command';
import { openCommandDb } from '../open-command-db';

const describeScope = (scope: DoraMetrics['scope']) =>
  'service' in scope ? `service ${scope.service}` : 'team' in scope ? `team ${scope.team}` : 'services' in scope ? `services ${scope.services.join(', ')}` : 'the organization';

const renderTable = (m: DoraMetrics) => {
  const days = (Date.parse(m.window.to) - Date.parse(m.window.from)) / 86_400_000;
  const f = m.deploymentFrequency;
  const rows: [string, string, string, string][] = [
    ['Deployment frequency', formatDeployFrequency(f.perDay), `${f.deployments} deployments`, formatTier(f.tier)],
    ['Lead time for changes', `p50 ${formatSeconds(m.leadTime.p50Seconds)}, p90 ${formatSeconds(m.leadTime.p90Seconds)}`, `${m.leadTime.changes} changes`, formatTier(m.leadTime.tier)],
    ['Change failure rate', formatRate(m.changeFailureRate.rate), `${m.changeFailureRate.failed} of ${m.changeFailureRate.deployments} failed`, formatTier(m.changeFailureRate.tier)],
    ['Failed deployment recovery', `p50 ${formatSeconds(m.recoveryTime.p50Seconds)}`, `${m.recoveryTime.recovered} of ${m.recoveryTime.failed} recovered`, formatTier(m.recoveryTime.tier)],
    ['Time to restore service', `p50 ${formatSeconds(m.timeToRestore.p50Seconds)}`, `${m.timeToRestore.incidents} incidents`, ''],
    ['Deployment rework rate', formatRate(m.reworkRate.rate), `${m.reworkRate.rework} of ${m.reworkRate.deployments}`, ''],
  ];
  const header: [string, string, string, string] = ['Metric', 'Value', 'Samples', '2023 band'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [
    `DORA metrics for ${describeScope(m.scope)}, ${m.window.from} to ${m.window.to} (${Math.round(days * 10) / 10} days)`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `DORA 2024 cluster: ${formatTier(m.cluster2024)}.`,
  ].join('\n');
};

export const metricsCommand = defineCommand({
  name: 'metrics',
  summary: 'Print the DORA metrics of a service, a team or the organization',
  usage: 'waymark metrics [--service S | --team T] [--from DATE] [--to DATE] [--json]',
  help: [
    'Computes deployment frequency, lead time, change failure rate, recovery time, time to restore and rework rate',
    'over the half-open window [from, to) in UTC, as defined in METRICS.md.',
    '',
    'Options:',
    '  --service S   one service',
    '  --team T      all services of a team, pooled (a median over all their changes, not an average of services)',
    '                (neither: the whole organization)',
    '  --from DATE   start, inclusive: 2026-02-02 (UTC midnight) or 2026-02-02T00:00:00Z',
    '  --to DATE     end, exclusive (default: the next UTC midnight; the window is metrics.defaultWindowDays long)',
    '  --json        print exactly one JSON object, the same as GET /api/metrics',
    '',
    'Example:',
    '  waymark metrics --team core --from 2026-02-02 --to 2026-05-04 --json',
  ].join('\n'),
  options: { service: { type: 'string' }, team: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values, positionals, stdout }) => {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
    const { scope, window } = parseMetricsQuery({
      service: values.service as string | undefined,
      team: values.team as string | undefined,
      from: values.from as string | undefined,
      to: values.to as string | undefined,
    });
    const { db } = await openCommandDb('metrics');
    const metrics = await getDoraMetrics({ db, scope, window });
    stdout.write(values.json ? `${JSON.stringify(metrics)}\n` : `${renderTable(metrics)}\n`);
  },
});

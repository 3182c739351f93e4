import type { DescribedEffect } from '@/lib/impact/compute-subject-impact';
import { IMPACT_METRICS, type ImpactMetric, type Verdict } from '@/lib/impact/impact-types';
import { Badge } from '../../_components/ui/badge';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { IntervalPlot } from './interval-plot';

const FIGURES: Record<ImpactMetric, { label: string; events: string }> = {
  leadTimeP50Seconds: { label: 'Lead time (median)', events: 'changes' },
  deploymentsPerServiceDay: { label: 'Deployment frequency', events: 'deployments' },
  changeFailureRate: { label: 'Change failure rate', events: 'deployments' },
  recoveryTimeP50Seconds: { label: 'Recovery time (median)', events: 'recoveries' },
};

// Verdicts borrow the status tones; "no clear effect" is deliberately neutral, never green. A before/after comparison
// can say a figure improved; a passing-vs-failing comparison only says which group is better off, so it says that.
const VERDICTS: Record<'adoption' | 'cohort', Record<Verdict, { tone: string; label: string }>> = {
  adoption: {
    improved: { tone: 'pass', label: 'Improved' },
    worsened: { tone: 'fail', label: 'Worse' },
    no_clear_effect: { tone: 'none', label: 'No clear effect' },
    not_enough_data: { tone: 'unknown', label: 'Not enough data' },
  },
  cohort: {
    improved: { tone: 'pass', label: 'Better when passing' },
    worsened: { tone: 'fail', label: 'Worse when passing' },
    no_clear_effect: { tone: 'none', label: 'No clear difference' },
    not_enough_data: { tone: 'unknown', label: 'Not enough data' },
  },
};

type Row = { metric: ImpactMetric; effect: DescribedEffect };

const count = (value: number | undefined) => (value ?? 0).toLocaleString('en-US');

const describeSamples = (kind: 'adoption' | 'cohort', { metric, effect }: Row) => {
  const { samples } = effect;
  const events = FIGURES[metric].events;
  return kind === 'adoption'
    ? `${count(samples.adopterBeforeEvents)} → ${count(samples.adopterAfterEvents)} ${events} from ${count(samples.adopterServices)} adopting services; ${count(samples.controlServices)} comparison services`
    : `${count(samples.passingEvents)} vs ${count(samples.failingEvents)} ${events} from ${count(samples.passingServices)} passing and ${count(samples.failingServices)} failing services`;
};

/**
 * Each DORA figure's verdict, interval and plain-language reading, with the samples behind it. When no figure could be
 * measured, one sentence says why instead of four identical rows.
 */
export function EffectTable({ kind, effects, caption }: { kind: 'adoption' | 'cohort'; effects: Record<ImpactMetric, DescribedEffect>; caption: string }) {
  if (IMPACT_METRICS.every((metric) => effects[metric].verdict === 'not_enough_data')) {
    return (
      <p className="muted" data-testid={`${kind}-not-enough-data`}>
        <Badge value="unknown" label="Not enough data" /> {effects.leadTimeP50Seconds.reason}.
      </p>
    );
  }
  const columns: Column<Row>[] = [
    { label: 'Figure', cell: (row) => FIGURES[row.metric].label },
    {
      label: 'Verdict',
      cell: (row) => {
        const verdict = VERDICTS[kind][row.effect.verdict];
        return (
          <span data-verdict={row.effect.verdict}>
            <Badge value={verdict.tone} label={verdict.label} />
          </span>
        );
      },
    },
    { label: '95 % interval', cell: (row) => <IntervalPlot estimate={row.effect} label={row.effect.summary} /> },
    { label: 'What it means', cell: (row) => row.effect.summary },
    { label: 'Samples', cell: (row) => <span className="muted">{describeSamples(kind, row)}</span> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={IMPACT_METRICS.map((metric) => ({ metric, effect: effects[metric] }))}
      rowKey={(row) => row.metric}
      caption={caption}
      captionHidden
      testId={`${kind}-effects`}
    />
  );
}

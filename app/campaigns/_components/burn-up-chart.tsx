'use client';

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import styles from '../../_components/charts/charts.module.css';
import { formatDate } from '@/lib/format/format-date';
import { DAY_MS } from '@/lib/format/time-units';

/** `x`: days since the campaign's start. `done` is null after the last day charted (the future). */
export type BurnUpChartPoint = { x: number; done: number | null; target: number };


/**
 * Services done per day (solid, a step each time one is done) against the straight line from the first day to
 * every service on the deadline (dashed), on a time axis from the start to the deadline. Visual only: the page
 * renders the same points as a table.
 */
export function BurnUpChart({ points, total, start, height = 280 }: { points: BurnUpChartPoint[]; total: number; start: string; height?: number }) {
  const label = (x: number) => formatDate(new Date(Date.parse(`${start}T00:00:00Z`) + x * DAY_MS)).replace(/ \d{4}$/, '');
  const last = points.at(-1)?.x ?? 0;
  return (
    <div className={styles.chart} aria-hidden="true" data-testid="burn-up-chart">
      <LineChart responsive style={{ width: '100%', height }} data={points} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          domain={[0, last]}
          tickFormatter={label}
          tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
          stroke="var(--border-strong)"
          label={{ value: 'Day', position: 'insideBottom', offset: -16, fill: 'var(--text-muted)', fontSize: 12 }}
        />
        <YAxis
          domain={[0, Math.max(total, 1)]}
          allowDecimals={false}
          tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
          stroke="var(--border-strong)"
          label={{ value: 'Services done', angle: -90, position: 'insideLeft', fill: 'var(--text-muted)', fontSize: 12, style: { textAnchor: 'middle' } }}
        />
        <Tooltip labelFormatter={(x) => label(Number(x))} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border-strong)', borderRadius: 8, color: 'var(--text)' }} />
        <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12, color: 'var(--text-muted)' }} />
        <Line dataKey="target" name="Straight line to the deadline" stroke="var(--text-muted)" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        <Line dataKey="done" name="Services done" stroke="var(--chart-1)" strokeWidth={2} dot={false} isAnimationActive={false} type="stepAfter" />
      </LineChart>
    </div>
  );
}

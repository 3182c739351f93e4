'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import styles from './charts.module.css';

export type StackedPoint = { label: string } & Record<string, number | string>;
export type StackedSeries = { key: string; label: string; colour: string };

/**
 * Counts per bucket stacked by category (services per level per week), with a legend in words. Visual only: the
 * page renders the same counts as a table for screen readers.
 */
export function StackedBarChart({ points, series, yLabel, height = 260 }: { points: StackedPoint[]; series: StackedSeries[]; yLabel: string; height?: number }) {
  return (
    <div className={styles.chart} aria-hidden="true">
      <BarChart responsive style={{ width: '100%', height }} data={points} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 11 }} stroke="var(--border-strong)" label={{ value: 'Week', position: 'insideBottom', offset: -16, fill: 'var(--text-muted)', fontSize: 12 }} />
        <YAxis
          allowDecimals={false}
          tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
          stroke="var(--border-strong)"
          label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: 'var(--text-muted)', fontSize: 12, style: { textAnchor: 'middle' } }}
        />
        <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border-strong)', borderRadius: 8, color: 'var(--text)' }} cursor={{ fill: 'var(--surface-2)' }} />
        {/* Legend in stacking order (lowest level first), not alphabetical. */}
        <Legend verticalAlign="top" height={28} iconType="square" itemSorter={null} wrapperStyle={{ fontSize: 12, color: 'var(--text-muted)' }} />
        {series.map((item) => (
          <Bar key={item.key} dataKey={item.key} name={item.label} stackId="all" fill={item.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}

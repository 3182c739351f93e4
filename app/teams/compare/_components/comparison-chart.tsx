'use client';

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartPoint } from '../../../_components/charts/chart-types';
import styles from '../../../_components/charts/charts.module.css';
import { TEAM_LINES } from './team-lines';

type ComparisonChartProps = {
  /** Each team's points, all on the same buckets. */
  teams: { team: string; points: ChartPoint[] }[];
  yLabel: string;
  axis: { ticks: number[]; top: number; decimals: number };
  height?: number;
};

/**
 * One metric for several teams over time: a line per team on a shared axis, straight segments between the points and
 * gaps where a bucket had no samples. Visual only: the page renders the same figures as a table.
 */
export function ComparisonChart({ teams, yLabel, axis, height = 240 }: ComparisonChartProps) {
  const labels = teams[0]?.points.map((point) => point.label) ?? [];
  const rows = labels.map((label, index) => Object.fromEntries([['label', label], ...teams.map(({ team, points }) => [team, points[index]?.value ?? null])]));
  return (
    <div className={styles.chart} aria-hidden="true">
      <LineChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 11 }} stroke="var(--border-strong)" />
        <YAxis
          domain={[0, axis.top]}
          ticks={axis.ticks}
          allowDataOverflow
          tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
          stroke="var(--border-strong)"
          tickFormatter={(value: number) => value.toFixed(axis.decimals)}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: 'var(--text-muted)', fontSize: 12, style: { textAnchor: 'middle' } }}
        />
        <Tooltip />
        {teams.map(({ team }, index) => (
          <Line
            key={team}
            type="linear"
            dataKey={team}
            stroke={TEAM_LINES[index]!.colour}
            strokeDasharray={TEAM_LINES[index]!.dash}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </div>
  );
}

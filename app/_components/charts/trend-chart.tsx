'use client';

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceArea, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { ChartPoint, TierBand } from './chart-types';
import styles from './charts.module.css';

const BAND_FILL: Record<TierBand['tier'], string> = { elite: 'var(--elite)', high: 'var(--high)', medium: 'var(--medium)', low: 'var(--low)' };

/** Buckets with fewer samples than this are drawn hollow: their median says little. */
export const FEW_SAMPLES = 5;

type TrendChartProps = {
  points: ChartPoint[];
  /** The y axis title with its unit ("Lead time (hours)"). */
  yLabel: string;
  /** What the samples are ("changes"), for the right axis. */
  sampleLabel: string;
  bands: TierBand[];
  /** The value axis: nice ticks from 0 to its top (computeNiceTicks). */
  axis: { ticks: number[]; top: number; decimals: number };
  height?: number;
};

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload?.[0]?.payload as ChartPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className={styles.tooltip}>
      <p>
        <strong>{point.label}</strong>
        {point.partial ? ' (partial)' : ''}
      </p>
      <p>{point.display}</p>
      <p className="muted">{point.samplesText}</p>
    </div>
  );
}

type DotProps = { cx?: number; cy?: number; payload?: ChartPoint };

/** A point per bucket: filled; hollow over few samples; a hollow square for a partial bucket (the window cuts it). */
function SampleDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return null;
  if (payload.partial) return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill="var(--surface)" stroke="var(--chart-1)" strokeWidth={2} />;
  const few = payload.samples < FEW_SAMPLES;
  return <circle cx={cx} cy={cy} r={few ? 4 : 3} fill={few ? 'var(--surface)' : 'var(--chart-1)'} stroke="var(--chart-1)" strokeWidth={2} />;
}

/**
 * A metric over time: the figure per bucket (line, left axis), the samples behind it (bars, right axis), and the
 * DORA 2023 bands behind both. Straight segments between the points (a smoothed curve would invent values between
 * them). Visual only: the page renders the same data as a table for screen readers.
 */
export function TrendChart({ points, yLabel, sampleLabel, bands, axis, height = 260 }: TrendChartProps) {
  const { top, ticks, decimals } = axis;
  return (
    <div className={styles.chart} aria-hidden="true">
      <ComposedChart responsive style={{ width: '100%', height }} data={points} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        {bands.map((band) => (
          <ReferenceArea
            key={band.tier}
            yAxisId="value"
            y1={Math.min(band.from, top)}
            y2={Math.min(band.to, top)}
            fill={BAND_FILL[band.tier]}
            fillOpacity={0.08}
            ifOverflow="hidden"
            // A band too thin to hold its name is named in the legend only.
            label={(Math.min(band.to, top) - band.from) / top > 0.08 ? { value: band.label, position: 'insideTopRight', fill: BAND_FILL[band.tier], fontSize: 11 } : undefined}
          />
        ))}
        <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 11 }} stroke="var(--border-strong)" label={{ value: 'Period', position: 'insideBottom', offset: -16, fill: 'var(--text-muted)', fontSize: 12 }} />
        <YAxis
          yAxisId="value"
          domain={[0, top]}
          ticks={ticks}
          allowDataOverflow
          tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
          stroke="var(--border-strong)"
          tickFormatter={(value: number) => value.toFixed(decimals)}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: 'var(--text-muted)', fontSize: 12, style: { textAnchor: 'middle' } }}
        />
        <YAxis
          yAxisId="samples"
          orientation="right"
          allowDecimals={false}
          tick={{ fill: 'var(--text-muted)', fontSize: 11 }}
          stroke="var(--border-strong)"
          label={{ value: `Samples (${sampleLabel})`, angle: 90, position: 'insideRight', fill: 'var(--text-muted)', fontSize: 12, style: { textAnchor: 'middle' } }}
        />
        <Tooltip content={TrendTooltip} />
        <Bar yAxisId="samples" dataKey="samples" fill="var(--border-strong)" fillOpacity={0.55} isAnimationActive={false} barSize={14} />
        <Line yAxisId="value" type="linear" dataKey="value" stroke="var(--chart-1)" strokeWidth={2} dot={SampleDot} activeDot={{ r: 5 }} isAnimationActive={false} connectNulls={false} />
      </ComposedChart>
    </div>
  );
}

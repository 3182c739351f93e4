'use client';

import { Line, LineChart, YAxis } from 'recharts';

/**
 * A tiny trend line, scaled to its own range unless a domain is given (0–100 for shares). Decorative for assistive
 * technology (aria-hidden): its figure and change are stated in words beside it, and the full charts have data tables.
 */
export function Sparkline({ values, domain }: { values: (number | null)[]; domain?: [number, number] }) {
  const data = values.map((value, index) => ({ index, value }));
  return (
    <div aria-hidden="true" style={{ width: '100%', height: 40 }}>
      <LineChart responsive style={{ width: '100%', height: 40 }} data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }} accessibilityLayer={false} tabIndex={-1}>
        <YAxis hide domain={domain ?? ['dataMin', 'dataMax']} />
        <Line type="monotone" dataKey="value" stroke="var(--chart-1)" strokeWidth={1.75} dot={false} isAnimationActive={false} connectNulls />
      </LineChart>
    </div>
  );
}

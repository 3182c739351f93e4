'use client';

import { Line, LineChart, YAxis } from 'recharts';

/**
 * A tiny trend line for a tile. Decorative for assistive technology (aria-hidden): the tile states the figure and
 * its change in words, and the trends page has the full chart with its data table.
 */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const data = values.map((value, index) => ({ index, value }));
  return (
    <div aria-hidden="true" style={{ width: '100%', height: 40 }}>
      <LineChart responsive style={{ width: '100%', height: 40 }} data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }} accessibilityLayer={false} tabIndex={-1}>
        <YAxis hide domain={['dataMin', 'dataMax']} />
        <Line type="monotone" dataKey="value" stroke="var(--chart-1)" strokeWidth={1.75} dot={false} isAnimationActive={false} connectNulls />
      </LineChart>
    </div>
  );
}

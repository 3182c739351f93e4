import { computePercentileInPlace } from './compute-percentile';
import type { ImpactMetric, ServiceSamples } from './impact-types';
import { DAY_MS } from '../format/time-units';

/** A service's events inside [from, to), epoch milliseconds. */
export type Slice = { samples: ServiceSamples; from: number; to: number };

/** What one slice contributes to a figure, computed once so resamples only add cells up. */
export type Cell = { values: Float64Array; deployments: number; failed: number; days: number };

export type Measurement = { value: number | null; events: number };


// Events are sorted by time (see sortSamples), so a window is two binary searches.
const firstAtOrAfter = (events: ReadonlyArray<{ at: number }>, time: number) => {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (events[middle]!.at < time) low = middle + 1;
    else high = middle;
  }
  return low;
};

const within = <T extends { at: number }>(events: ReadonlyArray<T>, from: number, to: number) =>
  events.slice(firstAtOrAfter(events, from), firstAtOrAfter(events, to));

export const toCell = (metric: ImpactMetric, { samples, from, to }: Slice): Cell => {
  if (metric === 'leadTimeP50Seconds' || metric === 'recoveryTimeP50Seconds') {
    const events = within(metric === 'leadTimeP50Seconds' ? samples.leadTimes : samples.recoveries, from, to);
    return { values: Float64Array.from(events, (event) => event.seconds), deployments: 0, failed: 0, days: 0 };
  }
  const deployments = within(samples.deployments, from, to);
  return { values: new Float64Array(0), deployments: deployments.length, failed: deployments.filter((d) => d.failed).length, days: (to - from) / DAY_MS };
};

/**
 * One figure pooled over cells, with the same definitions as lib/metrics: medians over all events (not a mean of
 * per-service medians), rates as total over total. Deployment frequency is deployments per service-day.
 */
export const measureCells = (metric: ImpactMetric, cells: readonly Cell[]): Measurement => {
  if (metric === 'leadTimeP50Seconds' || metric === 'recoveryTimeP50Seconds') {
    let length = 0;
    for (const cell of cells) length += cell.values.length;
    const pooled = new Float64Array(length);
    let offset = 0;
    for (const cell of cells) {
      pooled.set(cell.values, offset);
      offset += cell.values.length;
    }
    return { value: computePercentileInPlace(pooled, 0.5), events: length };
  }
  let deployments = 0;
  let failed = 0;
  let days = 0;
  for (const cell of cells) {
    deployments += cell.deployments;
    failed += cell.failed;
    days += cell.days;
  }
  if (metric === 'changeFailureRate') return { value: deployments === 0 ? null : failed / deployments, events: deployments };
  return { value: days === 0 ? null : deployments / days, events: deployments };
};

export const measureSlices = (metric: ImpactMetric, slices: readonly Slice[]): Measurement =>
  measureCells(metric, slices.map((slice) => toCell(metric, slice)));

/** Sorts a service's events by time once, so every later window is a binary search. */
export const sortSamples = (samples: ServiceSamples): ServiceSamples => ({
  service: samples.service,
  leadTimes: [...samples.leadTimes].sort((a, b) => a.at - b.at),
  deployments: [...samples.deployments].sort((a, b) => a.at - b.at),
  recoveries: [...samples.recoveries].sort((a, b) => a.at - b.at),
});

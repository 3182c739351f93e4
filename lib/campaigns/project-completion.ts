import { DAY_MS } from '../format/time-units';
/** How far back the current pace is measured: four weeks, so one busy or idle week does not swing the forecast. */
export const PACE_DAYS = 28;

export type BurnUpPoint = { day: string; done: number };

export type Projection =
  | { kind: 'complete'; on: string }
  | { kind: 'projected'; on: string; perWeek: number; onTrack: boolean }
  | { kind: 'stalled'; paceDays: number }
  | { kind: 'not-started' };

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * When the campaign will be done at the current pace. Pace = services done on the last day minus those done
 * PACE_DAYS earlier (or on the first day, when the campaign is younger), per day; projected date = last day +
 * ceil(remaining / pace) days. Complete: the first day every service in scope was done. No progress over the pace
 * window (or fewer done than before): stalled, no date.
 */
export const projectCompletion = ({ points, total, deadline }: { points: readonly BurnUpPoint[]; total: number; deadline: string }): Projection => {
  const last = points.at(-1);
  if (!last || total === 0) return { kind: 'not-started' };
  if (last.done >= total) {
    // The run of complete days that reaches the last day: a service that fell back and recovered restarts it.
    let index = points.length - 1;
    while (index > 0 && points[index - 1]!.done >= total) index--;
    return { kind: 'complete', on: points[index]!.day };
  }
  const base = [...points].reverse().find((point) => daysBetween(point.day, last.day) >= PACE_DAYS) ?? points[0]!;
  const span = daysBetween(base.day, last.day);
  const perDay = span > 0 ? (last.done - base.done) / span : 0;
  if (perDay <= 0) return { kind: 'stalled', paceDays: span };
  const on = addDays(last.day, Math.ceil((total - last.done) / perDay));
  return { kind: 'projected', on, perWeek: Math.round(perDay * 7 * 10) / 10, onTrack: on <= deadline };
};

/** The straight line from the services done on the first day to all of them on the deadline, at a day. */
export const computeTargetLine = ({ start, deadline, baseline, total, day }: { start: string; deadline: string; baseline: number; total: number; day: string }) =>
  Math.round((baseline + ((total - baseline) * Math.min(daysBetween(start, day), daysBetween(start, deadline))) / daysBetween(start, deadline)) * 100) / 100;

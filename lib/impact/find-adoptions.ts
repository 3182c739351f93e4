import { DAY_MS } from '../format/time-units';
/** A service's state on one day, for one check or level: pass, fail, or not judged (unknown, exempt, missing). */
export type DailyState = 'pass' | 'fail' | 'skip' | null;

export type AdoptionHistory = {
  /** UTC days (YYYY-MM-DD), oldest first, and per service its state on each of them. */
  days: string[];
  states: Map<string, DailyState[]>;
};

export type Adoptions = {
  /** Services that went from fail to pass, with the first day they passed, and full windows on both sides. */
  adopters: { service: string; day: string }[];
  /** Services judged throughout whose state never changed (always passing, or always failing). */
  controls: { service: string; passing: boolean }[];
  /** Services left out of both groups, and why: shown beside the figures so nobody wonders where they went. */
  excluded: { service: string; reason: string }[];
};

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Sorts services into adopters and comparison services for a before/after analysis. An adopter's first day passing
 * (after a failing day; days not judged in between are skipped over) must leave `windowDays` of history before it
 * and after it, else the windows would compare different lengths of time.
 */
export const findAdoptions = ({ days, states }: AdoptionHistory, windowDays: number): Adoptions => {
  const result: Adoptions = { adopters: [], controls: [], excluded: [] };
  if (days.length === 0) return result;
  const first = dayMs(days[0]!);
  const end = dayMs(days.at(-1)!) + DAY_MS;
  for (const [service, series] of states) {
    if (series.includes('skip')) {
      result.excluded.push({ service, reason: 'the check does not apply to it on some days' });
      continue;
    }
    let previous: 'pass' | 'fail' | null = null;
    let adoptedOn: string | null = null;
    let changed = false;
    series.forEach((state, index) => {
      if (state !== 'pass' && state !== 'fail') return;
      if (previous !== null && state !== previous) {
        changed = true;
        if (state === 'pass' && previous === 'fail' && adoptedOn === null) adoptedOn = days[index]!;
      }
      previous = state;
    });
    if (previous === null) {
      result.excluded.push({ service, reason: 'never judged (unknown or exempt throughout)' });
    } else if (adoptedOn !== null) {
      const at = dayMs(adoptedOn);
      if (at - windowDays * DAY_MS < first) result.excluded.push({ service, reason: `adopted on ${adoptedOn}, less than ${windowDays} days into the history` });
      else if (at + windowDays * DAY_MS > end) result.excluded.push({ service, reason: `adopted on ${adoptedOn}, less than ${windowDays} days ago` });
      else result.adopters.push({ service, day: adoptedOn });
    } else if (changed) {
      result.excluded.push({ service, reason: 'went from pass to fail, never adopted' });
    } else {
      result.controls.push({ service, passing: previous === 'pass' });
    }
  }
  return result;
};

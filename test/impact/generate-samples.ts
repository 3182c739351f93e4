import type { Adopter } from '../../lib/impact/estimate-adoption-effect';
import type { ServiceSamples } from '../../lib/impact/impact-types';
import { sortSamples } from '../../lib/impact/measure-slices';
import { seededRandom } from '../../lib/random/seeded-random';
import { DAY_MS, HOUR_SECONDS } from '../../lib/format/time-units';
export { DAY_MS };

const START = Date.parse('2026-05-01T00:00:00Z');

export type HistorySpec = {
  seed: number;
  services: number;
  days: number;
  /** Service index → day it adopts the standard. */
  adoptions: ReadonlyMap<number, number>;
  /** Multipliers applied to adopters from their adoption day on (1 = no effect). */
  leadTimeEffect?: number;
  deployRateEffect?: number;
  failureEffect?: number;
  /** Organization-wide lead-time multiplier reached on the last day (e.g. 0.7: everyone 30 % faster by the end). */
  leadTimeTrend?: number;
  deploysPerDay?: number;
  failureRate?: number;
};

/**
 * A synthetic organization whose true effects are known: lead times are log-normal around a median that follows an
 * org-wide trend and, for adopters, drops by `leadTimeEffect` after adoption; deployments are Poisson per day.
 */
export const generateSamples = (spec: HistorySpec): { all: ServiceSamples[]; adopters: Adopter[]; controls: ServiceSamples[] } => {
  const random = seededRandom(spec.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const poisson = (mean: number) => {
    let count = 0;
    for (let p = random(); p > Math.exp(-mean); p *= random()) count++;
    return count;
  };
  const all: ServiceSamples[] = [];
  const adopters: Adopter[] = [];
  const controls: ServiceSamples[] = [];
  for (let index = 0; index < spec.services; index++) {
    const adoptionDay = spec.adoptions.get(index);
    const baseMedianHours = 12 + random() * 24;
    const leadTimes: { at: number; seconds: number }[] = [];
    const deployments: { at: number; failed: boolean }[] = [];
    const recoveries: { at: number; seconds: number }[] = [];
    for (let day = 0; day < spec.days; day++) {
      const adopted = adoptionDay !== undefined && day >= adoptionDay;
      const trend = 1 + ((spec.leadTimeTrend ?? 1) - 1) * (day / spec.days);
      const deploys = poisson((spec.deploysPerDay ?? 1) * (adopted ? (spec.deployRateEffect ?? 1) : 1));
      for (let deploy = 0; deploy < deploys; deploy++) {
        const at = START + day * DAY_MS + Math.floor(random() * DAY_MS);
        const failed = random() < (spec.failureRate ?? 0.15) * (adopted ? (spec.failureEffect ?? 1) : 1);
        deployments.push({ at, failed });
        if (failed) recoveries.push({ at, seconds: 4 * HOUR_SECONDS * Math.exp(0.8 * normal()) });
        const changes = 1 + Math.floor(random() * 3);
        for (let change = 0; change < changes; change++) {
          const median = baseMedianHours * HOUR_SECONDS * trend * (adopted ? (spec.leadTimeEffect ?? 1) : 1);
          leadTimes.push({ at, seconds: median * Math.exp(0.8 * normal()) });
        }
      }
    }
    const samples = sortSamples({ service: `svc-${index}`, leadTimes, deployments, recoveries });
    all.push(samples);
    if (adoptionDay === undefined) controls.push(samples);
    else adopters.push({ samples, adoptedAt: START + adoptionDay * DAY_MS });
  }
  return { all, adopters, controls };
};

/** Ten adopters spread over the middle of the period, so each has a full window before and after. */
export const staggeredAdoptions = (count = 10, firstDay = 40, lastDay = 130) =>
  new Map(Array.from({ length: count }, (_, index) => [index, Math.round(firstDay + ((lastDay - firstDay) * index) / Math.max(1, count - 1))]));

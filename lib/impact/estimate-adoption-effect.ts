import { computeBootstrapInterval } from './compute-bootstrap-interval';
import { DEFAULT_IMPACT_OPTIONS, type EffectEstimate, type ImpactMetric, type ImpactOptions, type ServiceSamples } from './impact-types';
import { judgeEffect } from './judge-effect';
import { measureCells, toCell } from './measure-slices';

export type Adopter = { samples: ServiceSamples; adoptedAt: number };

export type AdoptionInput = {
  metric: ImpactMetric;
  /** Services whose check went from fail to pass, with the moment it first passed. */
  adopters: readonly Adopter[];
  /** Applicable services whose status never changed: they show what happened anyway in the same weeks. */
  controls: readonly ServiceSamples[];
  windowMs: number;
  options?: Partial<ImpactOptions>;
};

/** Cells per adopter (before, after) and per (adopter window, comparison service), computed once. */
const prepareCells = (metric: ImpactMetric, adopters: readonly Adopter[], controls: readonly ServiceSamples[], windowMs: number) => {
  const before = (adoptedAt: number) => ({ from: adoptedAt - windowMs, to: adoptedAt });
  const after = (adoptedAt: number) => ({ from: adoptedAt, to: adoptedAt + windowMs });
  return {
    adopterBefore: adopters.map(({ samples, adoptedAt }) => toCell(metric, { samples, ...before(adoptedAt) })),
    adopterAfter: adopters.map(({ samples, adoptedAt }) => toCell(metric, { samples, ...after(adoptedAt) })),
    // Stacked design: each adopter's calendar windows are measured on every comparison service, so adopters that
    // moved at different times are each compared with the same weeks elsewhere in the organization.
    controlBefore: adopters.map(({ adoptedAt }) => controls.map((samples) => toCell(metric, { samples, ...before(adoptedAt) }))),
    controlAfter: adopters.map(({ adoptedAt }) => controls.map((samples) => toCell(metric, { samples, ...after(adoptedAt) }))),
  };
};

const indices = (length: number) => Array.from({ length }, (_, index) => index);

/**
 * Before/after adoption as a difference in differences: (adopters after − before) − (comparison after − before),
 * so an organization-wide trend is not credited to the standard. Interval by resampling adopters and comparison
 * services. Still observational: teams that adopt may differ in other ways.
 */
export const estimateAdoptionEffect = ({ metric, adopters, controls, windowMs, options }: AdoptionInput): EffectEstimate => {
  const settings = { ...DEFAULT_IMPACT_OPTIONS, ...options };
  const cells = prepareCells(metric, adopters, controls, windowMs);
  // Resamples are lists of indices into the prepared cells, so a bootstrap round only adds cells up.
  const measureArms = (treated: readonly number[], comparison: readonly number[]) => ({
    adopterBefore: measureCells(metric, treated.map((i) => cells.adopterBefore[i]!)),
    adopterAfter: measureCells(metric, treated.map((i) => cells.adopterAfter[i]!)),
    controlBefore: measureCells(metric, treated.flatMap((i) => comparison.map((j) => cells.controlBefore[i]![j]!))),
    controlAfter: measureCells(metric, treated.flatMap((i) => comparison.map((j) => cells.controlAfter[i]![j]!))),
  });
  const point = measureArms(indices(adopters.length), indices(controls.length));
  const figures = Object.fromEntries(Object.entries(point).map(([arm, measurement]) => [arm, measurement.value]));
  const samples = {
    adopterServices: adopters.length,
    controlServices: controls.length,
    ...Object.fromEntries(Object.entries(point).map(([arm, measurement]) => [`${arm}Events`, measurement.events])),
  };
  const fewestEvents = Math.min(...Object.values(point).map((measurement) => measurement.events));
  const shortOf =
    adopters.length < settings.minServices || controls.length < settings.minServices
      ? `needs at least ${settings.minServices} adopting and ${settings.minServices} comparison services (has ${adopters.length} and ${controls.length})`
      : fewestEvents < settings.minEvents
        ? `needs at least ${settings.minEvents} events in each window (fewest: ${fewestEvents})`
        : null;
  if (shortOf) return { metric, verdict: 'not_enough_data', reason: shortOf, effect: null, figures, samples };

  const effect = computeBootstrapInterval(
    indices(adopters.length),
    indices(controls.length),
    (treated, comparison) => {
      const { adopterBefore, adopterAfter, controlBefore, controlAfter } = measureArms(treated, comparison);
      if ([adopterBefore, adopterAfter, controlBefore, controlAfter].some((arm) => arm.value === null)) return null;
      return adopterAfter.value! - adopterBefore.value! - (controlAfter.value! - controlBefore.value!);
    },
    settings,
  );
  if (!effect) return { metric, verdict: 'not_enough_data', reason: 'too few events for a stable interval', effect: null, figures, samples };
  return { metric, verdict: judgeEffect(metric, effect), reason: null, effect, figures, samples };
};

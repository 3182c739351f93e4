import { computeBootstrapInterval } from './compute-bootstrap-interval';
import { DEFAULT_IMPACT_OPTIONS, type EffectEstimate, type ImpactMetric, type ImpactOptions, type ServiceSamples } from './impact-types';
import { judgeEffect } from './judge-effect';
import { measureSlices } from './measure-slices';

export type CohortInput = {
  metric: ImpactMetric;
  /** Applicable services passing the check, and those failing it, with their sorted events. */
  passing: readonly ServiceSamples[];
  failing: readonly ServiceSamples[];
  from: number;
  to: number;
  options?: Partial<ImpactOptions>;
};

/** Passing minus failing services over one period, with a cluster-bootstrap interval. A correlation, not a cause. */
export const estimateCohortEffect = ({ metric, passing, failing, from, to, options }: CohortInput): EffectEstimate => {
  const settings = { ...DEFAULT_IMPACT_OPTIONS, ...options };
  const measure = (services: readonly ServiceSamples[]) => measureSlices(metric, services.map((samples) => ({ samples, from, to })));
  const pass = measure(passing);
  const fail = measure(failing);
  const figures = { passing: pass.value, failing: fail.value };
  const samples = { passingServices: passing.length, failingServices: failing.length, passingEvents: pass.events, failingEvents: fail.events };
  const shortOf =
    passing.length < settings.minServices || failing.length < settings.minServices
      ? `needs at least ${settings.minServices} passing and ${settings.minServices} failing services (has ${passing.length} and ${failing.length})`
      : pass.events < settings.minEvents || fail.events < settings.minEvents
        ? `needs at least ${settings.minEvents} events on each side (has ${pass.events} and ${fail.events})`
        : null;
  if (shortOf) return { metric, verdict: 'not_enough_data', reason: shortOf, effect: null, figures, samples };

  const effect = computeBootstrapInterval(
    passing,
    failing,
    (treated, comparison) => {
      const a = measure(treated).value;
      const b = measure(comparison).value;
      return a === null || b === null ? null : a - b;
    },
    settings,
  );
  if (!effect) return { metric, verdict: 'not_enough_data', reason: 'too few events for a stable interval', effect: null, figures, samples };
  return { metric, verdict: judgeEffect(metric, effect), reason: null, effect, figures, samples };
};

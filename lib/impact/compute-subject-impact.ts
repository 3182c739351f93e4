import { describeEffect } from './describe-effect';
import { describeSubject } from './describe-subject';
import { estimateAdoptionEffect } from './estimate-adoption-effect';
import { estimateCohortEffect } from './estimate-cohort-effect';
import { findAdoptions, type Adoptions } from './find-adoptions';
import { IMPACT_METRICS, type EffectEstimate, type ImpactMetric, type ServiceSamples } from './impact-types';
import { subjectKey, type Subject } from './list-impact-subjects';
import { formatDay, type ImpactInputs } from './load-impact-inputs';
import { DAY_MS } from '../format/time-units';


export type DescribedEffect = EffectEstimate & { summary: string };

export type SubjectImpact = {
  subject: Subject;
  /** The one-line answer, reading both comparisons together. */
  headline: string;
  cohort: {
    /** Status as of this day decides who passes; events of the `days` before it are compared. */
    asOf: string;
    days: number;
    passing: string[];
    failing: string[];
    effects: Record<ImpactMetric, DescribedEffect>;
  };
  adoption: {
    windowDays: number;
    adopters: Adoptions['adopters'];
    controls: number;
    excluded: Adoptions['excluded'];
    effects: Record<ImpactMetric, DescribedEffect>;
  };
};

const empty = (service: string): ServiceSamples => ({ service, leadTimes: [], deployments: [], recoveries: [] });

/** One check's (or level's) cohort and before/after comparisons, for every DORA figure, from loaded inputs. */
export const computeSubjectImpact = (inputs: ImpactInputs, subject: Subject): SubjectImpact => {
  const { histories, samples, end, windowDays, cohortDays, settings } = inputs;
  const of = (service: string) => samples.get(service) ?? empty(service);
  const history = histories.get(subjectKey(subject));
  if (!history) throw new Error(`no adoption history loaded for ${subjectKey(subject)}`);
  const adoptions = findAdoptions(history, windowDays);
  // Cohorts by the latest judged state of each service.
  const passing: string[] = [];
  const failing: string[] = [];
  for (const [service, states] of history.states) {
    const latest = states.findLast((state) => state !== null);
    if (latest === 'pass') passing.push(service);
    else if (latest === 'fail') failing.push(service);
  }
  const adopters = adoptions.adopters.map(({ service, day }) => ({ samples: of(service), adoptedAt: Date.parse(`${day}T00:00:00Z`) }));
  const controls = adoptions.controls.map(({ service }) => of(service));
  const cohortEffects = {} as Record<ImpactMetric, DescribedEffect>;
  const adoptionEffects = {} as Record<ImpactMetric, DescribedEffect>;
  for (const [index, metric] of IMPACT_METRICS.entries()) {
    // A different stream per figure, so the intervals do not share their random draws.
    const seeded = { ...settings, seed: settings.seed + index };
    const cohort = estimateCohortEffect({ metric, passing: passing.map(of), failing: failing.map(of), from: end - cohortDays * DAY_MS, to: end, options: seeded });
    cohortEffects[metric] = { ...cohort, summary: describeEffect('cohort', cohort) };
    const adoption = estimateAdoptionEffect({ metric, adopters, controls, windowMs: windowDays * DAY_MS, options: seeded });
    adoptionEffects[metric] = { ...adoption, summary: describeEffect('adoption', adoption) };
  }
  const impact: Omit<SubjectImpact, 'headline'> = {
    subject,
    cohort: { asOf: formatDay(end - DAY_MS), days: cohortDays, passing, failing, effects: cohortEffects },
    adoption: { windowDays, adopters: adoptions.adopters, controls: controls.length, excluded: adoptions.excluded, effects: adoptionEffects },
  };
  return { ...impact, headline: describeSubject(impact) };
};

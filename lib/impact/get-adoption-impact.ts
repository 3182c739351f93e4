import { getConfig } from '../config/load-config';
import { AppError } from '../errors';
import type { Executor } from '../db/client';
import { listMetricSamples, type ServiceMetricSamples } from '../metrics/list-metric-samples';
import { withSpan } from '../observability/trace';
import { getStandards } from '../scorecard/get-standards';
import type { Standards } from '../scorecard/standards-schema';
import { describeEffect } from './describe-effect';
import { estimateAdoptionEffect } from './estimate-adoption-effect';
import { estimateCohortEffect } from './estimate-cohort-effect';
import { findAdoptions, type Adoptions } from './find-adoptions';
import { getAdoptionHistories, type Subject } from './get-adoption-histories';
import { DEFAULT_IMPACT_OPTIONS, IMPACT_METRICS, type EffectEstimate, type ImpactMetric, type ImpactOptions, type ServiceSamples } from './impact-types';

const DAY_MS = 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

export type SubjectImpact = {
  subject: Subject;
  cohort: {
    /** Status as of this day decides who passes; events of the `days` before it are compared. */
    asOf: string;
    days: number;
    passing: string[];
    failing: string[];
    effects: Record<ImpactMetric, EffectEstimate & { summary: string }>;
  };
  adoption: {
    windowDays: number;
    adopters: Adoptions['adopters'];
    controls: number;
    excluded: Adoptions['excluded'];
    effects: Record<ImpactMetric, EffectEstimate & { summary: string }>;
  };
};

export type AdoptionImpact = {
  history: { from: string; to: string };
  method: string;
  subjects: SubjectImpact[];
  /** Checks not analysed, and why. */
  skipped: { check: string; reason: string }[];
};

// A check whose rule is itself a delivery figure (or "deployed recently") passes *because* delivery improved:
// crediting delivery to it would be circular.
const isOutcomeCheck = (rule: Standards['checks'][number]['rule']) => Boolean(rule.metric || rule.deployedWithinDays !== undefined);

export type GetAdoptionImpactOptions = {
  db: Executor;
  /** One check, or every check and level. */
  check?: string;
  standards?: Standards;
  /** Days of events on each side of an adoption (default 30). */
  windowDays?: number;
  /** The cohort comparison's period, ending today (default metrics.defaultWindowDays). */
  cohortDays?: number;
  /** History considered (default: the last 180 days). */
  historyDays?: number;
  now?: Date;
  options?: Partial<ImpactOptions>;
};

const METHOD =
  'Cohort: services passing vs failing a check today, over the same recent period. Before/after: for services that went from ' +
  'fail to pass, the days before vs after they first passed, minus the change in services whose status never moved over ' +
  'the same calendar weeks (difference in differences). Intervals: 95 % seeded bootstrap, resampling whole services. ' +
  'A difference is called an improvement only when its whole interval is on one side of zero. This is observational data: ' +
  'it shows association, not proof that the standard caused the change.';

const empty = (service: string): ServiceSamples => ({ service, leadTimes: [], deployments: [], recoveries: [] });

/**
 * Did adopting a golden-path check (or reaching a level) go with better delivery? For each check and level: a cohort
 * comparison and a before/after difference in differences, each per DORA figure with an interval and a sentence.
 */
export const getAdoptionImpact = async ({
  db,
  check,
  standards = getStandards(),
  windowDays = 30,
  cohortDays = getConfig().metrics.defaultWindowDays,
  historyDays = 180,
  now = new Date(),
  options,
}: GetAdoptionImpactOptions): Promise<AdoptionImpact> =>
  withSpan('waymark.impact', { 'waymark.check': check ?? 'all' }, async () => {
    const problems: string[] = [];
    if (check !== undefined && !standards.checks.some((candidate) => candidate.id === check)) {
      problems.push(`check: no check "${check}" in the standards (known: ${standards.checks.map((candidate) => candidate.id).join(', ')})`);
    }
    if (!Number.isInteger(windowDays) || windowDays < 7 || windowDays > 90) problems.push('windowDays: must be a whole number of days from 7 to 90');
    if (!Number.isInteger(historyDays) || historyDays < 2 * windowDays || historyDays > 730) problems.push(`historyDays: must be a whole number from ${2 * windowDays} to 730`);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid adoption-impact request', { details: problems });
    const settings = { ...DEFAULT_IMPACT_OPTIONS, ...options };
    const end = Date.parse(`${day(now.getTime())}T00:00:00Z`) + DAY_MS;
    const start = end - historyDays * DAY_MS;
    const histories = await getAdoptionHistories({ db, standards, from: day(start), to: day(end - DAY_MS) });
    const samples: Map<string, ServiceMetricSamples> = await listMetricSamples({ db, scope: { org: true }, window: { from: new Date(start), to: new Date(end) } });
    const of = (service: string) => samples.get(service) ?? empty(service);

    const outcomeChecks = new Set(standards.checks.filter((candidate) => isOutcomeCheck(candidate.rule)).map((candidate) => candidate.id));
    const skipped = [...outcomeChecks]
      .filter((id) => !check || id === check)
      .map((id) => ({ check: id, reason: 'it is defined by a delivery figure itself, so any effect on delivery would be circular' }));
    const subjects = [...histories.keys()].filter(
      (subject) => (!check || (subject.kind === 'check' && subject.id === check)) && !(subject.kind === 'check' && outcomeChecks.has(subject.id)),
    );
    const results: SubjectImpact[] = subjects.map((subject) => {
      const history = histories.get(subject)!;
      const adoptions = findAdoptions(history, windowDays);
      // Cohorts by the latest judged state of each service.
      const passing: string[] = [];
      const failing: string[] = [];
      for (const [service, states] of history.states) {
        const latest = states.findLast((state) => state !== null);
        if (latest === 'pass') passing.push(service);
        else if (latest === 'fail') failing.push(service);
      }
      const adopters = adoptions.adopters.map(({ service, day: adoptedOn }) => ({ samples: of(service), adoptedAt: Date.parse(`${adoptedOn}T00:00:00Z`) }));
      const controls = adoptions.controls.map(({ service }) => of(service));
      const cohortEffects = {} as SubjectImpact['cohort']['effects'];
      const adoptionEffects = {} as SubjectImpact['adoption']['effects'];
      for (const [index, metric] of IMPACT_METRICS.entries()) {
        // A different stream per figure, so the intervals do not share their random draws.
        const seeded = { ...settings, seed: settings.seed + index };
        const cohort = estimateCohortEffect({ metric, passing: passing.map(of), failing: failing.map(of), from: end - cohortDays * DAY_MS, to: end, options: seeded });
        cohortEffects[metric] = { ...cohort, summary: describeEffect('cohort', cohort) };
        const adoption = estimateAdoptionEffect({ metric, adopters, controls, windowMs: windowDays * DAY_MS, options: seeded });
        adoptionEffects[metric] = { ...adoption, summary: describeEffect('adoption', adoption) };
      }
      return {
        subject,
        cohort: { asOf: day(end - DAY_MS), days: cohortDays, passing, failing, effects: cohortEffects },
        adoption: { windowDays, adopters: adoptions.adopters, controls: controls.length, excluded: adoptions.excluded, effects: adoptionEffects },
      };
    });
    return { history: { from: day(start), to: day(end - DAY_MS) }, method: METHOD, subjects: results, skipped };
  });

import { withSpan } from '../observability/trace';
import { computeSubjectImpact, type SubjectImpact } from './compute-subject-impact';
import { formatDay, loadImpactInputs, type ImpactRequest } from './load-impact-inputs';
import { DAY_MS } from '../format/time-units';

export type AdoptionImpact = {
  history: { from: string; to: string };
  method: string;
  subjects: SubjectImpact[];
  /** Checks not analysed, and why. */
  skipped: { check: string; reason: string }[];
};

export const IMPACT_METHOD =
  'Cohort: services passing vs failing a check today, over the same recent period. Before/after: for services that went from ' +
  'fail to pass, the days before vs after they first passed, minus the change in services whose status never moved over ' +
  'the same calendar weeks (difference in differences). Intervals: 95 % seeded bootstrap, resampling whole services. ' +
  'A difference is called an improvement only when its whole interval is on one side of zero. This is observational data: ' +
  'it shows association, not proof that the standard caused the change.';

const yieldToOtherWork = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Did adopting a golden-path check (or reaching a level) go with better delivery? For each check and level: a cohort
 * comparison and a before/after difference in differences, each per DORA figure with an interval and a sentence.
 * Seconds of CPU (a bootstrap per figure and subject): it yields between subjects so a server keeps answering, and
 * pages read its stored result (ensureImpactAnalyses) instead of running it.
 */
export const measureAdoptionImpact = (request: ImpactRequest): Promise<AdoptionImpact> =>
  withSpan('waymark.impact', { 'waymark.check': request.check ?? 'all' }, async () => {
    const inputs = await loadImpactInputs(request);
    const subjects: SubjectImpact[] = [];
    for (const subject of inputs.subjects) {
      await yieldToOtherWork();
      subjects.push(computeSubjectImpact(inputs, subject));
    }
    return { history: { from: formatDay(inputs.start), to: formatDay(inputs.end - DAY_MS) }, method: IMPACT_METHOD, subjects, skipped: inputs.skipped };
  });

import { describe, expect, it } from 'vitest';
import type { DescribedEffect } from '../../lib/impact/compute-subject-impact';
import { describeSubject } from '../../lib/impact/describe-subject';
import { IMPACT_METRICS, type ImpactMetric, type Verdict } from '../../lib/impact/impact-types';

const effects = (verdicts: Partial<Record<ImpactMetric, Verdict>>, fallback: Verdict) =>
  Object.fromEntries(
    IMPACT_METRICS.map((metric) => [metric, { metric, verdict: verdicts[metric] ?? fallback, reason: null, effect: null, figures: {}, samples: {}, summary: '' } satisfies DescribedEffect]),
  ) as Record<ImpactMetric, DescribedEffect>;

const subject = (adoption: Record<ImpactMetric, DescribedEffect>, cohort: Record<ImpactMetric, DescribedEffect>) => ({
  subject: { kind: 'check' as const, id: 'tracing', title: 'Tracing', level: 'gold' },
  adoption: { windowDays: 30, adopters: [], controls: 10, excluded: [], effects: adoption },
  cohort: { asOf: '2026-11-21', days: 90, passing: [], failing: [], effects: cohort },
});

describe('describeSubject', () => {
  it('names what improved after adopting', () => {
    expect(describeSubject(subject(effects({ leadTimeP50Seconds: 'improved', changeFailureRate: 'improved' }, 'no_clear_effect'), effects({}, 'improved')))).toBe(
      'After adopting it, lead time and change failure rate improved beyond the change the rest of the organization saw in the same weeks.',
    );
  });

  it('calls a cohort gap without a before/after effect what it most likely is: a difference between teams', () => {
    const text = describeSubject(subject(effects({ recoveryTimeP50Seconds: 'not_enough_data' }, 'no_clear_effect'), effects({ leadTimeP50Seconds: 'improved' }, 'no_clear_effect')));
    expect(text).toBe(
      'No clear effect of adopting it on lead time, deployment frequency and change failure rate. Services that pass have better lead time than those that fail, yet the services that adopted did not improve: the gap most likely comes from other differences between teams.',
    );
  });

  it('says when too few services changed to measure anything', () => {
    expect(describeSubject(subject(effects({}, 'not_enough_data'), effects({}, 'no_clear_effect')))).toBe('Too few services changed over the history to measure the effect of adopting it.');
  });

  it('reports a worsening as plainly as an improvement', () => {
    expect(describeSubject(subject(effects({ deploymentsPerServiceDay: 'worsened' }, 'no_clear_effect'), effects({}, 'no_clear_effect')))).toMatch(/^After adopting it, deployment frequency got worse/);
  });
});

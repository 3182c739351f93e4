import type { SubjectImpact } from './compute-subject-impact';
import { IMPACT_METRICS, type ImpactMetric, type Verdict } from './impact-types';

const NAMES: Record<ImpactMetric, string> = {
  leadTimeP50Seconds: 'lead time',
  deploymentsPerServiceDay: 'deployment frequency',
  changeFailureRate: 'change failure rate',
  recoveryTimeP50Seconds: 'recovery time',
};

const list = (metrics: ImpactMetric[]) => {
  const names = metrics.map((metric) => NAMES[metric]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};

const having = (effects: SubjectImpact['adoption']['effects'], verdict: Verdict) => IMPACT_METRICS.filter((metric) => effects[metric].verdict === verdict);

/**
 * The one-line answer for a check or level, reading both comparisons together: in particular, when passing services
 * look better but adopters did not change, the gap is most likely the teams, not the standard (confounding).
 */
export const describeSubject = ({ subject, adoption, cohort }: Omit<SubjectImpact, 'headline'>): string => {
  const what = subject.kind === 'check' ? 'adopting it' : `reaching ${subject.level}`;
  const improved = having(adoption.effects, 'improved');
  const worsened = having(adoption.effects, 'worsened');
  const cohortBetter = having(cohort.effects, 'improved');
  const measured = IMPACT_METRICS.filter((metric) => adoption.effects[metric].verdict !== 'not_enough_data');
  if (improved.length > 0 || worsened.length > 0) {
    const parts = [];
    if (improved.length > 0) parts.push(`${list(improved)} improved`);
    if (worsened.length > 0) parts.push(`${list(worsened)} got worse`);
    return `After ${what}, ${parts.join(' and ')} beyond the change the rest of the organization saw in the same weeks.`;
  }
  const better = list(cohortBetter);
  if (measured.length === 0) {
    const gap = cohortBetter.length > 0 ? ` Services that pass do have better ${better} than those that fail, but that compares different teams, not the effect of ${what}.` : '';
    return `Too few services changed over the history to measure the effect of ${what}.${gap}`;
  }
  const gap =
    cohortBetter.length > 0
      ? ` Services that pass have better ${better} than those that fail, yet the services that adopted did not improve: the gap most likely comes from other differences between teams.`
      : '';
  return `No clear effect of ${what} on ${list(measured)}.${gap}`;
};

import { getConfig } from '../config/load-config';
import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { listMetricSamples, type ServiceMetricSamples } from '../metrics/list-metric-samples';
import { getStandards } from '../scorecard/get-standards';
import type { Standards } from '../scorecard/standards-schema';
import type { AdoptionHistory } from './find-adoptions';
import { getAdoptionHistories } from './get-adoption-histories';
import { listImpactSubjects, type Subject } from './list-impact-subjects';
import { DEFAULT_IMPACT_OPTIONS, type ImpactOptions } from './impact-types';
import { DAY_MS } from '../format/time-units';

export const formatDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export type ImpactRequest = {
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

export type ImpactInputs = {
  subjects: Subject[];
  /** By subjectKey. */
  histories: Map<string, AdoptionHistory>;
  samples: Map<string, ServiceMetricSamples>;
  /** Checks not analysed, and why. */
  skipped: { check: string; reason: string }[];
  start: number;
  end: number;
  windowDays: number;
  cohortDays: number;
  settings: ImpactOptions;
};

/** Validates a request and reads what every subject's analysis needs, once: adoption histories and event samples. */
export const loadImpactInputs = async ({
  db,
  check,
  standards = getStandards(),
  windowDays = 30,
  cohortDays = getConfig().metrics.defaultWindowDays,
  historyDays = 180,
  now = new Date(),
  options,
}: ImpactRequest): Promise<ImpactInputs> => {
  const problems: string[] = [];
  if (check !== undefined && !standards.checks.some((candidate) => candidate.id === check)) {
    problems.push(`check: no check "${check}" in the standards (known: ${standards.checks.map((candidate) => candidate.id).join(', ')})`);
  }
  if (!Number.isInteger(windowDays) || windowDays < 7 || windowDays > 90) problems.push('windowDays: must be a whole number of days from 7 to 90');
  if (!Number.isInteger(historyDays) || historyDays < 2 * windowDays || historyDays > 730) problems.push(`historyDays: must be a whole number from ${2 * windowDays} to 730`);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid adoption-impact request', { details: problems });

  const end = Date.parse(`${formatDay(now.getTime())}T00:00:00Z`) + DAY_MS;
  const start = end - historyDays * DAY_MS;
  const { subjects, skipped } = listImpactSubjects(standards, check);
  const histories = await getAdoptionHistories({ db, standards, subjects, from: formatDay(start), to: formatDay(end - DAY_MS) });
  const samples = await listMetricSamples({ db, scope: { org: true }, window: { from: new Date(start), to: new Date(end) } });
  return {
    subjects,
    histories,
    samples,
    skipped,
    start,
    end,
    windowDays,
    cohortDays,
    settings: { ...DEFAULT_IMPACT_OPTIONS, ...options },
  };
};

import { and, asc, gte, lte } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { scorecardSnapshots } from '../db/schema';
import type { Standards } from '../scorecard/standards-schema';
import type { AdoptionHistory, DailyState } from './find-adoptions';
import { subjectKey, type Subject } from './list-impact-subjects';
import { DAY_MS } from '../format/time-units';



const listDays = (from: string, to: string) => {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
};

const fromStatus = (status: string | undefined): DailyState => {
  if (status === 'pass' || status === 'fail' || status === 'skip') return status;
  return null; // unknown and exempt say nothing about adoption
};

/**
 * Day-by-day states of every service for each subject (a check or a level), keyed by subjectKey, from the daily scorecard snapshots. A service
 * "passes" a level on days its level is that one or higher. Days without a snapshot are not judged.
 */
export const getAdoptionHistories = async ({ db, standards, subjects, from, to }: { db: Executor; standards: Standards; subjects: Subject[]; from: string; to: string }) => {
  const rows = await db
    .select({ service: scorecardSnapshots.service, day: scorecardSnapshots.day, level: scorecardSnapshots.level, statuses: scorecardSnapshots.statuses })
    .from(scorecardSnapshots)
    .where(and(gte(scorecardSnapshots.day, from), lte(scorecardSnapshots.day, to)))
    .orderBy(asc(scorecardSnapshots.day));
  const days = listDays(from, to);
  const dayIndex = new Map(days.map((day, index) => [day, index]));
  const services = [...new Set(rows.map((row) => row.service))];
  const rank = new Map(standards.levels.map((level, index) => [level, index + 1]));
  const histories = new Map<string, AdoptionHistory>();
  for (const subject of subjects) {
    const states = new Map<string, DailyState[]>(services.map((service) => [service, days.map((): DailyState => null)]));
    for (const row of rows) {
      const index = dayIndex.get(row.day);
      if (index === undefined) continue;
      states.get(row.service)![index] =
        subject.kind === 'check'
          ? fromStatus(row.statuses[subject.id])
          : (rank.get(row.level ?? '') ?? 0) >= rank.get(subject.level)! ? 'pass' : 'fail';
    }
    histories.set(subjectKey(subject), { days, states });
  }
  return histories;
};

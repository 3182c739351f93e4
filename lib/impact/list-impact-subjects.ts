import type { Standards } from '../scorecard/standards-schema';

export type Subject = { kind: 'check'; id: string; title: string; level: string } | { kind: 'level'; level: string };

/** A stable key for a subject: `check:<id>` or `level:<name>`. */
export const subjectKey = (subject: Subject) => (subject.kind === 'check' ? `check:${subject.id}` : `level:${subject.level}`);

// A check whose rule is itself a delivery figure (or "deployed recently") passes *because* delivery improved:
// crediting delivery to it would be circular.
const isOutcomeCheck = (rule: Standards['checks'][number]['rule']) => Boolean(rule.metric || rule.deployedWithinDays !== undefined);

/** What the impact analysis looks at: every check (or one) that is not outcome-defined, then every level. */
export const listImpactSubjects = (standards: Standards, check?: string) => {
  const subjects: Subject[] = [];
  const skipped: { check: string; reason: string }[] = [];
  for (const candidate of standards.checks) {
    if (check && candidate.id !== check) continue;
    if (isOutcomeCheck(candidate.rule)) skipped.push({ check: candidate.id, reason: 'it is defined by a delivery figure itself, so any effect on delivery would be circular' });
    else subjects.push({ kind: 'check', id: candidate.id, title: candidate.title, level: candidate.level });
  }
  if (!check) for (const level of standards.levels) subjects.push({ kind: 'level', level });
  return { subjects, skipped };
};

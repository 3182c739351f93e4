import { Badge, TierBadge } from '../ui/badge';
import type { FigureGrade } from './dora-figures';

/**
 * A figure's grade in the edition shown, always named: "Score 8.0" (DORA 2025, with the survey answer as its
 * title), "2023: High", or "Not enough data (n = 3)" below the metric's minimum sample.
 */
export function GradeBadge({ grade }: { grade: FigureGrade }) {
  if (grade.kind === 'none') return null;
  if (grade.kind === 'not-enough') return <Badge value={null} label={`Not enough data (n = ${grade.n})`} title="Below the minimum sample for a grade (METRICS.md)" />;
  if (grade.kind === 'band') return <TierBadge tier={grade.tier} prefix="2023:" />;
  return <Badge value={null} label={`Score ${grade.score.toFixed(1)}`} title={`DORA 2025 Quick Check score out of 10: ${grade.answer}`} />;
}

import { Badge, TierBadge } from '../ui/badge';
import type { FigureGrade } from './dora-figures';

/**
 * A figure's grade in the edition shown, always named: "Score 8.0" (DORA 2025, with the survey answer as its
 * title), "2023: High", or "Too few (n=3)" below the metric's minimum sample
 * (short, so figure columns still fit a laptop screen; the title says why).
 */
export function GradeBadge({ grade }: { grade: FigureGrade }) {
  if (grade.kind === 'none') return null;
  if (grade.kind === 'not-enough') {
    return (
      <Badge
        value={null}
        label={`Too few (n=${grade.n})`}
        title={`Not enough data for a grade: ${grade.n} samples, below the metric's minimum (METRICS.md)`}
      />
    );
  }
  if (grade.kind === 'band') return <TierBadge tier={grade.tier} prefix="2023:" />;
  return <Badge value={null} label={`Score ${grade.score.toFixed(1)}`} title={`DORA 2025 Quick Check score out of 10: ${grade.answer}`} />;
}

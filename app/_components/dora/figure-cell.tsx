import type { Tier } from '@/lib/metrics/metrics-types';
import { TierBadge } from '../ui/badge';
import table from '../ui/table.module.css';

/** A figure in a table cell with its tier written under it (the badge carries the word, not only the colour). */
export function FigureCell({ text, tier }: { text: string; tier: Tier | null | undefined }) {
  if (text === '—') return <span className="muted">—</span>;
  return (
    <span className={table.figure}>
      <span>{text}</span>
      <TierBadge tier={tier ?? null} />
    </span>
  );
}

import type { Tier } from '@/lib/metrics/metrics-types';
import { TierBadge } from '../ui/badge';

/** A figure in a table cell with its tier written next to it (the badge carries the word, not only the colour). */
export function FigureCell({ text, tier }: { text: string; tier: Tier | null | undefined }) {
  if (text === '—') return <span className="muted">—</span>;
  return (
    <>
      {text} <TierBadge tier={tier ?? null} />
    </>
  );
}

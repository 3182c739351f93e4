import styles from './ui.module.css';

const TONES = new Set(['elite', 'high', 'medium', 'low', 'pass', 'fail', 'exempt', 'skip', 'unknown', 'gold', 'silver', 'bronze']);

const LABELS: Record<string, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  pass: 'Pass',
  fail: 'Fail',
  exempt: 'Exempt',
  skip: 'Skipped',
  unknown: 'Unknown',
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A coloured pill that always carries its text label (colour is never the only signal). Known tiers, check
 * statuses and the built-in level names get their tone; anything else (a custom level) is neutral.
 */
export function Badge({ value, label, title }: { value: string | null | undefined; label?: string; title?: string }) {
  const key = (value ?? '').toLowerCase();
  const tone = TONES.has(key) ? styles[key] : undefined;
  const text = label ?? (value ? (LABELS[key] ?? capitalize(value)) : 'n/a');
  return (
    <span className={[styles.badge, tone].filter(Boolean).join(' ')} title={title}>
      {text}
    </span>
  );
}

export function TierBadge({ tier, prefix }: { tier: string | null | undefined; prefix?: string }) {
  if (!tier) return <Badge value={null} label="No tier" title="Not enough data to rate" />;
  return <Badge value={tier} label={`${prefix ? `${prefix} ` : ''}${LABELS[tier] ?? capitalize(tier)}`} />;
}

/** A rate (0..1) as a percentage with one decimal: 0.0877 → "8.8 %"; "—" without data. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toLocaleString('en-US')} %`);

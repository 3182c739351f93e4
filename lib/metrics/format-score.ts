/** A Quick Check score (0–10) with one decimal, as the Quick Check shows it: 7.46 → "7.5"; "—" without a score. */
export const formatScore = (score: number | null) => (score === null ? '—' : (Math.round(score * 10) / 10).toFixed(1));

/** "8.8 %", "0 %", "12 %": a 0..1 rate, one decimal below 10 %, with a thin space before the sign. */
export const formatPercent = (rate: number | null) => {
  if (rate === null) return '—';
  const percent = rate * 100;
  const text = percent === 0 ? '0' : percent < 10 ? (Math.round(percent * 10) / 10).toString() : Math.round(percent).toString();
  return `${text} %`;
};

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

const oneDecimal = (value: number) => (value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString());

/** "45 s", "12 min", "19 h", "3.5 days": a duration in seconds at the precision a person reads it. */
export const formatDuration = (seconds: number | null) => {
  if (seconds === null) return '—';
  if (seconds < MINUTE) return `${Math.round(seconds)} s`;
  if (seconds < HOUR) return `${Math.round(seconds / MINUTE)} min`;
  if (seconds < 2 * DAY) return `${oneDecimal(seconds / HOUR)} h`;
  return `${oneDecimal(seconds / DAY)} days`;
};

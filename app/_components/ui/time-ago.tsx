import { formatDateTime } from '@/lib/format/format-date';
import { formatRelativeTime } from '../format/format-relative-time';

/** A relative time ("3 h ago") with the exact UTC time in a <time> element for tooltips and machines. */
export function TimeAgo({ at, now }: { at: Date | string | null; now?: Date }) {
  if (!at) return <span className="muted">never</span>;
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
}

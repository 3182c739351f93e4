const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "21 Nov 2026, 10:04 UTC". Pages render on the server, so times are shown in UTC and say so. */
export const formatDateTime = (at: Date | string) => `${DATE_TIME.format(new Date(at))} UTC`;

/** "21 Nov 2026" (UTC). */
export const formatDate = (at: Date | string) => DATE.format(new Date(at));

import { DAY_MS } from '@/lib/format/time-units';

/** "expires today", "3 days left", "expired": how long an exemption that holds through `lastDay` (UTC) still runs. */
export const formatExpiry = (lastDay: string, now = new Date()) => {
  const end = Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS;
  const days = Math.ceil((end - now.getTime()) / DAY_MS);
  if (days <= 0) return 'expired';
  if (days === 1) return 'expires today';
  return `${days - 1} ${days - 1 === 1 ? 'day' : 'days'} left`;
};

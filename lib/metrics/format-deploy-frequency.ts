import { formatNumber } from './format-number';

const per = (value: number, unit: string) => {
  const shown = formatNumber(value);
  return `${shown} ${shown === '1' ? 'deploy' : 'deploys'}/${unit}`;
};

/** "2.4 deploys/day", "1 deploy/week", "0.5 deploys/month"; "—" without data. */
export const formatDeployFrequency = (perDay: number | null) => {
  if (perDay === null) return '—';
  if (perDay >= 1) return per(perDay, 'day');
  if (perDay * 7 >= 1) return per(perDay * 7, 'week');
  return per(perDay * 30, 'month');
};

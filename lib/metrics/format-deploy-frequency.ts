import { formatNumber } from './format-number';

/** "2.4 deploys/day", "3 deploys/week", "0.5 deploys/month"; "—" without data. */
export const formatDeployFrequency = (perDay: number | null) => {
  if (perDay === null) return '—';
  if (perDay >= 1) return `${formatNumber(perDay)} deploys/day`;
  if (perDay * 7 >= 1) return `${formatNumber(perDay * 7)} deploys/week`;
  return `${formatNumber(perDay * 30)} deploys/month`;
};

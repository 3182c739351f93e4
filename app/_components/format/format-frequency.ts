/** "2.4 deploys/day", or per week or month when that reads better ("3 deploys/week", "1 deploy/month"). */
export const formatFrequency = (perDay: number | null) => {
  if (perDay === null) return '—';
  const plural = (value: number) => (value === 1 ? 'deploy' : 'deploys');
  const show = (value: number) => (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10);
  if (perDay >= 1) return `${show(perDay)} ${plural(show(perDay))}/day`;
  if (perDay * 7 >= 1) return `${show(perDay * 7)} ${plural(show(perDay * 7))}/week`;
  const perMonth = show(perDay * 30);
  return `${perMonth} ${plural(perMonth)}/month`;
};

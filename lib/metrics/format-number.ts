/** One decimal below 10, whole numbers above ("2.4", "19", "140"); the figures stay readable at a glance. */
export const formatNumber = (value: number) => {
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return rounded.toLocaleString('en-US');
};

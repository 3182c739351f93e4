/**
 * Axis ticks at a "nice" step (1, 2, 2.5 or 5 times a power of ten) from 0 to just above `max`, never above
 * `cap` (100 for a percentage), with the decimals the step needs: 0, 0.05, 0.1 … never "0, 0, 0.1, 0.1".
 */
export const computeNiceTicks = (max: number, { cap = Number.POSITIVE_INFINITY, count = 4 } = {}) => {
  const limit = Math.min(max > 0 ? max : 1, cap);
  const rough = limit / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / power === 2.5 ? 1 : 0));
  const steps = Math.ceil(limit / step - 1e-9);
  const ticks = Array.from({ length: steps + 1 }, (_, index) => Number(Math.min(index * step, cap).toFixed(decimals)));
  return { ticks: [...new Set(ticks)], top: ticks[ticks.length - 1]!, decimals };
};

// Dots closer than this (in score points) stack instead of hiding each other.
const STACK_WIDTH = 0.25;
const MAX_STACK = 6;

/**
 * Where each graded service's dot goes on the 0–10 axis: dots of near scores stack up to the axis's height, and a
 * taller stack is drawn to its height with its count beside it.
 */
export const placeSpreadDots = <T extends { score: number }>(graded: T[]) => {
  const stacks = new Map<number, number>();
  const points = graded.flatMap((point) => {
    const slot = Math.round(point.score / STACK_WIDTH);
    const level = stacks.get(slot) ?? 0;
    stacks.set(slot, level + 1);
    // Dots above the stack's height would be drawn on its top dot, unseen: at 2,000 services, most of the page.
    return level < MAX_STACK ? [{ ...point, level }] : [];
  });
  // A stack taller than the axis is drawn to its height and labelled with its count (the 2025 answers are buckets,
  // so many services share a score).
  const overflows = [...stacks]
    .filter(([, count]) => count > MAX_STACK)
    .map(([slot, count]) => ({ at: slot * STACK_WIDTH, count }));
  return { points, overflows };
};

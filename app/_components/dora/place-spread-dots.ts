// Dots closer than this (in score points) stack instead of hiding each other.
const STACK_WIDTH = 0.25;
const MAX_STACK = 6;
// Counts of stacks closer than this (in score points) overlap: at 2,000 services the change failure rates fill
// every quarter point from 8 to 10. The taller stack keeps its count.
const MIN_LABEL_GAP = 1;

/**
 * Where each graded service's dot goes on the 0–10 axis: dots of near scores stack up to the axis's height, and a
 * taller stack is drawn to its height with its count beside it, where the count has room.
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
  const tall = [...stacks]
    .filter(([, count]) => count > MAX_STACK)
    .map(([slot, count]) => ({ at: slot * STACK_WIDTH, count }));
  const overflows: typeof tall = [];
  for (const stack of [...tall].sort((a, b) => b.count - a.count)) {
    if (overflows.every((other) => Math.abs(other.at - stack.at) >= MIN_LABEL_GAP)) overflows.push(stack);
  }
  overflows.sort((a, b) => a.at - b.at);
  return { points, overflows };
};

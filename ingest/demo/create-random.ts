import { seededRandom } from '../../lib/random/seeded-random';

/** FNV-1a: turns a seed and a name into a 32-bit seed, so each service draws from its own stream. */
const hash32 = (text: string) => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

export type Random = ReturnType<typeof createRandom>;

/**
 * The shared seeded PRNG (lib/random, mulberry32) with the few distributions the demo needs. Each service gets its own stream
 * (`createRandom(seed, name)`), so changing one service's habits does not reshuffle every other service.
 */
export const createRandom = (seed: number, stream = '') => {
  const next = seededRandom(hash32(`${seed}:${stream}`));
  const normal = () => {
    // Box-Muller; 1 - next() keeps the logarithm away from 0.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    chance: (probability: number) => next() < probability,
    between: (min: number, max: number) => min + (max - min) * next(),
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    /** A positive value whose median is `median`; `spread` is the sigma of its logarithm. */
    logNormal: (median: number, spread: number) => median * Math.exp(spread * normal()),
    poisson: (mean: number) => {
      const limit = Math.exp(-mean);
      let count = 0;
      for (let product = next(); product > limit; product *= next()) count++;
      return count;
    },
    hex: (length: number) => {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
};

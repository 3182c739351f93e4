import type { SampleCheck } from './compute-dora-2025';

/** What a figure below its minimum sample says instead of a tier or score: "not enough data (n = 3)". */
export const formatNotEnough = (sample: SampleCheck) => `not enough data (n = ${sample.n})`;

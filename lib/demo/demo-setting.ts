import { z } from 'zod';

/** Records of the demo organization carry this source; anything else is real data. */
export const DEMO_SOURCE = 'demo';
/** The `settings` key that says whether the demo is loaded, with which seed, and when. */
export const DEMO_SETTINGS_KEY = 'demo';
export const DEFAULT_DEMO_SEED = 42;

export const ZDemoSetting = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('loaded'),
    seed: z.number().int(),
    organization: z.string(),
    loadedAt: z.iso.datetime(),
    /** The UTC date the generated period ends on (exclusive): the demo is "up to yesterday" of this date. */
    through: z.iso.date(),
    records: z.number().int().nonnegative(),
  }),
  // Removed on purpose (`waymark demo --reset`): the server must not load it again on its own.
  z.object({ state: z.literal('removed'), removedAt: z.iso.datetime() }),
]);

export type DemoSetting = z.infer<typeof ZDemoSetting>;

import { z } from 'zod';
import { IMPACT_METRICS, type ImpactMetric } from '../../impact/impact-types';

const ZEffect = z.object({
  metric: z.enum(IMPACT_METRICS),
  verdict: z.enum(['improved', 'worsened', 'no_clear_effect', 'not_enough_data']),
  reason: z.string().nullable(),
  effect: z.object({ estimate: z.number(), low: z.number(), high: z.number() }).nullable(),
  figures: z.record(z.string(), z.number().nullable()),
  samples: z.record(z.string(), z.number()),
  summary: z.string(),
});

const ZEffects = z.object(Object.fromEntries(IMPACT_METRICS.map((metric) => [metric, ZEffect])) as Record<ImpactMetric, typeof ZEffect>);

const ZSubject = z.union([
  z.object({ kind: z.literal('check'), id: z.string(), title: z.string(), level: z.string() }),
  z.object({ kind: z.literal('level'), level: z.string() }),
]);

export const ZAdoptionImpact = z
  .object({
    history: z.object({ from: z.string(), to: z.string() }),
    method: z.string(),
    subjects: z.array(
      z.object({
        subject: ZSubject,
        headline: z.string(),
        cohort: z.object({ asOf: z.string(), days: z.number().int(), passing: z.array(z.string()), failing: z.array(z.string()), effects: ZEffects }),
        adoption: z.object({
          windowDays: z.number().int(),
          adopters: z.array(z.object({ service: z.string(), day: z.string() })),
          controls: z.number().int(),
          excluded: z.array(z.object({ service: z.string(), reason: z.string() })),
          effects: ZEffects,
        }),
      }),
    ),
    skipped: z.array(z.object({ check: z.string(), reason: z.string() })),
  })
  .meta({ id: 'AdoptionImpact' });

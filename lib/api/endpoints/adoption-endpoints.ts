import { z } from 'zod';
import { getAdoptionImpact } from '../../impact/get-adoption-impact';
import { getDefaultWindow } from '../../metrics/get-default-window';
import { getAdoptionSeries } from '../../scorecard/get-adoption-series';
import { getAdoptionSummary } from '../../scorecard/get-adoption-summary';
import { defineApiEndpoint } from '../define-api-endpoint';
import { ZAdoptionImpact } from '../schemas/impact-schemas';
import { ZAdoptionSeries, ZCheckAdoption } from '../schemas/scorecard-schemas';
import { ZTeamFilter } from './catalog-endpoints';

const day = z.iso.date({ error: 'must be a day, YYYY-MM-DD' });
const whole = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform((value) => Number(value));

export const adoptionEndpoint = defineApiEndpoint({
  path: '/api/v1/adoption',
  operationId: 'getAdoption',
  summary: 'Each check: how many services pass, fail, are exempt, skipped or unknown, and its pass rate, today',
  tag: 'adoption',
  query: z.strictObject({ team: ZTeamFilter }),
  paged: false,
  response: z.object({ checks: z.array(ZCheckAdoption) }).meta({ id: 'Adoption' }),
  answer: async ({ db, query }) => ({ checks: (await getAdoptionSummary({ db, team: query.team })).checks }),
});

export const adoptionSeriesEndpoint = defineApiEndpoint({
  path: '/api/v1/adoption/series',
  operationId: 'getAdoptionSeries',
  summary: "Each check's adoption per day, week or month, from the daily snapshots, with the days its rule changed",
  tag: 'adoption',
  query: z.strictObject({
    team: ZTeamFilter,
    from: day.optional().meta({ description: 'First day (default: metrics.defaultWindowDays ago)' }),
    to: day.optional().meta({ description: 'Last day (default: today)' }),
    bucket: z.enum(['day', 'week', 'month']).optional().meta({ description: 'Default week' }),
  }),
  paged: false,
  response: ZAdoptionSeries,
  answer: ({ db, query }) => {
    const fallback = getDefaultWindow();
    return getAdoptionSeries({ db, team: query.team, from: query.from ?? fallback.from, to: query.to ?? fallback.to, bucket: query.bucket });
  },
});

export const impactEndpoint = defineApiEndpoint({
  path: '/api/v1/impact',
  operationId: 'getAdoptionImpact',
  summary: 'Did adopting a check (or reaching a level) go with better delivery? Cohort and before/after comparisons',
  tag: 'adoption',
  query: z.strictObject({
    check: z.string().min(1).optional().meta({ description: 'One check (default: every check and level)' }),
    windowDays: whole.optional().meta({ description: 'Days of events on each side of an adoption (default 30)' }),
    historyDays: whole.optional().meta({ description: 'History considered (default 180)' }),
  }),
  paged: false,
  response: ZAdoptionImpact,
  answer: ({ db, query }) => getAdoptionImpact({ db, check: query.check, windowDays: query.windowDays, historyDays: query.historyDays }),
});

import { z } from 'zod';
import { AppError } from '../errors';
import { getDefaultWindow } from './get-default-window';
import type { MetricsScope, MetricsSettings, MetricsWindow } from './metrics-types';

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO 8601 date (2026-02-02, UTC midnight) or date-time with an offset (2026-02-02T00:00:00Z)',
});
const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true');
const whole = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform((value) => Number(value));

/** The metrics query's keys (the API's OpenAPI parameters are these schemas, described here once). */
export const ZMetricsQuery = z.strictObject({
  service: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .optional()
    .meta({ description: 'One service (not with team)' }),
  team: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .optional()
    .meta({ description: "One team's services (not with service)" }),
  owners: z.enum(['history', 'current'], { error: 'must be history or current' }).optional().meta({
    description: "A team's history by the owner at each event's time (history, default) or today's owners (current)",
  }),
  from: instant
    .optional()
    .meta({ description: 'Window start (inclusive); default: metrics.defaultWindowDays before to' }),
  to: instant.optional().meta({ description: 'Window end (exclusive); default: now' }),
  edition: z
    .enum(['2023', '2024', '2025'], { error: 'must be 2023, 2024 or 2025' })
    .optional()
    .meta({ description: 'The edition to lead with (default 2025)' }),
  benchmark: z
    .string()
    .regex(/^(industry|size):[a-z0-9_]+$/, 'must be industry:<group> or size:<group>, e.g. industry:all')
    .optional()
    .meta({ description: 'The 2025 benchmark group, e.g. industry:all' }),
  bucket: z
    .enum(['week', 'month'], { error: 'must be week or month' })
    .optional()
    .meta({ description: 'ISO week (default) or calendar month' }),
  limit: whole.optional(),
  offset: whole.optional(),
  failed: flag.optional().meta({ description: 'Only failed (true) or successful (false) deployments' }),
  rework: flag.optional().meta({ description: 'Only rework (true) or planned (false) deployments' }),
  dropped: flag
    .optional()
    .meta({ description: 'true: the commits left out of the lead time (authored after their deployment)' }),
  deployment: z.string().min(1).optional().meta({ description: 'The commits one deployment shipped (its id)' }),
  of: z
    .enum(['restored', 'attributed'], { error: 'must be restored or attributed' })
    .optional()
    .meta({ description: 'restored (default): behind time to restore; attributed: behind the failures' }),
});

export type MetricsQueryKey = keyof z.infer<typeof ZMetricsQuery>;

export type MetricsQuery = Omit<z.infer<typeof ZMetricsQuery>, 'service' | 'team' | 'owners' | 'from' | 'to'> & {
  scope: MetricsScope;
  window: MetricsWindow;
  /** The settings the query overrides (`owners` → teamOwners); empty when it overrides none. */
  settings: Partial<MetricsSettings>;
};

const toDate = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

/**
 * Reads the query of the metrics API and CLI: `service` or `team` (neither: the organization), `from` and `to`
 * (default: the last `metrics.defaultWindowDays` days; one alone keeps the default length), and the keys `allowed`
 * for the endpoint. Every problem is listed by key; a key the endpoint does not know is one (a typo would otherwise
 * silently widen the answer).
 */
export const parseMetricsQuery = (
  params: Record<string, string | undefined>,
  allowed: MetricsQueryKey[] = [],
): MetricsQuery => {
  const known = new Set<string>(['service', 'team', 'owners', 'from', 'to', ...allowed]);
  const problems = Object.keys(params)
    .filter((key) => !known.has(key))
    .map((key) => `${key}: unknown parameter (accepted: ${[...known].join(', ')})`);
  const present = Object.fromEntries(
    Object.entries(params).filter(([key, value]) => value !== undefined && known.has(key)),
  );
  const parsed = ZMetricsQuery.safeParse(present);
  if (!parsed.success)
    problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  if (present.service && present.team) problems.push('service, team: give one or the other, not both');
  if (problems.length > 0 || !parsed.success)
    throw new AppError('VALIDATION_FAILED', 'Invalid metrics query', { details: problems });

  const { service, team, owners, from, to, ...rest } = parsed.data;
  const scope: MetricsScope = service ? { service } : team ? { team } : { org: true };
  const fallback = getDefaultWindow();
  const length = fallback.to.getTime() - fallback.from.getTime();
  const end = to ? toDate(to) : fallback.to;
  const window = { from: from ? toDate(from) : new Date(end.getTime() - length), to: end };
  return { ...rest, scope, window, settings: owners ? { teamOwners: owners } : {} };
};

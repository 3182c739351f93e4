import { AppError } from '../errors';
import type { Executor } from '../db/client';
import { getDefaultWindow } from './get-default-window';
import { getMetricsSettings } from './get-metrics-settings';
import { getRollupUsable } from './get-rollup-usable';
import type { MetricsScope, MetricsSettings, MetricsWindow } from './metrics-types';
import { validateMetricsRequest } from './validate-metrics-request';

export type ListOptions<F> = {
  db: Executor;
  scope: MetricsScope;
  window?: MetricsWindow;
  filter?: F;
  /** Default 100, at most 1000. */
  limit?: number;
  offset?: number;
  settings?: Partial<MetricsSettings>;
};

export type ListPage<T> = { total: number; limit: number; offset: number; items: T[] };

const MAX_LIMIT = 1000;

/** Checks a drill-down request and fills in its defaults (window, settings, paging). */
export const resolveListRequest = async <F>({ db, scope, window = getDefaultWindow(), limit = 100, offset = 0, settings }: ListOptions<F>) => {
  const problems: string[] = [];
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) problems.push(`limit: must be a whole number from 1 to ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0) problems.push('offset: must be a whole number, 0 or more');
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid list request', { details: problems });
  await validateMetricsRequest(db, { scope, window });
  const resolved = getMetricsSettings(settings);
  return { window, limit, offset, settings: resolved, useRollup: await getRollupUsable(db, resolved) };
};

import type { Executor } from '../db/client';
import { runMetricsQuery } from './run-metrics-query';
import { buildDoraCellsQuery } from './build-dora-cells-query';
import type { DoraCteOptions } from './build-dora-ctes';
import type { DoraCell } from './metrics-types';

/** The raw figures of every (window, group) cell (see buildDoraCellsQuery). */
export const queryDoraCells = (db: Executor, options: DoraCteOptions): Promise<DoraCell[]> => runMetricsQuery<DoraCell>(db, buildDoraCellsQuery(options));

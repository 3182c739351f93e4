import type { SortDirection } from './sort-header';

/**
 * Sorts rows by one column; missing values (null) always go last, whichever the direction, so "best first" and
 * "worst first" both start with real figures.
 */
export const sortRows = <T>(rows: T[], value: (row: T) => string | number | null, dir: SortDirection): T[] =>
  [...rows].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    const order = typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right));
    return dir === 'asc' ? order : -order;
  });

export const readSort = <C extends string>(params: Record<string, string | string[] | undefined>, columns: readonly C[], fallback: C): { sort: C; dir: SortDirection } => {
  const sort = columns.find((column) => column === params.sort) ?? fallback;
  return { sort, dir: params.dir === 'desc' ? 'desc' : 'asc' };
};

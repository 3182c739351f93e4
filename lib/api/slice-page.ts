import type { PageRequest } from './define-api-endpoint';

/** One page of a list read whole (services, teams, scorecards: one row per service, so small). */
export const slicePage = <T>(all: readonly T[], { offset, limit }: PageRequest) => ({ items: all.slice(offset, offset + limit), total: all.length });

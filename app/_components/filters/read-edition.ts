import { getConfig } from '@/lib/config/load-config';
import { EDITIONS, type Edition } from '@/lib/metrics/metrics-types';
import type { SearchParams } from './read-filters';

/** The DORA edition a page leads with: `?edition=2025|2024|2023`, else `metrics.edition` (2025). */
export const readEdition = (params: SearchParams): Edition => {
  const value = Array.isArray(params.edition) ? params.edition[0] : params.edition;
  return EDITIONS.find((edition) => edition === value) ?? getConfig().metrics.edition;
};

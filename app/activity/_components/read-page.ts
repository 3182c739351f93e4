import type { SearchParams } from '../../_components/filters/read-filters';

export const PAGE_SIZE = 50;

/** The list offset from `?offset=`, a whole number; anything else starts at the top. */
export const readOffset = (params: SearchParams) => {
  const raw = Array.isArray(params.offset) ? params.offset[0] : params.offset;
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
};

export const readParam = (params: SearchParams, name: string, allowed: string[]) => {
  const raw = Array.isArray(params[name]) ? params[name][0] : params[name];
  return raw && allowed.includes(raw) ? raw : null;
};

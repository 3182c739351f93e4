import type { PagerdutyClient, PagerdutyQuery } from './create-pagerduty-client';
import { DAY_MS } from '../../../lib/format/time-units';

/** PagerDuty's classic pagination: at most 100 a page, and `offset + limit` may not pass 10,000. */
const LIMIT = 100;
export const MAX_OFFSET_RECORDS = 10_000;
const SMALLEST_WINDOW_MS = 60_000;

export type Window = { since: Date; until: Date };

/** Splits [from, to) into consecutive windows no wider than `days` (PagerDuty refuses windows over 6 months). */
export const splitWindows = (from: Date, to: Date, days: number): Window[] => {
  const windows: Window[] = [];
  const width = days * DAY_MS;
  for (let start = from.getTime(); start < to.getTime(); start += width) {
    windows.push({ since: new Date(start), until: new Date(Math.min(start + width, to.getTime())) });
  }
  return windows;
};

/**
 * Every record of a list endpoint (`incidents`, `log_entries`) in one since/until window. The first page asks for the
 * total; a window holding more than the 10,000 records offset pagination can reach is halved and each half walked
 * (time is the only way past the cap), down to one minute.
 */
export const collectPagerdutyList = async (
  client: PagerdutyClient,
  path: string,
  key: string,
  window: Window,
  query: PagerdutyQuery = {},
): Promise<unknown[]> => {
  const items: unknown[] = [];
  for (let offset = 0; ; offset += LIMIT) {
    const page = await client.get(path, {
      ...query,
      since: window.since.toISOString(),
      until: window.until.toISOString(),
      time_zone: 'UTC',
      limit: LIMIT,
      offset,
      total: offset === 0 ? true : undefined,
    });
    const total = typeof page.total === 'number' ? page.total : null;
    const tooMany =
      (offset === 0 && total !== null && total > MAX_OFFSET_RECORDS) ||
      (page.more === true && offset + 2 * LIMIT > MAX_OFFSET_RECORDS);
    if (tooMany) {
      const width = window.until.getTime() - window.since.getTime();
      if (width <= SMALLEST_WINDOW_MS)
        throw new Error(
          `PagerDuty ${path}: more than ${MAX_OFFSET_RECORDS} records within one minute ` +
            `from ${window.since.toISOString()}`,
        );
      const middle = new Date(window.since.getTime() + Math.floor(width / 2));
      return [
        ...(await collectPagerdutyList(client, path, key, { since: window.since, until: middle }, query)),
        ...(await collectPagerdutyList(client, path, key, { since: middle, until: window.until }, query)),
      ];
    }
    const records = page[key];
    if (!Array.isArray(records)) throw new Error(`PagerDuty ${path} answered without a "${key}" list`);
    items.push(...records);
    if (page.more !== true || records.length === 0) return items;
  }
};

import type { GithubClient } from './create-github-client';
import { isNotModified } from './is-not-modified';

export type PagesResult<T> = { notModified: true } | { notModified: false; items: T[]; etag: string | null; complete: boolean };

export type FetchPagesOptions<T> = {
  /** The first page's ETag from the last run: a 304 means nothing on it changed, and costs no rate limit. */
  etag?: string | null;
  /** Where a page's items are (`workflow_runs`, `commits`); default: the page is the array. */
  itemsOf?: (data: unknown) => unknown[];
  /** Asked after every page: true stops before the next one (the rest is already known). */
  stop?: (page: T[]) => boolean | Promise<boolean>;
};

const nextLink = (link: string | undefined) => link?.split(',').find((part) => /rel="next"/.test(part))?.match(/<([^>]+)>/)?.[1] ?? null;

/**
 * Walks a listing page by page (100 a page) following the Link header, the first page conditional on its ETag.
 * Stops early when `stop` says the rest is known, which keeps incremental runs to a page or two.
 */
export const fetchPages = async <T>(client: GithubClient, route: string, params: Record<string, unknown>, options: FetchPagesOptions<T> = {}): Promise<PagesResult<T>> => {
  const itemsOf = options.itemsOf ?? ((data: unknown) => data as unknown[]);
  let response;
  try {
    response = await client.octokit.request(route, {
      ...params,
      per_page: 100,
      headers: options.etag ? { 'if-none-match': options.etag } : {},
    });
  } catch (error) {
    if (isNotModified(error)) return { notModified: true };
    throw error;
  }
  const etag = response.headers.etag ?? null;
  const items: T[] = [];
  for (;;) {
    const page = itemsOf(response.data) as T[];
    items.push(...page);
    if (await options.stop?.(page)) return { notModified: false, items, etag, complete: false };
    const next = nextLink(response.headers.link);
    if (!next) return { notModified: false, items, etag, complete: true };
    response = await client.octokit.request({ method: 'GET', url: next });
  }
};

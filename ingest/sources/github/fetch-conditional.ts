import type { GithubClient } from './create-github-client';
import { isNotModified } from './is-not-modified';

export type ConditionalResult<T> = { notModified: true } | { notModified: false; data: T; etag: string | null };

/** One GET, conditional on the ETag of the last answer when there is one. */
export const fetchConditional = async <T>(client: GithubClient, route: string, params: Record<string, unknown>, etag: string | null | undefined): Promise<ConditionalResult<T>> => {
  try {
    const response = await client.octokit.request(route, { ...params, headers: etag ? { 'if-none-match': etag } : {} });
    return { notModified: false, data: response.data as T, etag: response.headers.etag ?? null };
  } catch (error) {
    if (isNotModified(error)) return { notModified: true };
    throw error;
  }
};

import { App, Octokit } from 'octokit';
import { log } from '../../../lib/observability/log';

export type GithubAuth = { token: string } | { appId: string; privateKey: string; installationId: number };

export type GithubClientOptions = {
  apiUrl: string;
  auth: GithubAuth;
  /** Retries of 5xx answers and network errors (plugin-retry); waits (n+1)² × retryBaseMs. */
  retries?: number;
  retryBaseMs?: number;
  /** Rate-limit waits are the seconds GitHub asks for × throttleBaseMs: 1000 in production, ~1 in tests. */
  throttleBaseMs?: number;
  rateLimitRetries?: number;
  /** Aborts every request (a stopped worker, a killed run in tests). */
  signal?: AbortSignal;
  /** The fetch to use; tests pass one that can drop connections. */
  fetch?: typeof fetch;
};

export type GithubStats = {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Requests that carried If-None-Match. */
  conditional: number;
  /** 304 answers: they cost no rate limit. */
  notModified: number;
  rateLimitRemaining: number | null;
};

export type GithubClient = { octokit: Octokit; stats: GithubStats };

const quietLog = {
  debug: () => {},
  info: () => {},
  warn: (message: string) => log.warn(message, { source: 'github' }),
  error: (message: string) => log.error(message, { source: 'github' }),
};

/**
 * An octokit for one repository sync (or one webhook job), authenticated by token or as a GitHub App installation,
 * with retry and throttling tuned by the caller, and counting every request it sends so a run can report them.
 * The token goes into octokit's auth only: octokit redacts it from errors, and nothing here logs it.
 */
export const createGithubClient = async (options: GithubClientOptions): Promise<GithubClient> => {
  const stats: GithubStats = { requests: 0, conditional: 0, notModified: 0, rateLimitRemaining: null };
  const baseFetch = options.fetch ?? globalThis.fetch;
  const countingFetch: typeof fetch = async (input, init) => {
    stats.requests++;
    const headers = new Headers(init?.headers);
    if (headers.has('if-none-match')) stats.conditional++;
    const response = await baseFetch(input, init);
    if (response.status === 304) stats.notModified++;
    const remaining = response.headers.get('x-ratelimit-remaining');
    if (remaining !== null && Number.isFinite(Number(remaining))) stats.rateLimitRemaining = Number(remaining);
    return response;
  };
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const retry = retryCount < rateLimitRetries;
    log.warn(`GitHub ${kind} rate limit: ${retry ? `waiting ${retryAfter}s` : 'giving up'}`, { method: request.method, url: request.url, retryCount });
    return retry;
  };
  const Client = Octokit.defaults({
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    request: { fetch: countingFetch, signal: options.signal },
    log: quietLog,
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: {
      retryAfterBaseValue: options.throttleBaseMs ?? 1000,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
  });
  if ('token' in options.auth) return { octokit: new Client({ auth: options.auth.token }), stats };
  const app = new App({ appId: options.auth.appId, privateKey: options.auth.privateKey, Octokit: Client, log: quietLog });
  return { octokit: (await app.getInstallationOctokit(options.auth.installationId)) as unknown as Octokit, stats };
};

import { Gitlab } from '@gitbeaker/rest';
import { GitlabRequestError } from './gitlab-request-error';

export type GitlabClientOptions = {
  /** gitlab.com or a self-managed instance, without /api/v4. */
  baseUrl: string;
  token: string;
  /** Attempts after a 429 or 5xx before giving up. */
  retries?: number;
  /** Milliseconds per second of a server-given wait (Retry-After, RateLimit-Reset); tests shrink it. */
  msPerSecond?: number;
  /** Base of the exponential back-off after a 5xx, in milliseconds. */
  backoffBaseMs?: number;
  /** Largest wait honoured at once, in seconds: a longer one is a problem to report, not to sleep through. */
  maxWaitSeconds?: number;
  signal?: AbortSignal;
  /** Shared by the clients of one sync: an exhausted rate limit pauses all of them. */
  limiter?: GitlabLimiter;
};

/** When the next request may go out (epoch ms): RateLimit-Remaining reaching 0 sets it to the window's reset. */
export type GitlabLimiter = { pausedUntil: number };

export type GitlabStats = {
  requests: number;
  conditional: number;
  notModified: number;
  retried: number;
  rateLimitRemaining: number | null;
};

/** A cached answer: sent again as If-None-Match, and returned as it was when GitLab answers 304. */
export type CachedAnswer = { etag: string; body: unknown };

export type GitlabClient = {
  api: InstanceType<typeof Gitlab>;
  stats: GitlabStats;
  /** Answers kept for conditional requests, by URL; a sync seeds and saves the ones worth keeping. */
  conditional: Map<string, CachedAnswer>;
};

type RequestOptions = { searchParams?: Record<string, unknown>; body?: unknown; signal?: AbortSignal };
type ResourceOptions = {
  url: string;
  headers: Record<string, string>;
  authHeaders: Record<string, () => Promise<string>>;
};
type Answer = { body: unknown; headers: Record<string, string>; status: number };

const TRANSIENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

const CONDITIONAL = /\/repository\/files\//;

const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** gitbeaker hands camelCase options over; GitLab reads snake_case query parameters. */
const toQuery = (params: Record<string, unknown> = {}) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const name = snake(key);
    if (Array.isArray(value)) for (const item of value) query.append(`${name}[]`, String(item));
    else query.set(name, value instanceof Date ? value.toISOString() : String(value));
  }
  query.sort();
  return query.toString();
};

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
  });

/** Seconds to wait before retrying a 429: Retry-After, else until RateLimit-Reset, else a minute (GitLab's window). */
const waitOf = (headers: Headers, now = Date.now()) => {
  const retryAfter = Number(headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && headers.get('retry-after') !== null) return retryAfter;
  const reset = Number(headers.get('ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset - Math.floor(now / 1000));
  return 60;
};

const readBody = async (response: Response) => {
  const text = await response.text();
  if (!text) return null;
  return (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : text;
};

/**
 * A gitbeaker client whose requests go through our own loop instead of gitbeaker's (which retries a 429 after
 * milliseconds): every request is counted; a 429 waits what Retry-After (or RateLimit-Reset) says; a 5xx backs off
 * exponentially; when RateLimit-Remaining reaches 0 the next request waits for the reset; and GETs whose answer is
 * cached go out with If-None-Match, a 304 returning the cached body. The token travels in PRIVATE-TOKEN only.
 */
export const createGitlabClient = (options: GitlabClientOptions): GitlabClient => {
  const stats: GitlabStats = { requests: 0, conditional: 0, notModified: 0, retried: 0, rateLimitRemaining: null };
  const conditional = new Map<string, CachedAnswer>();
  const msPerSecond = options.msPerSecond ?? 1000;
  const retries = options.retries ?? 5;
  const maxWait = options.maxWaitSeconds ?? 900;
  const limiter = options.limiter ?? { pausedUntil: 0 };

  const send = async (
    resource: ResourceOptions,
    method: string,
    endpoint: string,
    request: RequestOptions = {},
  ): Promise<Answer> => {
    const query = toQuery(request.searchParams);
    const url = `${resource.url.replace(/\/?$/, '/')}${endpoint}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { ...resource.headers, accept: 'application/json' };
    for (const [name, value] of Object.entries(resource.authHeaders)) headers[name] = await value();
    const cached = method === 'GET' ? conditional.get(url) : undefined;
    if (cached) headers['if-none-match'] = cached.etag;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body) headers['content-type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      options.signal?.throwIfAborted();
      if (limiter.pausedUntil > Date.now()) await sleep(limiter.pausedUntil - Date.now(), options.signal);
      stats.requests++;
      if (cached) stats.conditional++;
      let response: Response;
      try {
        response = await fetch(url, { method, headers, body, signal: options.signal });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        // A dropped connection is retried; a host that refuses or does not exist is a configuration problem.
        if (cause?.code && TRANSIENT.has(cause.code) && attempt < retries) {
          stats.retried++;
          await sleep((options.backoffBaseMs ?? 500) * 2 ** attempt, options.signal);
          continue;
        }
        throw new GitlabRequestError(
          method,
          url,
          0,
          `cannot reach ${new URL(url).origin}: ${cause?.code ?? cause?.message ?? String(error)}`,
        );
      }
      const remaining = response.headers.get('ratelimit-remaining');
      if (remaining !== null) {
        stats.rateLimitRemaining = Number(remaining);
        // Our own limiter: an exhausted window is waited out before the next request, not discovered by a 429.
        if (Number(remaining) === 0)
          limiter.pausedUntil = Date.now() + Math.min(waitOf(response.headers), maxWait) * msPerSecond;
      }
      if (response.status === 304 && cached) {
        stats.notModified++;
        await response.body?.cancel();
        return { body: cached.body, headers: Object.fromEntries(response.headers), status: 200 };
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < retries) {
        await response.body?.cancel();
        stats.retried++;
        const seconds = response.status === 429 ? waitOf(response.headers) : 0;
        if (seconds > maxWait) throw new GitlabRequestError(method, url, response.status, `asked to wait ${seconds} s`);
        const ms = response.status === 429 ? seconds * msPerSecond : (options.backoffBaseMs ?? 500) * 2 ** attempt;
        await sleep(ms, options.signal);
        continue;
      }
      const parsed = await readBody(response);
      if (!response.ok) {
        const message =
          (parsed as { message?: unknown; error?: unknown } | null)?.message ??
          (parsed as { error?: unknown } | null)?.error ??
          parsed;
        throw new GitlabRequestError(
          method,
          url,
          response.status,
          typeof message === 'string' ? message : JSON.stringify(message),
        );
      }
      const etag = response.headers.get('etag');
      // Only answers worth asking again conditionally are kept (files); listings move on with their cursors.
      if (method === 'GET' && etag && CONDITIONAL.test(url)) conditional.set(url, { etag, body: parsed });
      return { body: parsed, headers: Object.fromEntries(response.headers), status: response.status };
    }
  };

  const requesterFn = (resource: ResourceOptions) => ({
    get: (endpoint: string, request?: RequestOptions) => send(resource, 'GET', endpoint, request),
    post: (endpoint: string, request?: RequestOptions) => send(resource, 'POST', endpoint, request),
    put: (endpoint: string, request?: RequestOptions) => send(resource, 'PUT', endpoint, request),
    patch: (endpoint: string, request?: RequestOptions) => send(resource, 'PATCH', endpoint, request),
    delete: (endpoint: string, request?: RequestOptions) => send(resource, 'DELETE', endpoint, request),
  });
  const api = new Gitlab({
    host: options.baseUrl.replace(/\/$/, ''),
    token: options.token,
    requesterFn: requesterFn as never,
  });
  return { api, stats, conditional };
};

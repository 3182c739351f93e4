export type PagerdutyClientOptions = {
  token: string;
  apiUrl: string;
  /** Injected by tests to skip real waiting; the wait still happens in order. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per request for 429s, 5xx answers and dropped connections. */
  attempts?: number;
};

export type PagerdutyQuery = Record<string, string | number | boolean | string[] | undefined>;

export type PagerdutyClient = {
  get: (path: string, query?: PagerdutyQuery) => Promise<Record<string, unknown>>;
  /** Requests sent so far, retries included (what the run record shows). */
  readonly requests: number;
  /** `ratelimit-remaining` of the last answer, when PagerDuty sent it. */
  readonly rateLimitRemaining: number | null;
};

/** A refused request: its status and PagerDuty's own message, never the key. */
export class PagerdutyRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PagerdutyRequestError';
  }
}

const LONGEST_WAIT_MS = 60_000;

const waitOf = (headers: Headers, fallbackMs: number) => {
  const reset = Number(headers.get('ratelimit-reset'));
  return Math.min(LONGEST_WAIT_MS, Number.isFinite(reset) && reset > 0 ? reset * 1000 : fallbackMs);
};

const toUrl = (base: string, path: string, query: PagerdutyQuery) => {
  const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(`${key}[]`, item);
    else url.searchParams.set(key, String(value));
  }
  return url;
};

const describeRefusal = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as { error?: { message?: unknown; errors?: unknown } } | null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : response.statusText;
  const errors = Array.isArray(body?.error?.errors)
    ? ` (${body.error.errors.filter((item) => typeof item === 'string').join('; ')})`
    : '';
  return `${message}${errors}`;
};

/**
 * PagerDuty's REST API v2 with a read-only key, over plain fetch: three GET endpoints do not need @pagerduty/pdjs,
 * and its retry loop hides the `ratelimit-*` headers and the request count the run record keeps. Rate limits are
 * honoured (developer.pagerduty.com, "Rate Limiting"): a 429 waits `ratelimit-reset` seconds and retries; an answer
 * with `ratelimit-remaining: 0` makes the next request wait for the reset. 5xx answers and dropped connections are
 * retried with backoff; any other refusal is thrown with PagerDuty's message.
 */
export const createPagerdutyClient = ({
  token,
  apiUrl,
  sleep = (ms) => new Promise((done) => setTimeout(done, ms)),
  attempts = 5,
}: PagerdutyClientOptions): PagerdutyClient => {
  let requests = 0;
  let rateLimitRemaining: number | null = null;
  let waitBeforeNext = 0;
  const get = async (path: string, query: PagerdutyQuery = {}) => {
    const url = toUrl(apiUrl, path, query);
    for (let attempt = 1; ; attempt++) {
      if (waitBeforeNext > 0) await sleep(waitBeforeNext);
      waitBeforeNext = 0;
      requests++;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { authorization: `Token token=${token}`, accept: 'application/vnd.pagerduty+json;version=2' },
        });
      } catch (error) {
        if (attempt >= attempts)
          throw new Error(`PagerDuty GET ${url.pathname} failed: ${(error as Error).message}`, { cause: error });
        waitBeforeNext = 500 * 2 ** (attempt - 1);
        continue;
      }
      const remaining = response.headers.get('ratelimit-remaining');
      if (remaining !== null && Number.isFinite(Number(remaining))) rateLimitRemaining = Number(remaining);
      if (response.ok) {
        if (rateLimitRemaining === 0) waitBeforeNext = waitOf(response.headers, 1000);
        return (await response.json()) as Record<string, unknown>;
      }
      const retriable = response.status === 429 || response.status >= 500;
      if (!retriable || attempt >= attempts) {
        throw new PagerdutyRequestError(
          response.status,
          `PagerDuty GET ${url.pathname} answered ${response.status}: ${await describeRefusal(response)}`,
        );
      }
      await response.body?.cancel();
      waitBeforeNext = response.status === 429 ? waitOf(response.headers, 1000) : 500 * 2 ** (attempt - 1);
    }
  };
  return {
    get,
    get requests() {
      return requests;
    },
    get rateLimitRemaining() {
      return rateLimitRemaining;
    },
  };
};

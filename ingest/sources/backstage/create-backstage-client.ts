export type BackstageClientOptions = {
  /** The Backstage backend's base URL (backend.baseUrl), with or without `/api/catalog`. */
  url: string;
  /** A static service-to-service token (backend.auth.externalAccess, type `static`); none for an open catalog. */
  token?: string | null;
  /** Injected by tests to skip real waiting; the wait still happens in order. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per request for 429s, 5xx answers and dropped connections. */
  attempts?: number;
};

export type BackstageQuery = [string, string][];

export type BackstageClient = {
  /** GET a catalog API path (`entities/by-query`) with its query parameters; the parsed JSON answer. */
  get: (path: string, query?: BackstageQuery) => Promise<unknown>;
  /** Requests sent so far, retries included (what the run record shows). */
  readonly requests: number;
};

/** A refused request: its status and what to do about it, never the token. */
export class BackstageRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BackstageRequestError';
  }
}

const LONGEST_WAIT_MS = 60_000;

/** `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3); the fallback when absent or unreadable. */
const retryAfterOf = (headers: Headers, fallbackMs: number) => {
  const value = headers.get('retry-after');
  if (!value) return fallbackMs;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Math.min(LONGEST_WAIT_MS, Number.isFinite(ms) && ms > 0 ? ms : fallbackMs);
};

/** Backstage's error body is `{ error: { name, message }, response: { statusCode } }` (errors.ts of backend-common). */
const describeRefusal = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  return typeof body?.error?.message === 'string' ? body.error.message : response.statusText;
};

export const toCatalogBase = (url: string) => {
  const trimmed = url.replace(/\/+$/, '');
  return /\/api\/catalog$/.test(trimmed) ? `${trimmed}/` : `${trimmed}/api/catalog/`;
};

/**
 * The Backstage catalog's REST API over plain fetch (backstage.io/docs/features/software-catalog/software-catalog-api):
 * `Authorization: Bearer <static token>` as external access documents it. 401 and 403 say the token is wrong
 * (without showing it); 429s wait `Retry-After`, 5xx answers and dropped connections are retried with backoff, as the
 * PagerDuty and incident.io clients do; any other refusal is thrown with Backstage's message.
 */
export const createBackstageClient = ({
  url,
  token,
  sleep = (ms) => new Promise((done) => setTimeout(done, ms)),
  attempts = 5,
}: BackstageClientOptions): BackstageClient => {
  let requests = 0;
  const base = toCatalogBase(url);
  const get = async (path: string, query: BackstageQuery = []) => {
    const target = new URL(path.replace(/^\//, ''), base);
    for (const [key, value] of query) target.searchParams.append(key, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    for (let attempt = 1; ; attempt++) {
      requests++;
      let response: Response;
      try {
        response = await fetch(target, { headers });
      } catch (error) {
        if (attempt >= attempts)
          throw new Error(`Backstage GET ${target.pathname} failed: ${(error as Error).message}`, { cause: error });
        await sleep(500 * 2 ** (attempt - 1));
        continue;
      }
      if (response.ok) return (await response.json()) as unknown;
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        const refused = token
          ? 'the token; check WAYMARK_BACKSTAGE_TOKEN (--token)'
          : 'a request without a token; set WAYMARK_BACKSTAGE_TOKEN (--token)';
        throw new BackstageRequestError(
          response.status,
          `Backstage GET ${target.pathname} answered ${response.status}: the catalog refused ${refused} ` +
            'and that backend.auth.externalAccess lists it',
        );
      }
      const retriable = response.status === 429 || response.status >= 500;
      if (!retriable || attempt >= attempts) {
        throw new BackstageRequestError(
          response.status,
          `Backstage GET ${target.pathname} answered ${response.status}: ${await describeRefusal(response)}`,
        );
      }
      await response.body?.cancel();
      await sleep(response.status === 429 ? retryAfterOf(response.headers, 1000) : 500 * 2 ** (attempt - 1));
    }
  };
  return {
    get,
    get requests() {
      return requests;
    },
  };
};

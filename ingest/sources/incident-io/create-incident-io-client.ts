export type IncidentIoClientOptions = {
  token: string;
  apiUrl: string;
  /** Injected by tests to skip real waiting; the wait still happens in order. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per request for 429s, 5xx answers and dropped connections. */
  attempts?: number;
};

export type IncidentIoQuery = [string, string][];

export type IncidentIoClient = {
  get: (path: string, query?: IncidentIoQuery) => Promise<Record<string, unknown>>;
  /** Requests sent so far, retries included (what the run record shows). */
  readonly requests: number;
};

/** A refused request: its status and incident.io's own message, never the key. */
export class IncidentIoRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'IncidentIoRequestError';
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

const describeRefusal = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: unknown }[] } | null;
  const messages = Array.isArray(body?.errors)
    ? body.errors.map((error) => error?.message).filter((message) => typeof message === 'string')
    : [];
  return messages.length > 0 ? messages.join('; ') : response.statusText;
};

/**
 * incident.io's public API with a bearer key, over plain fetch (incident.io publishes no JavaScript client, and one
 * GET endpoint needs none). A 429 waits `Retry-After` and retries; 5xx answers and dropped connections are retried
 * with backoff; any other refusal is thrown with incident.io's message. The request count stays in our hands.
 */
export const createIncidentIoClient = ({
  token,
  apiUrl,
  sleep = (ms) => new Promise((done) => setTimeout(done, ms)),
  attempts = 5,
}: IncidentIoClientOptions): IncidentIoClient => {
  let requests = 0;
  const get = async (path: string, query: IncidentIoQuery = []) => {
    const url = new URL(path.replace(/^\//, ''), apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
    for (const [key, value] of query) url.searchParams.append(key, value);
    for (let attempt = 1; ; attempt++) {
      requests++;
      let response: Response;
      try {
        response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      } catch (error) {
        if (attempt >= attempts)
          throw new Error(`incident.io GET ${url.pathname} failed: ${(error as Error).message}`, { cause: error });
        await sleep(500 * 2 ** (attempt - 1));
        continue;
      }
      if (response.ok) return (await response.json()) as Record<string, unknown>;
      const retriable = response.status === 429 || response.status >= 500;
      if (!retriable || attempt >= attempts) {
        throw new IncidentIoRequestError(
          response.status,
          `incident.io GET ${url.pathname} answered ${response.status}: ${await describeRefusal(response)}`,
        );
      }
      await response.body?.cancel();
      const backoff = 500 * 2 ** (attempt - 1);
      await sleep(response.status === 429 ? retryAfterOf(response.headers, 1000) : backoff);
    }
  };
  return {
    get,
    get requests() {
      return requests;
    },
  };
};

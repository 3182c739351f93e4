import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { MINUTE_MS } from '../format/time-units';

const gzipAsync = promisify(gzip);
// Replays are compressed per answer (each has its own nonce): the fastest level, which on HTML gives up a few percent
// of size for a third of the time; a 2,000-service organization's pages are megabytes.
const REPLAY_GZIP = { level: 1 };

// The dashboard's read pages: what they show comes from tables that move the data revision, stored analyses and the
// clock. Sign-in, tokens, roles, the audit log, ingest status and exemption requests read tables that do not, and
// are always rendered.
const STORED_PAGES = /^\/(?:dora|adoption|impact|standards|(?:teams|services|activity|campaigns|reports)(?:\/.*)?)?$/;

// What a page's answer varies by besides its address: Next's own request headers (the Vary of its answers: the
// HTML document or the RSC payload of a client navigation or prefetch) and who is asking.
const KEY_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'cookie',
  'authorization',
];

// Made for each answer, never replayed: the policy with its nonce (serve sets a new one), framing and the date.
const PER_ANSWER = new Set([
  'content-security-policy',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
]);
const STORED_TYPES = /^(?:text\/html|text\/x-component)/;
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

type StoredAnswer = {
  stamp: string;
  storedAt: number;
  status: number;
  headers: OutgoingHttpHeaders;
  /** The body cut at every occurrence of the nonce it was rendered with, so each replay carries its own. */
  parts: Buffer[];
  bytes: number;
};

export type PageAnswerCache = {
  serve: (
    request: IncomingMessage,
    response: ServerResponse,
    answer: { nonce: string; render: () => Promise<unknown> },
  ) => Promise<void>;
};

type Options = {
  /** What stored answers depend on besides the request (lib/db/get-answer-stamp.ts). */
  readStamp: () => Promise<string>;
  /** Pages also move with the clock ("3 min ago", "the last 30 days"): no answer is replayed for longer. */
  maxAgeMs?: number;
  maxBytes?: number;
  now?: () => number;
};

const keyOf = (request: IncomingMessage) => {
  const hash = createHash('sha256').update(request.url ?? '/');
  for (const name of KEY_HEADERS) hash.update(`\n${name}:${request.headers[name] ?? ''}`);
  return hash.digest('base64url');
};

export const isStoredPage = (request: IncomingMessage) =>
  request.method === 'GET' && STORED_PAGES.test(new URL(request.url ?? '/', 'http://x').pathname);

const splitAt = (body: Buffer, separator: Buffer) => {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(separator); at !== -1; at = body.indexOf(separator, start)) {
    parts.push(body.subarray(start, at));
    start = at + separator.length;
  }
  parts.push(body.subarray(start));
  return parts;
};

/** Tees what Next writes to the response; resolves with the whole answer once it ends, or null if it never does. */
const captureAnswer = (response: ServerResponse) =>
  new Promise<{ status: number; headers: OutgoingHttpHeaders; body: Buffer } | null>((resolve) => {
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding: unknown) => {
      if (typeof chunk === 'string')
        chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') keep(chunk, rest[0]);
      resolve({ status: response.statusCode, headers: response.getHeaders(), body: Buffer.concat(chunks) });
      return end(chunk, ...rest);
    }) as typeof response.end;
    response.once('close', () => resolve(null));
  });

/**
 * Answers of the dashboard's read pages, rendered once per (request, stamp) and replayed to every reader until the
 * data or the stored analyses change or `maxAgeMs` passes: one render serves a page's concurrent readers, who
 * otherwise queue on the one thread that renders them all. Readers arriving while the first render runs wait for
 * it, or get the previous answer when only its age made it render again. Each replay gets the request's own
 * nonce, and is compressed for it when it accepts gzip. Only whole 200 answers of HTML or RSC payloads that set no
 * cookie are kept, in memory, the least recently read dropped first.
 */
export const createPageAnswerCache = ({
  readStamp,
  maxAgeMs = MINUTE_MS,
  maxBytes = 64 * 1024 * 1024,
  now = Date.now,
}: Options): PageAnswerCache => {
  const stored = new Map<string, StoredAnswer>();
  const rendering = new Map<string, Promise<StoredAnswer | null>>();
  let storedBytes = 0;

  const forget = (key: string) => {
    const answer = stored.get(key);
    if (!answer) return;
    stored.delete(key);
    storedBytes -= answer.bytes;
  };

  const keep = (key: string, answer: StoredAnswer) => {
    forget(key);
    stored.set(key, answer);
    storedBytes += answer.bytes;
    while (storedBytes > maxBytes) forget(stored.keys().next().value!);
  };

  const replay = async (answer: StoredAnswer, request: IncomingMessage, response: ServerResponse, nonce: string) => {
    const nonceBytes = Buffer.from(nonce);
    const text = Buffer.concat(answer.parts.flatMap((part, index) => (index === 0 ? [part] : [nonceBytes, part])));
    const zipped = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = zipped ? await gzipAsync(text, REPLAY_GZIP) : text;
    for (const [name, value] of Object.entries(answer.headers))
      if (value !== undefined) response.setHeader(name, value);
    if (zipped) response.setHeader('content-encoding', 'gzip');
    response.setHeader('content-length', body.length);
    response.setHeader('x-waymark-answer', 'stored');
    response.writeHead(answer.status).end(body);
  };

  const render = async (
    key: string,
    stamp: string,
    response: ServerResponse,
    { nonce, render: renderPage }: { nonce: string; render: () => Promise<unknown> },
  ): Promise<StoredAnswer | null> => {
    const captured = captureAnswer(response);
    await renderPage();
    const answer = await captured;
    if (!answer || answer.status !== 200 || answer.headers['set-cookie'] !== undefined) return null;
    if (answer.headers['content-encoding'] !== undefined || answer.body.length > MAX_ANSWER_BYTES) return null;
    if (!STORED_TYPES.test(String(answer.headers['content-type'] ?? ''))) return null;
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !PER_ANSWER.has(name)));
    const parts = splitAt(answer.body, Buffer.from(nonce));
    const kept = { stamp, storedAt: now(), status: answer.status, headers, parts, bytes: answer.body.length };
    keep(key, kept);
    return kept;
  };

  return {
    serve: async (request, response, answer) => {
      if (!isStoredPage(request)) {
        await answer.render();
        return;
      }
      const key = keyOf(request);
      const stamp = await readStamp();
      const found = stored.get(key);
      const current = found?.stamp === stamp ? found : undefined;
      if (current && now() - current.storedAt < maxAgeMs) {
        stored.delete(key);
        stored.set(key, current);
        return replay(current, request, response, answer.nonce);
      }
      const flight = `${stamp}\n${key}`;
      const running = rendering.get(flight);
      // Only the clock moved and its replacement is being rendered: the answer of a minute ago, not a wait.
      if (running && current) return replay(current, request, response, answer.nonce);
      if (running) {
        const shared = await running;
        if (shared) return replay(shared, request, response, answer.nonce);
        await answer.render();
        return;
      }
      // The first reader's render is the one kept: uncompressed, so every replay can carry its own nonce.
      delete request.headers['accept-encoding'];
      const started = render(key, stamp, response, answer);
      const settled = started.catch(() => null);
      rendering.set(flight, settled);
      try {
        await started;
      } finally {
        rendering.delete(flight);
      }
    },
  };
};

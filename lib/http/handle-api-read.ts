import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ApiEndpoint } from '../api/define-api-endpoint';
import { decodePageCursor } from '../api/decode-page-cursor';
import { encodePageCursor } from '../api/encode-page-cursor';
import { AppError } from '../errors';
import { decodeNameSegment } from '../links/name-path';
import { handleReadRequest } from './handle-read-request';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const readLimit = (value: string | undefined) => {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^\d+$/.test(value) ? Number(value) : NaN;
  if (limit >= 1 && limit <= MAX_LIMIT) return limit;
  throw new AppError('VALIDATION_FAILED', 'Invalid query', { details: [`limit: must be a whole number from 1 to ${MAX_LIMIT}`] });
};

// The ETag is a hash of the answer itself, not the data revision alone: answers also move with the clock (the
// default window is "the last N days", facts' ages) and with configuration (the standards file), which the
// revision does not count. Reads are cached per revision (cacheByRevision), so computing the answer for a 304 is cheap.
const describeQueryIssue = (issue: z.core.$ZodIssue) =>
  issue.code === 'unrecognized_keys' ? `${issue.keys.join(', ')}: unknown parameter` : `${issue.path.join('.')}: ${issue.message}`;

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

const matches = (ifNoneMatch: string | null, etag: string) =>
  ifNoneMatch !== null && ifNoneMatch.split(',').some((tag) => ['*', etag].includes(tag.trim().replace(/^W\//, '')));

/**
 * Every `/api/v1` read: the read policy (tokens with the read scope, sessions, or open reads as configured), the
 * query checked against the endpoint's schema (unknown keys refused), the page cut by cursor, the answer checked
 * against the endpoint's response schema (the one the OpenAPI document publishes), and an ETag answered with 304.
 */
export const handleApiRead = (request: Request, endpoint: ApiEndpoint, params?: Promise<Record<string, string>>) =>
  handleReadRequest(request, endpoint.path, async (db, search) => {
    const { cursor, limit, ...raw } = Object.fromEntries(search) as Record<string, string>;
    if (!endpoint.paged && (cursor !== undefined || limit !== undefined)) {
      throw new AppError('VALIDATION_FAILED', 'Invalid query', { details: [`${cursor !== undefined ? 'cursor' : 'limit'}: this answer is not paged`] });
    }
    const page = { offset: cursor === undefined ? 0 : decodePageCursor(cursor, raw), limit: readLimit(limit) };
    endpoint.readQuery?.(raw);
    const parsed = endpoint.query.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', 'Invalid query', { details: parsed.error.issues.map(describeQueryIssue) });
    }
    const path = Object.fromEntries(Object.entries((await params) ?? {}).map(([key, value]) => [key, decodeNameSegment(value)]));
    const answer = await endpoint.answer({ db, query: parsed.data, raw, path, page });
    const body = endpoint.paged ? withNextCursor(answer as { items: unknown[]; total: number }, page, raw) : answer;
    const checked = endpoint.response.safeParse(body);
    // A mismatch is our bug, not the caller's: logged and answered 500, never sent off-contract.
    if (!checked.success) throw new Error(`${endpoint.path}: answer does not match its schema: ${z.prettifyError(checked.error)}`);
    const text = JSON.stringify(checked.data);
    const etag = etagOf(text);
    const headers = { etag, 'cache-control': 'private, no-cache' };
    if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    return new Response(text, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
  });

const withNextCursor = ({ items, total }: { items: unknown[]; total: number }, page: { offset: number }, raw: Record<string, string>) => {
  const next = page.offset + items.length;
  return { items, total, nextCursor: items.length > 0 && next < total ? encodePageCursor(next, raw) : null };
};

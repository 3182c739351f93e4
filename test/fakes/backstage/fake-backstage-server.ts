import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeBackstageWorld, FakeEntity } from './backstage-world';

/** Faults served on demand, in order, to requests whose path and query match. */
export type BackstageFault = { status: 429 | 500 | 503; match?: RegExp; times?: number; retryAfterSeconds?: number };
export type BackstageRequestRecord = { path: string; query: Record<string, string>; status: number };

export type FakeBackstage = {
  url: string;
  world: FakeBackstageWorld;
  requests: BackstageRequestRecord[];
  faults: BackstageFault[];
  close: () => Promise<void>;
};

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** Backstage's error body (@backstage/errors serializeError through the backend's error handler). */
const failure = (status: number, name: string, message: string): Answer => ({
  status,
  body: {
    error: { name, message },
    request: { method: 'GET', url: '/entities/by-query' },
    response: { statusCode: status },
  },
});

const hash = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');

/** What the catalog serves: the entity with the uid and etag its database gives it (etag moves on every change). */
const render = (entity: FakeEntity) => {
  const namespace = entity.metadata.namespace ?? 'default';
  const ref = `${entity.kind}:${namespace}/${entity.metadata.name}`.toLowerCase();
  return {
    ...entity,
    metadata: { ...entity.metadata, namespace, uid: hash(ref).slice(0, 32), etag: hash(entity).slice(0, 24) },
    relations: [],
  };
};

type Cursor = { filter: [string, string][]; offset: number };
const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
const decode = (text: string): Cursor | null => {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
  } catch {
    return null;
  }
};

// `filter=key=value`; a value may be given for kind, metadata.namespace or metadata.name, compared without case.
const fieldOf = (entity: ReturnType<typeof render>, key: string) =>
  key === 'kind' ? entity.kind : key === 'metadata.namespace' ? entity.metadata.namespace : entity.metadata.name;

const query = (world: FakeBackstageWorld, params: URLSearchParams): Answer => {
  const limit = Number(params.get('limit') ?? 20);
  if (!Number.isInteger(limit) || limit < 1) return failure(400, 'InputError', 'Invalid limit');
  const cursorText = params.get('cursor');
  let cursor: Cursor;
  if (cursorText) {
    const decoded = decode(cursorText);
    if (!decoded) return failure(400, 'InputError', 'Malformed cursor');
    cursor = decoded;
  } else {
    const filter = params.getAll('filter').map((item) => {
      const [key = '', ...rest] = item.split('=');
      return [key.toLowerCase(), rest.join('=').toLowerCase()] as [string, string];
    });
    cursor = { filter, offset: 0 };
  }
  // Ordered by uid, as the catalog orders when no orderField is given: stable across pages.
  const matching = world.entities
    .map(render)
    .filter((entity) => cursor.filter.every(([key, value]) => String(fieldOf(entity, key)).toLowerCase() === value))
    .sort((a, b) => a.metadata.uid.localeCompare(b.metadata.uid));
  const items = matching.slice(cursor.offset, cursor.offset + limit);
  const next =
    cursor.offset + limit < matching.length ? encode({ ...cursor, offset: cursor.offset + limit }) : undefined;
  const prev = cursor.offset > 0 ? encode({ ...cursor, offset: Math.max(0, cursor.offset - limit) }) : undefined;
  return {
    status: 200,
    body: {
      items,
      totalItems: matching.length,
      pageInfo: { ...(next ? { nextCursor: next } : {}), ...(prev ? { prevCursor: prev } : {}) },
    },
  };
};

/**
 * A local Backstage catalog backend, written from backstage.io/docs/features/software-catalog/software-catalog-api:
 * `GET /api/catalog/entities/by-query` with `filter`, `limit` and `cursor` (a later page's request carries only the
 * cursor, which holds the query), answering `{ items, totalItems, pageInfo: { nextCursor, prevCursor } }`; a static
 * token checked as `Authorization: Bearer` (401 otherwise); 429 and 5xx answers on demand.
 */
export const startFakeBackstage = async (
  world: FakeBackstageWorld,
  { token = 'bs-test-token' }: { token?: string | null } = {},
): Promise<FakeBackstage> => {
  const fake = { world, requests: [] as BackstageRequestRecord[], faults: [] as BackstageFault[] };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = ({ status, body, headers = {} }: Answer) => {
      fake.requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), status });
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (token && request.headers.authorization !== `Bearer ${token}`)
      return send(failure(401, 'AuthenticationError', 'Missing credentials'));
    const fault = fake.faults.find(
      (candidate) =>
        (candidate.times ?? 1) > 0 && (!candidate.match || candidate.match.test(url.pathname + url.search)),
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      const headers: Record<string, string> = fault.retryAfterSeconds
        ? { 'retry-after': String(fault.retryAfterSeconds) }
        : {};
      return send({ ...failure(fault.status, 'ServiceUnavailableError', 'The catalog is busy'), headers });
    }
    if (request.method !== 'GET' || url.pathname !== '/api/catalog/entities/by-query')
      return send(failure(404, 'NotFoundError', `No route for ${request.method} ${url.pathname}`));
    send(query(world, url.searchParams));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    ...fake,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
};

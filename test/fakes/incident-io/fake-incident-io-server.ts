import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderIoIncident, type FakeIncidentIoWorld } from './incident-io-world';

/** Faults served on demand, in order, to requests whose path and query match. */
export type IncidentIoFault = {
  kind: 'rate-limited' | 'server-error';
  match?: RegExp;
  times?: number;
  retryAfterSeconds?: number;
};
export type IncidentIoRequestRecord = { path: string; query: Record<string, string[]>; status: number };

export type FakeIncidentIo = {
  url: string;
  world: FakeIncidentIoWorld;
  requests: IncidentIoRequestRecord[];
  faults: IncidentIoFault[];
  close: () => Promise<void>;
};

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const MAX_PAGE_SIZE = 250;
const DEFAULT_MODES = ['standard', 'retrospective'];

const refuse = (status: number, type: string, message: string): Answer => ({
  status,
  body: { type, status, request_id: 'fake', errors: [{ code: type, message }] },
});

const listIncidents = (world: FakeIncidentIoWorld, query: URLSearchParams): Answer => {
  const pageSize = Number(query.get('page_size') ?? 25);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    return refuse(422, 'validation_error', `page_size must be between 1 and ${MAX_PAGE_SIZE}`);
  const updatedSince = query.get('updated_at[gte]');
  if (updatedSince !== null && !/^\d{4}-\d{2}-\d{2}$/.test(updatedSince))
    return refuse(422, 'validation_error', 'updated_at[gte] must be a date (YYYY-MM-DD)');
  const modes = query.getAll('mode[one_of]');
  const since = updatedSince ? Date.parse(`${updatedSince}T00:00:00Z`) : -Infinity;
  // Newest first by creation, incident.io's default order; `after` is the last id of the previous page.
  const listed = world.incidents
    .filter((incident) => (modes.length ? modes : DEFAULT_MODES).includes(incident.mode))
    .filter((incident) => incident.updatedAt.getTime() >= since)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  const after = query.get('after');
  const start = after ? listed.findIndex((incident) => incident.id === after) + 1 : 0;
  if (after && start === 0) return refuse(422, 'validation_error', 'after does not name a listed incident');
  const page = listed.slice(start, start + pageSize);
  const more = start + pageSize < listed.length;
  return {
    status: 200,
    body: {
      incidents: page.map((incident) => renderIoIncident(world, incident)),
      pagination_meta: {
        page_size: pageSize,
        total_record_count: listed.length,
        ...(more ? { after: page.at(-1)!.id } : {}),
      },
    },
  };
};

const queryRecord = (query: URLSearchParams) => {
  const record: Record<string, string[]> = {};
  for (const key of new Set(query.keys())) record[key] = query.getAll(key);
  return record;
};

/**
 * A local incident.io public API, written from api-docs.incident.io: `GET /v2/incidents` with `page_size` (≤ 250),
 * the `after` cursor and `pagination_meta.after`, `updated_at[gte]` (a date), the default `mode` filter (standard
 * and retrospective), `Authorization: Bearer …`; 429 with Retry-After and 5xx answers on demand.
 */
export const startFakeIncidentIo = async (
  world: FakeIncidentIoWorld,
  { token = 'io-test-key' } = {},
): Promise<FakeIncidentIo> => {
  const fake = { world, requests: [] as IncidentIoRequestRecord[], faults: [] as IncidentIoFault[] };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = ({ status, body, headers = {} }: Answer) => {
      fake.requests.push({ path: url.pathname, query: queryRecord(url.searchParams), status });
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${token}`)
      return send(refuse(401, 'authentication_error', 'Invalid API key'));
    const fault = fake.faults.find(
      (candidate) =>
        (candidate.times ?? 1) > 0 && (!candidate.match || candidate.match.test(url.pathname + url.search)),
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.kind === 'rate-limited')
        return send({
          ...refuse(429, 'rate_limited', 'Too many requests'),
          headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        });
      return send(refuse(500, 'internal_error', 'Internal server error'));
    }
    if (request.method !== 'GET' || url.pathname !== '/v2/incidents')
      return send(refuse(404, 'not_found', 'Not found'));
    send(listIncidents(world, url.searchParams));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    ...fake,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
};

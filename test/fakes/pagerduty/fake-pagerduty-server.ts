import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderIncident, renderLogEntry, type FakePagerdutyWorld } from './pagerduty-world';

/** Faults served on demand, in order, to requests whose path matches. */
export type PagerdutyFault = {
  kind: 'rate-limited' | 'server-error' | 'not-found';
  match?: RegExp;
  times?: number;
  resetSeconds?: number;
};
export type PagerdutyRequestRecord = { path: string; query: Record<string, string | string[]>; status: number };

export type FakePagerduty = {
  url: string;
  world: FakePagerdutyWorld;
  requests: PagerdutyRequestRecord[];
  faults: PagerdutyFault[];
  /** What `ratelimit-remaining` says (PagerDuty counts per minute; here until a test resets it). */
  rateLimit: { limit: number; remaining: number };
  close: () => Promise<void>;
};

const SIX_MONTHS_MS = 184 * 86_400_000;
/** PagerDuty's cap on classic pagination (developer.pagerduty.com, "Pagination"). */
const MAX_RECORDS = 10_000;

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const invalid = (message: string): Answer => ({
  status: 400,
  body: { error: { message: 'Invalid Input Provided', code: 2001, errors: [message] } },
});

const readWindow = (query: URLSearchParams): { since: number; until: number } | Answer => {
  const since = Date.parse(query.get('since') ?? '');
  const until = Date.parse(query.get('until') ?? '');
  if (!Number.isFinite(since) || !Number.isFinite(until)) return invalid('since and until are required by this fake');
  if (until < since) return invalid('Until must be after since.');
  if (until - since > SIX_MONTHS_MS) return invalid('The time range between since and until must be at most 6 months.');
  return { since, until };
};

const paginate = <T>(query: URLSearchParams, key: string, records: T[], render: (record: T) => unknown): Answer => {
  const limit = Math.min(Number(query.get('limit') ?? 25), 100);
  const offset = Number(query.get('offset') ?? 0);
  if (offset + limit > MAX_RECORDS) return invalid(`Offset must be less than ${MAX_RECORDS - limit + 1}.`);
  const page = records.slice(offset, offset + limit).map(render);
  return {
    status: 200,
    body: {
      [key]: page,
      limit,
      offset,
      more: offset + limit < records.length,
      total: query.get('total') === 'true' ? records.length : null,
    },
  };
};

const route = (world: FakePagerdutyWorld, path: string, query: URLSearchParams): Answer => {
  const single = /^\/incidents\/([A-Z0-9]+)$/.exec(path);
  if (single) {
    const incident = world.incidents.find((candidate) => candidate.id === single[1]);
    return incident
      ? { status: 200, body: { incident: renderIncident(world, incident) } }
      : { status: 404, body: { error: { message: 'Not Found', code: 2100 } } };
  }
  if (path !== '/incidents' && path !== '/log_entries')
    return { status: 404, body: { error: { message: 'Not Found', code: 2100 } } };
  const window = readWindow(query);
  if ('status' in window) return window;
  const within = (at: Date) => at.getTime() >= window.since && at.getTime() < window.until;
  if (path === '/incidents') {
    const listed = world.incidents
      .filter((incident) => within(incident.createdAt))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return paginate(query, 'incidents', listed, (incident) => renderIncident(world, incident));
  }
  const overview = query.get('is_overview') === 'true';
  // Newest first, as PagerDuty lists log entries.
  const entries = world.incidents
    .flatMap((incident) =>
      incident.log
        .filter((entry) => within(entry.at) && (!overview || entry.type !== 'notify_log_entry'))
        .map((entry) => ({ incident, entry })),
    )
    .sort((a, b) => b.entry.at.getTime() - a.entry.at.getTime() || b.entry.id.localeCompare(a.entry.id));
  return paginate(query, 'log_entries', entries, ({ incident, entry }) => renderLogEntry(world, incident, entry));
};

const queryRecord = (query: URLSearchParams) => {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) record[key] = key.endsWith('[]') ? query.getAll(key) : query.get(key)!;
  return record;
};

/**
 * A local PagerDuty REST API v2, written from developer.pagerduty.com: `GET /incidents` and `GET /log_entries` with
 * since/until (at most 6 months apart), classic pagination (limit ≤ 100, offset + limit ≤ 10,000, `more`, `total`),
 * `GET /incidents/{id}`, `Authorization: Token token=…`, `ratelimit-*` headers, 429s and 5xx on demand.
 */
export const startFakePagerduty = async (
  world: FakePagerdutyWorld,
  { token = 'pd-test-token' } = {},
): Promise<FakePagerduty> => {
  const fake = {
    world,
    requests: [] as PagerdutyRequestRecord[],
    faults: [] as PagerdutyFault[],
    rateLimit: { limit: 960, remaining: 960 },
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = ({ status, body, headers = {} }: Answer) => {
      fake.requests.push({ path: url.pathname, query: queryRecord(url.searchParams), status });
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Token token=${token}`)
      return send({ status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } });
    const fault = fake.faults.find(
      (candidate) =>
        (candidate.times ?? 1) > 0 && (!candidate.match || candidate.match.test(url.pathname + url.search)),
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.kind === 'rate-limited') {
        return send({
          status: 429,
          body: { error: { message: 'Rate Limit Exceeded', code: 2020 } },
          headers: {
            'ratelimit-limit': String(fake.rateLimit.limit),
            'ratelimit-remaining': '0',
            'ratelimit-reset': String(fault.resetSeconds ?? 1),
          },
        });
      }
      if (fault.kind === 'not-found')
        return send({ status: 404, body: { error: { message: 'Not Found', code: 2100 } } });
      return send({ status: 500, body: { error: { message: 'Internal Server Error', code: 2000 } } });
    }
    fake.rateLimit.remaining = Math.max(0, fake.rateLimit.remaining - 1);
    const answer = route(world, url.pathname, url.searchParams);
    send({
      ...answer,
      headers: {
        'ratelimit-limit': String(fake.rateLimit.limit),
        'ratelimit-remaining': String(fake.rateLimit.remaining),
        'ratelimit-reset': '30',
      },
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    ...fake,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
};

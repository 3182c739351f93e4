import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha1, type FakeCommit, type FakeRepo, type FakeWorld } from './fake-world';
import {
  iso,
  renderCommit,
  renderCommitWithFiles,
  renderDeployment,
  renderIssue,
  renderPull,
  renderRepository,
  renderReview,
  renderRun,
  renderStatus,
  restExample,
} from './render-rest';

/** Faults served on demand, in order, to requests whose path matches. */
export type Fault = {
  kind: 'primary-rate-limit' | 'secondary-rate-limit' | 'server-error' | 'drop-connection' | 'too-many-requests';
  match?: RegExp;
  times?: number;
};

export type RequestRecord = { method: string; path: string; status: number; conditional: boolean };

export type FakeGithub = {
  url: string;
  world: FakeWorld;
  requests: RequestRecord[];
  faults: Fault[];
  /** Accepted bearer credentials: the personal token and, after an App exchange, the installation token. */
  tokens: Set<string>;
  rateLimit: { limit: number; remaining: number };
  close: () => Promise<void>;
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Route = {
  method: string;
  pattern: RegExp;
  handle: (match: string[], query: URLSearchParams, repo: FakeRepo | null) => Answer;
};

const json = (body: unknown, status = 200): Answer => ({ status, body });
const notFound = (): Answer =>
  json({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }, 404);

/** Commits reachable from `head`, newest first by committer date (what `git log` would walk). */
const reachable = (repo: FakeRepo, head: string) => {
  const seen = new Map<string, FakeCommit>();
  const stack = [head];
  while (stack.length > 0) {
    const sha = stack.pop()!;
    const commit = repo.commits.get(sha);
    if (!commit || seen.has(sha)) continue;
    seen.set(sha, commit);
    stack.push(...commit.parents);
  }
  return seen;
};

const byCommitTime = (a: FakeCommit, b: FakeCommit) =>
  a.committedAt.getTime() - b.committedAt.getTime() || a.sha.localeCompare(b.sha);

/**
 * A commit's files as GitHub pages them: 300 at once unless `per_page` (max 100) asks fewer, the rest behind
 * `rel="next"` links (up to 3,000 files), each page repeating the commit with its slice of the files.
 */
const paginateCommitFiles = (
  commit: ReturnType<typeof renderCommitWithFiles>,
  query: URLSearchParams,
  base: string,
): Answer => {
  const perPage = query.has('per_page') ? Math.min(100, Math.max(1, Number(query.get('per_page')))) : 300;
  const page = Math.max(1, Number(query.get('page') ?? 1));
  const all = commit.files.slice(0, 3000);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (target: number, rel: string) => `<${base}?per_page=${perPage}&page=${target}>; rel="${rel}"`;
  const links = [
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
  ];
  const body = { ...commit, files: all.slice((page - 1) * perPage, page * perPage) };
  return { status: 200, body, headers: links.length > 0 ? { link: links.join(', ') } : {} };
};

const resolveRef = (repo: FakeRepo, ref: string) => repo.branches[ref] ?? (repo.commits.has(ref) ? ref : null);

const treeOf = (repo: FakeRepo) => {
  const paths = new Set<string>();
  for (const path of Object.keys(repo.files)) {
    const parts = path.split('/');
    for (let index = 1; index < parts.length; index++) paths.add(parts.slice(0, index).join('/'));
  }
  const entries = [
    ...[...paths].map((path) => ({ path, mode: '040000', type: 'tree', sha: sha1(`tree:${path}`) })),
    ...Object.entries(repo.files).map(([path, content]) => ({
      path,
      mode: '100644',
      type: 'blob',
      size: Buffer.byteLength(content),
      sha: sha1(`blob ${content}`),
    })),
  ].sort((a, b) => a.path.localeCompare(b.path));
  return entries;
};

const routes = (world: FakeWorld, api: string): Route[] => {
  const repoRoute = (method: string, suffix: string, handle: Route['handle']): Route => ({
    method,
    pattern: new RegExp(`^/repos/([^/]+/[^/]+)${suffix}$`),
    handle,
  });
  return [
    {
      method: 'GET',
      pattern: /^\/orgs\/([^/]+)\/repos$/,
      handle: ([, org]) =>
        org === world.org
          ? json(
              [...world.repos.values()]
                .filter((repo) => repo.access !== 'missing')
                .map((repo) => renderRepository(repo, api)),
            )
          : notFound(),
    },
    repoRoute('GET', '', (_m, _q, repo) => json(renderRepository(repo!, api))),
    repoRoute('GET', '/deployments', (_m, _q, repo) =>
      json([...repo!.deployments].reverse().map((deployment) => renderDeployment(repo!, deployment, api))),
    ),
    repoRoute('GET', '/deployments/(\\d+)/statuses', ([, , id], _q, repo) => {
      const deployment = repo!.deployments.find((candidate) => candidate.id === Number(id));
      return deployment
        ? json([...deployment.statuses].reverse().map((status) => renderStatus(repo!, deployment, status, api)))
        : notFound();
    }),
    repoRoute('GET', '/actions/runs', (_m, query, repo) => {
      const created = query.get('created')?.replace(/^>=/, '');
      const runs = [...repo!.runs].reverse().filter((run) => !created || run.createdAt >= new Date(created));
      return {
        status: 200,
        body: { total_count: runs.length, workflow_runs: runs.map((run) => renderRun(repo!, run, api)) },
      };
    }),
    repoRoute('GET', '/actions/runs/(\\d+)', ([, , id], _q, repo) => {
      const run = repo!.runs.find((candidate) => candidate.id === Number(id));
      return run ? json(renderRun(repo!, run, api)) : notFound();
    }),
    repoRoute('GET', '/pulls', (_m, _q, repo) =>
      json(
        [...repo!.pulls]
          .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.number - a.number)
          .map((pull) => renderPull(repo!, pull, api)),
      ),
    ),
    repoRoute('GET', '/pulls/(\\d+)/commits', ([, , number], _q, repo) => {
      const pull = repo!.pulls.find((candidate) => candidate.number === Number(number));
      // GitHub lists at most 250 commits of a pull request, however many it has.
      const listed = pull?.commits.slice(0, 250);
      return listed ? json(listed.map((sha) => renderCommit(repo!, repo!.commits.get(sha)!, api))) : notFound();
    }),
    repoRoute('GET', '/pulls/(\\d+)/reviews', ([, , number], _q, repo) => {
      const pull = repo!.pulls.find((candidate) => candidate.number === Number(number));
      return pull ? json(pull.reviews.map((review) => renderReview(repo!, pull, review))) : notFound();
    }),
    repoRoute('GET', '/commits', (_m, query, repo) => {
      const head = resolveRef(repo!, query.get('sha') ?? repo!.defaultBranch);
      if (!head) return notFound();
      const since = query.get('since') ? new Date(query.get('since')!) : null;
      const until = query.get('until') ? new Date(query.get('until')!) : null;
      const commits = [...reachable(repo!, head).values()]
        .filter((commit) => (!since || commit.committedAt >= since) && (!until || commit.committedAt <= until))
        .sort(byCommitTime)
        .reverse();
      return json(commits.map((commit) => renderCommit(repo!, commit, api)));
    }),
    repoRoute('GET', '/commits/([^/]+)', ([, , ref], query, repo) => {
      const sha = resolveRef(repo!, decodeURIComponent(ref!));
      if (!sha)
        return json(
          {
            message: `No commit found for SHA: ${ref}`,
            documentation_url: 'https://docs.github.com/rest',
            status: '422',
          },
          422,
        );
      return paginateCommitFiles(
        renderCommitWithFiles(repo!, repo!.commits.get(sha)!, api),
        query,
        `${api}/repos/${repo!.fullName}/commits/${ref}`,
      );
    }),
    repoRoute('GET', '/commits/([0-9a-f]{40})/pulls', ([, , sha], _q, repo) =>
      json(
        repo!.pulls
          .filter((pull) => pull.commits.includes(sha!) || pull.landedShas.includes(sha!))
          .map((pull) => renderPull(repo!, pull, api)),
      ),
    ),
    repoRoute('GET', '/compare/([0-9a-f]{40})\\.\\.\\.([0-9a-f]{40})', ([, , base, head], _q, repo) => {
      if (!repo!.commits.has(base!) || !repo!.commits.has(head!)) return notFound();
      const fromHead = reachable(repo!, head!);
      const fromBase = reachable(repo!, base!);
      const ahead = [...fromHead.values()].filter((commit) => !fromBase.has(commit.sha)).sort(byCommitTime);
      const behind = [...fromBase.values()].filter((commit) => !fromHead.has(commit.sha));
      const status =
        base === head ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
      const example = restExample('repos__compare-commits-with-basehead') as Record<string, unknown>;
      return json({
        ...example,
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        base_commit: renderCommit(repo!, repo!.commits.get(base!)!, api),
        commits: ahead.map((commit) => renderCommit(repo!, commit, api)),
        files: [],
      });
    }),
    repoRoute('GET', '/issues', (_m, query, repo) => {
      const label = query.get('labels');
      const issues = [...repo!.issues]
        .filter((issue) => !label || issue.labels.includes(label))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      return json(issues.map((issue) => renderIssue(repo!, issue, api)));
    }),
    repoRoute('GET', '/branches/([^/]+)', ([, , branch], _q, repo) => {
      const head = repo!.branches[branch!];
      if (!head) return notFound();
      const example = restExample('repos__get-branch') as Record<string, unknown>;
      const isProtected = repo!.protection !== null || repo!.rules.length > 0;
      return json({
        ...example,
        name: branch,
        commit: renderCommit(repo!, repo!.commits.get(head)!, api),
        protected: isProtected,
        protection: {
          enabled: isProtected,
          required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
        },
      });
    }),
    repoRoute('GET', '/branches/([^/]+)/protection', (_m, _q, repo) => {
      if (repo!.protectionAccess === 'forbidden')
        return json({ message: 'Resource not accessible by integration', status: '403' }, 403);
      if (!repo!.protection)
        return json(
          { message: 'Branch not protected', documentation_url: 'https://docs.github.com/rest', status: '404' },
          404,
        );
      return json({ ...(restExample('repos__get-branch-protection') as Record<string, unknown>), ...repo!.protection });
    }),
    repoRoute('GET', '/rules/branches/([^/]+)', (_m, _q, repo) =>
      json(
        repo!.rules.map((rule) => ({
          ...rule,
          ruleset_source_type: 'Repository',
          ruleset_source: repo!.fullName,
          ruleset_id: 1,
        })),
      ),
    ),
    repoRoute('GET', '/git/trees/([0-9a-f]{40})', (_m, _q, repo) => {
      const example = restExample('git__get-tree') as Record<string, unknown>;
      const tree = treeOf(repo!);
      return json({
        ...example,
        sha: sha1(JSON.stringify(tree)),
        truncated: false,
        tree: tree.map((entry) => ({ ...entry, url: `${api}/repos/${repo!.fullName}/git/blobs/${entry.sha}` })),
      });
    }),
    repoRoute('GET', '/contents/(.+)', ([, , path], _q, repo) => {
      const content = repo!.files[decodeURIComponent(path!)];
      if (content === undefined) return notFound();
      const example = restExample('repos__get-content') as Record<string, unknown>;
      return json({
        ...example,
        path,
        name: path!.split('/').at(-1),
        size: Buffer.byteLength(content),
        sha: sha1(`blob ${content}`),
        content: Buffer.from(content).toString('base64'),
        encoding: 'base64',
      });
    }),
  ];
};

const rateHeaders = (state: FakeGithub['rateLimit'], reset: number): Record<string, string> => ({
  'x-ratelimit-limit': String(state.limit),
  'x-ratelimit-remaining': String(state.remaining),
  'x-ratelimit-used': String(state.limit - state.remaining),
  'x-ratelimit-reset': String(reset),
  'x-ratelimit-resource': 'core',
});

/**
 * A local HTTP server that behaves like api.github.com for the endpoints Waymark calls: Link-header pagination
 * (per_page up to 100), weak ETags with 304s that cost no rate limit, rate-limit headers, primary and secondary
 * rate-limit answers, 502s and dropped connections on demand. octokit talks to it through `baseUrl`.
 */
export const startFakeGithub = async (
  world: FakeWorld,
  { token = 'ghp_faketoken0000000000000000000000000000' } = {},
): Promise<FakeGithub> => {
  const fake = {
    world,
    requests: [] as RequestRecord[],
    faults: [] as Fault[],
    tokens: new Set([token]),
    rateLimit: { limit: 5000, remaining: 5000 },
  } as FakeGithub;
  let table: Route[] = [];

  const send = (response: ServerResponse, answer: Answer) => {
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    response.end(body);
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', fake.url);
    const path = url.pathname;
    const method = request.method ?? 'GET';
    const conditional = Boolean(request.headers['if-none-match']);
    const record = (status: number) =>
      fake.requests.push({ method, path: `${path}${url.search}`, status, conditional });
    const reset = Math.floor(Date.now() / 1000) + 1;

    const fault = fake.faults.find((candidate) => !candidate.match || candidate.match.test(path));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) fake.faults.splice(fake.faults.indexOf(fault), 1);
      if (fault.kind === 'drop-connection') {
        record(0);
        request.socket.destroy();
        return;
      }
      if (fault.kind === 'server-error') {
        record(502);
        return send(response, json({ message: 'Server Error' }, 502));
      }
      if (fault.kind === 'secondary-rate-limit') {
        record(403);
        return send(response, {
          status: 403,
          body: {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: 'https://docs.github.com/rest',
          },
          headers: { 'retry-after': '1', ...rateHeaders(fake.rateLimit, reset) },
        });
      }
      record(fault.kind === 'too-many-requests' ? 429 : 403);
      return send(response, {
        status: fault.kind === 'too-many-requests' ? 429 : 403,
        body: {
          message: 'API rate limit exceeded for installation.',
          documentation_url: 'https://docs.github.com/rest',
        },
        headers: { ...rateHeaders({ ...fake.rateLimit, remaining: 0 }, reset) },
      });
    }

    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      // A GitHub App exchanges its JWT (RS256, signed with its private key) for an installation token.
      if (!/^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(String(request.headers.authorization))) {
        record(401);
        return send(response, json({ message: 'A JSON web token could not be decoded' }, 401));
      }
      fake.tokens.add(world.installationToken);
      record(201);
      return send(
        response,
        json(
          {
            ...(restExample('apps__create-installation-access-token') as object),
            token: world.installationToken,
            expires_at: new Date(Date.now() + 3600_000).toISOString(),
          },
          201,
        ),
      );
    }

    const credential = String(request.headers.authorization ?? '').replace(/^(token|bearer)\s+/i, '');
    if (!fake.tokens.has(credential)) {
      record(401);
      return send(
        response,
        json({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }, 401),
      );
    }

    for (const route of table) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (!match) continue;
      const repo = path.startsWith('/repos/') ? (world.repos.get(match[1]!) ?? null) : null;
      let answer: Answer;
      if (path.startsWith('/repos/') && (!repo || repo.access === 'missing')) answer = notFound();
      else if (repo?.access === 'forbidden')
        answer = json({ message: 'Resource not accessible by integration', status: '403' }, 403);
      else answer = route.handle(match, url.searchParams, repo);

      const listed =
        Array.isArray(answer.body) ||
        Boolean(
          (answer.body as { workflow_runs?: unknown[]; commits?: unknown[] } | undefined)?.workflow_runs ??
          (answer.body as { commits?: unknown[] } | undefined)?.commits,
        );
      if (answer.status === 200 && listed) {
        answer = paginate(answer, url);
      }
      const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      const etag = `W/"${sha1(body)}"`;
      if (answer.status === 200 && request.headers['if-none-match'] === etag) {
        record(304);
        return send(response, { status: 304, headers: { etag, ...rateHeaders(fake.rateLimit, reset) } });
      }
      fake.rateLimit.remaining = Math.max(0, fake.rateLimit.remaining - 1);
      record(answer.status);
      return send(response, {
        ...answer,
        headers: {
          ...(answer.status === 200 ? { etag } : {}),
          ...rateHeaders(fake.rateLimit, reset),
          ...answer.headers,
        },
      });
    }
    record(404);
    send(response, notFound());
  };

  const paginate = (answer: Answer, url: URL): Answer => {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const body = answer.body as unknown[] | Record<string, unknown[]>;
    const key = Array.isArray(body) ? null : 'workflow_runs' in body ? 'workflow_runs' : 'commits';
    const all = (key ? (body as Record<string, unknown[]>)[key] : body) as unknown[];
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const link = (target: number, rel: string) => {
      const next = new URL(url);
      next.searchParams.set('page', String(target));
      next.searchParams.set('per_page', String(perPage));
      return `<${next.toString()}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    return {
      status: 200,
      body: key ? { ...(body as object), [key]: slice } : slice,
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(world, fake.url);
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
};

export { iso };

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fullPath, type FakeGitlabWorld, type FakeProject } from './fake-gitlab-world';
import {
  renderCommit,
  renderDeployment,
  renderDiffEntry,
  renderFile,
  renderIssue,
  renderMergeRequest,
  renderNote,
  renderPipeline,
  renderProject,
  renderProtectedBranch,
  renderTree,
} from './render-gitlab-rest';

/** Faults served, in order, to requests whose path matches: a 429 with Retry-After, or a 5xx. */
export type GitlabFault = { status: 429 | 500 | 502 | 503; match: RegExp; times?: number; retryAfter?: number };

export type GitlabRequestRecord = { method: string; path: string; query: string; status: number; conditional: boolean };

export type FakeGitlab = {
  url: string;
  world: FakeGitlabWorld;
  token: string;
  requests: GitlabRequestRecord[];
  faults: GitlabFault[];
  /** Called for every request before it is answered (tests stop a sync halfway from here). */
  onRequest?: (record: { path: string; count: number }) => void;
  close: () => Promise<void>;
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (match: string[], query: URLSearchParams, project: FakeProject | null) => Answer;

const json = (body: unknown, status = 200): Answer => ({ status, body });
const notFound = (what = '404 Not found') => json({ message: what }, 404);

/** Offset pagination as GitLab sends it: x-page, x-per-page, x-next-page, x-total(-pages) and a Link header. */
const paginate = (url: string, query: URLSearchParams, items: unknown[]): Answer => {
  const perPage = Math.min(100, Number(query.get('per_page') ?? 20));
  const page = Math.max(1, Number(query.get('page') ?? 1));
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const link = (target: number) => {
    const next = new URLSearchParams(query);
    next.set('page', String(target));
    next.set('per_page', String(perPage));
    return `<${url}?${next}>`;
  };
  const links = [
    ...(page < pages ? [`${link(page + 1)}; rel="next"`] : []),
    `${link(1)}; rel="first"`,
    `${link(pages)}; rel="last"`,
  ];
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': page < pages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
      'x-total': String(items.length),
      'x-total-pages': String(pages),
      link: links.join(', '),
    },
  };
};

/** Keyset pagination (`pagination=keyset&order_by=id`): only a Link rel="next" carrying `id_after`, no totals. */
const keyset = (url: string, query: URLSearchParams, items: { id: number }[]): Answer => {
  const perPage = Math.min(100, Number(query.get('per_page') ?? 20));
  const after = Number(query.get('id_after') ?? 0);
  const rest = items.filter((item) => item.id > after).sort((a, b) => a.id - b.id);
  const page = rest.slice(0, perPage);
  const headers: Record<string, string> = {};
  if (rest.length > perPage) {
    const next = new URLSearchParams(query);
    next.set('id_after', String(page.at(-1)!.id));
    headers.link = `<${url}?${next}>; rel="next"`;
  }
  return { status: 200, body: page, headers };
};

/** `updated_after` (strictly after), then `order_by=updated_at` / `sort` as GitLab applies them. */
const sinceCursor = <T extends { updated_at: string | null }>(items: T[], query: URLSearchParams) => {
  const after = query.get('updated_after');
  const kept = after
    ? items.filter((item) => item.updated_at !== null && Date.parse(item.updated_at) > Date.parse(after))
    : items;
  if (query.get('order_by') === 'updated_at')
    kept.sort((a, b) => Date.parse(a.updated_at!) - Date.parse(b.updated_at!));
  if (query.get('sort') === 'desc') kept.reverse();
  return kept;
};

const etagOf = (body: string) => `W/"${createHash('md5').update(body).digest('hex')}"`;

/**
 * A local GitLab at the network edge, written from the REST API documentation: `/api/v4` with PRIVATE-TOKEN auth,
 * offset pagination with x-next-page and Link headers, keyset pagination of group projects, weak ETags with
 * If-None-Match answered 304, RateLimit-* headers on every answer, and injectable 429 (with Retry-After) and 5xx.
 */
export const startFakeGitlab = async (
  world: FakeGitlabWorld,
  { token = 'glpat-faketoken000000000000' } = {},
): Promise<FakeGitlab> => {
  const fake: FakeGitlab = { url: '', world, token, requests: [], faults: [], close: async () => {} };
  const projectOf = (key: string) => {
    const decoded = decodeURIComponent(key);
    return world.projects.find((project) => String(project.id) === decoded || fullPath(project) === decoded) ?? null;
  };
  const base = () => fake.url;
  const api = (path: string) => `${fake.url}/api/v4${path}`;
  const routes: [RegExp, Handler][] = [
    [
      /^\/groups\/([^/]+)\/projects$/,
      ([group], query) => {
        if (decodeURIComponent(group!) !== world.group.path && group !== String(world.group.id))
          return notFound('404 Group Not Found');
        const projects = world.projects.map((project) => renderProject(base(), project));
        return query.get('pagination') === 'keyset'
          ? keyset(api(`/groups/${group}/projects`), query, projects)
          : paginate(api(`/groups/${group}/projects`), query, projects);
      },
    ],
    [/^\/projects\/([^/]+)$/, (_, __, project) => json(renderProject(base(), project!))],
    [
      /^\/projects\/([^/]+)\/deployments$/,
      ([id], query, project) =>
        paginate(
          api(`/projects/${id}/deployments`),
          query,
          sinceCursor(
            project!.deployments.map((d) => renderDeployment(base(), project!, d)),
            query,
          ),
        ),
    ],
    [
      /^\/projects\/([^/]+)\/deployments\/(\d+)$/,
      ([, did], __, project) => {
        const deployment = project!.deployments.find((d) => d.id === Number(did));
        return deployment ? json(renderDeployment(base(), project!, deployment)) : notFound();
      },
    ],
    [
      /^\/projects\/([^/]+)\/merge_requests$/,
      ([id], query, project) => {
        const all = project!.mergeRequests
          .map((mr) => renderMergeRequest(base(), project!, mr))
          .filter((mr) => !query.get('state') || query.get('state') === 'all' || mr.state === query.get('state'));
        return paginate(api(`/projects/${id}/merge_requests`), query, sinceCursor(all, query));
      },
    ],
    [
      /^\/projects\/([^/]+)\/merge_requests\/(\d+)$/,
      ([, iid], __, project) => {
        const mr = project!.mergeRequests.find((candidate) => candidate.iid === Number(iid));
        return mr ? json(renderMergeRequest(base(), project!, mr)) : notFound();
      },
    ],
    [
      /^\/projects\/([^/]+)\/merge_requests\/(\d+)\/commits$/,
      ([id, iid], query, project) => {
        const mr = project!.mergeRequests.find((candidate) => candidate.iid === Number(iid));
        // Newest first, as GitLab lists a merge request's commits.
        return mr
          ? paginate(
              api(`/projects/${id}/merge_requests/${iid}/commits`),
              query,
              [...mr.commits].reverse().map((c) => renderCommit(base(), project!, c)),
            )
          : notFound();
      },
    ],
    [
      /^\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes$/,
      ([id, iid], query, project) => {
        const mr = project!.mergeRequests.find((candidate) => candidate.iid === Number(iid));
        const notes = (mr?.notes ?? []).map(renderNote);
        if (query.get('sort') !== 'asc') notes.reverse();
        return mr ? paginate(api(`/projects/${id}/merge_requests/${iid}/notes`), query, notes) : notFound();
      },
    ],
    [
      /^\/projects\/([^/]+)\/pipelines$/,
      ([id], query, project) =>
        paginate(
          api(`/projects/${id}/pipelines`),
          query,
          sinceCursor(
            project!.pipelines.map((p) => renderPipeline(base(), project!, p)),
            query,
          ),
        ),
    ],
    [
      /^\/projects\/([^/]+)\/pipelines\/(\d+)$/,
      ([, pid], __, project) => {
        const pipeline = project!.pipelines.find((p) => p.id === Number(pid));
        return pipeline ? json(renderPipeline(base(), project!, pipeline, true)) : notFound();
      },
    ],
    [
      /^\/projects\/([^/]+)\/issues$/,
      ([id], query, project) => {
        const label = query.get('labels');
        const type = query.get('issue_type');
        const issues = project!.issues
          .filter((issue) => (!type || issue.type === type) && (!label || issue.labels.includes(label)))
          .map((issue) => renderIssue(base(), project!, issue));
        return paginate(api(`/projects/${id}/issues`), query, sinceCursor(issues, query));
      },
    ],
    [
      /^\/projects\/([^/]+)\/issues\/(\d+)$/,
      ([, iid], __, project) => {
        const issue = project!.issues.find((candidate) => candidate.iid === Number(iid));
        return issue ? json(renderIssue(base(), project!, issue)) : notFound();
      },
    ],
    [
      /^\/projects\/([^/]+)\/repository\/compare$/,
      (_, query, project) => {
        const index = (sha: string | null) => project!.mainline.findIndex((commit) => commit.sha === sha);
        const from = index(query.get('from'));
        const to = index(query.get('to'));
        if (from < 0 || to < 0) return notFound('404 Ref Not Found');
        const commits = project!.mainline
          .slice(from + 1, to + 1)
          .map((commit) => renderCommit(base(), project!, commit));
        return json({
          commit: commits.at(-1) ?? null,
          commits,
          diffs: [],
          compare_timeout: false,
          compare_same_ref: from === to,
        });
      },
    ],
    [
      /^\/projects\/([^/]+)\/repository\/commits$/,
      ([id], query, project) => {
        const head = project!.mainline.findIndex((commit) => commit.sha === query.get('ref_name'));
        if (head < 0) return notFound('404 Commit Not Found');
        const since = query.get('since') ? Date.parse(query.get('since')!) : -Infinity;
        const until = query.get('until') ? Date.parse(query.get('until')!) : Infinity;
        const commits = project!.mainline
          .slice(0, head + 1)
          .filter((c) => c.committedAt.getTime() >= since && c.committedAt.getTime() <= until)
          .reverse();
        return paginate(
          api(`/projects/${id}/repository/commits`),
          query,
          commits.map((commit) => renderCommit(base(), project!, commit)),
        );
      },
    ],
    [
      // A commit's changed files, offset-paginated (20 a page unless per_page says otherwise), as GitLab pages them.
      /^\/projects\/([^/]+)\/repository\/commits\/([0-9a-f]{7,64})\/diff$/,
      ([id, sha], query, project) => {
        const commits = [...project!.mainline, ...project!.mergeRequests.flatMap((mr) => [...mr.commits, mr.landed])];
        const commit = commits.find((candidate) => candidate.sha.startsWith(sha!));
        if (!commit) return notFound('404 Commit Not Found');
        const entries = (commit.changes ?? []).map(renderDiffEntry);
        return paginate(api(`/projects/${id}/repository/commits/${sha}/diff`), query, entries);
      },
    ],
    [
      /^\/projects\/([^/]+)\/repository\/branches\/([^/]+)$/,
      ([, branch], _, project) =>
        decodeURIComponent(branch!) === 'main'
          ? json({
              name: 'main',
              default: true,
              protected: project!.protection !== null,
              commit: renderCommit(base(), project!, project!.mainline.at(-1)!),
            })
          : notFound('404 Branch Not Found'),
    ],
    [
      // Keyset pagination (`pagination=keyset`): a Link rel="next" carrying the last path as `page_token`.
      /^\/projects\/([^/]+)\/repository\/tree$/,
      (_, query, project) => {
        if (query.get('recursive') !== 'true' || (query.get('ref') ?? 'main') !== 'main')
          return json({ message: 'expected the recursive tree of main' }, 400);
        const entries = renderTree(project!);
        if (query.get('pagination') !== 'keyset')
          return paginate(api(`/projects/${project!.id}/repository/tree`), query, entries);
        const perPage = Math.min(100, Number(query.get('per_page') ?? 20));
        const token = query.get('page_token');
        const rest = token ? entries.filter((entry) => entry.path.localeCompare(token) > 0) : entries;
        const headers: Record<string, string> = {};
        if (rest.length > perPage) {
          const next = new URLSearchParams(query);
          next.set('page_token', rest[perPage - 1]!.path);
          headers.link = `<${api(`/projects/${project!.id}/repository/tree`)}?${next}>; rel="next"`;
        }
        return { status: 200, body: rest.slice(0, perPage), headers };
      },
    ],
    [
      /^\/projects\/([^/]+)\/protected_branches\/([^/]+)$/,
      ([, branch], _, project) =>
        decodeURIComponent(branch!) === 'main' && project!.protection
          ? json(renderProtectedBranch(project!))
          : notFound('404 Not found'),
    ],
    [
      /^\/projects\/([^/]+)\/approval_rules$/,
      (_, __, project) =>
        project!.approvalRules === 'forbidden' ? json({ message: '403 Forbidden' }, 403) : json(project!.approvalRules),
    ],
    [
      /^\/projects\/([^/]+)\/repository\/files\/([^/]+)$/,
      ([, file], query, project) => {
        const path = decodeURIComponent(file!);
        const content = project!.files[path];
        // A ref is the branch name or a commit of it; the fake serves the branch's one version of each file.
        const ref = query.get('ref') ?? 'main';
        const known = ref === 'main' || project!.mainline.some((commit) => commit.sha === ref);
        if (content === undefined || !known) return notFound('404 File Not Found');
        return json(renderFile(path, content, project!.mainline.at(-1)!.sha));
      },
    ],
  ];

  const answer = (
    method: string,
    path: string,
    query: URLSearchParams,
    headers: IncomingMessage['headers'],
  ): Answer => {
    if (headers['private-token'] !== token) return json({ message: '401 Unauthorized' }, 401);
    if (method !== 'GET') return json({ error: '405 Method Not Allowed' }, 405);
    for (const [pattern, handle] of routes) {
      const match = pattern.exec(path);
      if (!match) continue;
      const project = path.startsWith('/projects/') ? projectOf(match[1]!) : null;
      if (path.startsWith('/projects/') && !project) return notFound('404 Project Not Found');
      if (project?.forbidden && !/^\/projects\/[^/]+$/.test(path)) return json({ message: '403 Forbidden' }, 403);
      return handle(match.slice(1), query, project);
    }
    return notFound('404 Not Found');
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/api\/v4/, '');
    const conditional = typeof request.headers['if-none-match'] === 'string';
    const record: GitlabRequestRecord = {
      method: request.method ?? 'GET',
      path,
      query: url.search,
      status: 0,
      conditional,
    };
    fake.requests.push(record);
    fake.onRequest?.({ path, count: fake.requests.length });
    const rateHeaders = {
      'ratelimit-limit': '2000',
      'ratelimit-remaining': '1999',
      'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60),
    };
    const fault = fake.faults.find((candidate) => candidate.match.test(path) && (candidate.times ?? 1) > 0);
    let result: Answer;
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      result =
        fault.status === 429
          ? {
              status: 429,
              body: { message: 'Retry later' },
              headers: { 'retry-after': String(fault.retryAfter ?? 1), 'ratelimit-remaining': '0' },
            }
          : { status: fault.status, body: { message: '500 Internal Server Error' } };
    } else result = answer(record.method, path, url.searchParams, request.headers);
    const body = result.body === undefined ? '' : JSON.stringify(result.body);
    const headers: Record<string, string> = { ...rateHeaders, ...result.headers, 'content-type': 'application/json' };
    if (result.status === 200) {
      headers.etag = etagOf(body);
      if (request.headers['if-none-match'] === headers.etag) {
        record.status = 304;
        response.writeHead(304, { etag: headers.etag, ...rateHeaders });
        response.end();
        return;
      }
    }
    record.status = result.status;
    response.writeHead(result.status, headers);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
};

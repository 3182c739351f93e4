import { pullRequests } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import type { PullRequestRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import { parsePayload, ZCommit, ZPullRequest, ZReview, type GithubCommit, type GithubReview } from './github-payloads';
import { normalizePullRequest } from './normalize-pull-request';

/** null: not fetched this time (a webhook without API access); the stored raw list, if any, is used instead. */
export type RawPullRequest = { pull: unknown; commits: unknown[] | null; reviews: unknown[] | null };

const parseList = <T>(schema: typeof ZCommit | typeof ZReview, items: unknown[]) =>
  items.map((item) => parsePayload(schema, item, 'item')).flatMap((result) => (result.ok ? [result.value as T] : []));

/** Stores pull requests with their commits and reviews as raw payloads and upserts them. Polling and webhooks end here. */
export const upsertGithubPullRequests = async (tx: Executor, fullName: string, items: RawPullRequest[]) => {
  const raw: RawPayloadInput[] = [];
  const rows: PullRequestRow[] = [];
  let invalid = 0;
  for (const item of items) {
    const parsed = parsePayload(ZPullRequest, item.pull, 'pull request');
    const number = (item.pull as { number?: unknown } | null)?.number;
    const sourceId = githubIds.pullRequest(fullName, typeof number === 'number' ? number : -1);
    raw.push({ source: GITHUB_SOURCE, kind: 'pull_request', sourceId, scope: fullName, payload: item.pull, error: parsed.ok ? null : parsed.error });
    if (!parsed.ok) {
      invalid++;
      continue;
    }
    let { commits, reviews } = item;
    if (commits) raw.push({ source: GITHUB_SOURCE, kind: 'pull_request_commits', sourceId, scope: fullName, payload: commits });
    else commits = ((await getRawPayloads(tx, { source: GITHUB_SOURCE, kind: 'pull_request_commits', sourceIds: [sourceId] }))[0]?.payload as unknown[] | undefined) ?? null;
    if (reviews) raw.push({ source: GITHUB_SOURCE, kind: 'pull_request_reviews', sourceId, scope: fullName, payload: reviews });
    else reviews = ((await getRawPayloads(tx, { source: GITHUB_SOURCE, kind: 'pull_request_reviews', sourceIds: [sourceId] }))[0]?.payload as unknown[] | undefined) ?? null;
    rows.push(
      normalizePullRequest(
        fullName,
        parsed.value,
        commits ? parseList<GithubCommit>(ZCommit, commits) : null,
        reviews ? parseList<GithubReview>(ZReview, reviews) : null,
      ),
    );
  }
  await storeRawPayloads(tx, raw);
  await ensureServices(tx, [serviceOf(fullName)], GITHUB_SOURCE);
  const written = await upsertRows(tx, pullRequests, rows, { key: [pullRequests.id] });
  return { written: written.inserted.length + written.updated.length, invalid };
};

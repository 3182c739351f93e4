import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import type { RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { fetchPages } from './fetch-pages';
import { GITHUB_SOURCE } from './github-ids';
import { parsePayload, ZCompare } from './github-payloads';
import { parseCommits } from './load-pull-request-index';
import type { LinkTarget } from './link-deployment-changes';
import { DAY_MS } from '../../../lib/format/time-units';

export type Deployed = { commits: ReturnType<typeof parseCommits>; status: string; fetched: RawPayloadInput[] } | null;

/** Commits a deployment shipped since the previous one (compare), or within the horizon for the first one. */
export const collectDeployedCommits = async (
  target: LinkTarget,
  base: string | null,
  head: string,
  finishedAt: Date,
): Promise<Deployed> => {
  const { db, client, fullName, owner, repo } = target;
  const since = new Date(finishedAt.getTime() - target.settings.backfillHorizonDays * DAY_MS);
  const sourceId = base ? `${fullName}:${base}...${head}` : `${fullName}:${head}@${since.toISOString()}`;
  const kind = base ? 'compare' : 'commit_window';
  const [known] = await getRawPayloads(db, { source: GITHUB_SOURCE, kind, sourceIds: [sourceId] });
  let payload = known?.payload as { status: string; commits: unknown[] } | undefined;
  // A redeploy of the same commit ships nothing: GitHub would answer `identical` with no commits.
  if (!payload && base && base.toLowerCase() === head.toLowerCase()) payload = { status: 'identical', commits: [] };
  const fetched: RawPayloadInput[] = [];
  if (!payload) {
    if (!client) return null;
    target.checkStopped();
    if (base) {
      let status = 'ahead';
      const itemsOf = (data: unknown) => {
        const parsed = parsePayload(ZCompare, data, 'comparison');
        if (parsed.ok) status = parsed.value.status;
        return (data as { commits?: unknown[] }).commits ?? [];
      };
      const route = 'GET /repos/{owner}/{repo}/compare/{basehead}';
      const basehead = `${base}...${head}`;
      const pages = await fetchPages<unknown>(client, route, { owner, repo, basehead }, { itemsOf });
      payload = { status, commits: pages.notModified ? [] : pages.items };
    } else {
      const window = { sha: head, since: since.toISOString(), until: finishedAt.toISOString() };
      const pages = await fetchPages<unknown>(client, 'GET /repos/{owner}/{repo}/commits', { owner, repo, ...window });
      payload = { status: 'first', commits: pages.notModified ? [] : [...pages.items].reverse() };
    }
    fetched.push({ source: GITHUB_SOURCE, kind, sourceId, scope: fullName, payload });
  }
  return { commits: parseCommits(payload.commits), status: payload.status, fetched };
};

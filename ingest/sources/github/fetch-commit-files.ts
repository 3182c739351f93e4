import type { GithubClient } from './create-github-client';
import { fetchPages } from './fetch-pages';

type CommitPage = { files?: { patch?: unknown }[] } & Record<string, unknown>;

/**
 * One commit with every file it changed (`GET /repos/{owner}/{repo}/commits/{ref}`). GitHub lists up to 300 files at
 * once; beyond that the answer has Link-header pages (up to 3,000 files), each repeating the commit with the next
 * files, so the pages are walked and their files joined. The patches are dropped: only the names are read, and a
 * large commit's diff would make its stored payload megabytes.
 */
export const fetchCommitFiles = async (client: GithubClient, owner: string, repo: string, sha: string) => {
  let commit: CommitPage | null = null;
  const itemsOf = (data: unknown) => {
    commit ??= data as CommitPage;
    return (data as CommitPage).files ?? [];
  };
  const route = 'GET /repos/{owner}/{repo}/commits/{ref}';
  const pages = await fetchPages<{ patch?: unknown }>(client, route, { owner, repo, ref: sha }, { itemsOf });
  const files = pages.notModified ? [] : pages.items.map(({ patch: _patch, ...file }) => file);
  return { ...(commit ?? {}), files };
};

import type { RepositoryFacts } from '../../../lib/domain/facts';

export type GithubTree = { sha?: string; truncated?: boolean; tree: { path: string; type?: string }[] };

/** The default branch's tree (one recursive listing) and the fact files' contents, as the repository fact. */
export const normalizeRepositoryFacts = (input: { defaultBranch: string; headSha: string | null; tree: GithubTree; files: Record<string, string> }): RepositoryFacts => ({
  defaultBranch: input.defaultBranch,
  ...(input.headSha ? { headSha: input.headSha } : {}),
  paths: input.tree.tree.map((entry) => entry.path).sort(),
  files: Object.fromEntries(Object.entries(input.files).sort(([a], [b]) => a.localeCompare(b))),
  truncated: Boolean(input.tree.truncated),
});

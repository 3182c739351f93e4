import { runGit } from './run-git';

const count = async (repository: string, args: string[]) =>
  Number((await runGit(repository, ['rev-list', '--no-merges', '--count', 'HEAD', ...args])).trim());

/**
 * In a monorepo, how many commits on HEAD change no file under any service's paths (root tooling, CI set-up): they
 * are no service's change, so no lead time counts them, and the ingest says how many there are rather than spreading
 * them over every service. Merges are left out, as their own changes are their parents'.
 */
export const countUnattributedCommits = async (repository: string, paths: readonly string[]) => {
  const total = await count(repository, []);
  const attributed = await count(repository, ['--', ...paths.map((path) => `:(glob)${path}`)]);
  return { total, unattributed: total - attributed };
};

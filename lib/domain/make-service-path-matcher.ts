import picomatch from 'picomatch';

/**
 * Whether a changed file is one of a monorepo service's: under one of its path globs (`services/checkout/**`). Dot
 * files count, as git's `:(glob)` pathspecs count them, so the git and forge sources give a service the same commits.
 */
export const makeServicePathMatcher = (paths: readonly string[]): ((file: string) => boolean) =>
  picomatch([...paths], { dot: true });

import picomatch from 'picomatch';
import type { RuleOf } from '../standards-schema';
import type { RuleContext, RuleOutcome } from '../scorecard-types';
import { readFreshFact } from './read-fresh-fact';

/**
 * Passes when any of the paths (globs, in the order given) exists in the repository tree. Names match without regard
 * to case (`Readme.md` is a README): macOS and Windows checkouts, and GitHub's own README and CODEOWNERS lookup, treat
 * them alike, so a case difference is not a missing file.
 */
export const evaluateFileExistsRule = (globs: RuleOf<'fileExists'>, context: RuleContext): RuleOutcome => {
  const repository = readFreshFact(context, 'repository');
  if ('unknown' in repository) return repository.unknown;
  const { data, fact, commitSha } = repository;
  for (const glob of globs) {
    const isMatch = picomatch(glob, { dot: true, nocase: true });
    const file = data.paths.find((path) => isMatch(path));
    if (file) return { status: 'pass', fact, commitSha, evidence: { summary: `Found ${file}`, file } };
  }
  const looked = globs.join(', ');
  if (data.truncated) {
    return { status: 'unknown', fact, commitSha, evidence: { summary: `None of ${looked} is in the part of the tree that could be listed (the tree was truncated)`, reason: 'truncated' } };
  }
  return { status: 'fail', fact, commitSha, evidence: { summary: `None of ${looked} exists`, lookedFor: globs } };
};

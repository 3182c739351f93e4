import { DEFAULT_FACT_FILE_GLOBS } from '../domain/select-fact-files';
import { describeError } from '../errors';
import { log } from '../observability/log';
import { getStandards } from './get-standards';
import { DEFAULT_MANIFESTS } from './rules/evaluate-dependency-rule';
import type { Standards } from './standards-schema';

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

/**
 * The files whose contents sources must collect as repository facts: the shared defaults plus every file the
 * standards read (fileMatches paths, dependency manifests). fileExists needs only the tree, not contents.
 * Sources call this at the start of each run, so a new check's files are collected from the next run on.
 */
export const getFactFileGlobs = (standards?: Standards): string[] => {
  const globs = new Set<string>(DEFAULT_FACT_FILE_GLOBS);
  let checks: Standards['checks'] = [];
  try {
    checks = (standards ?? getStandards()).checks;
  } catch (error) {
    // A broken standards file must not stop collection: the defaults are collected, and evaluation reports the file.
    log.warn('collecting the default fact files only: the standards file could not be read', { error: describeError(error) });
  }
  for (const { rule } of checks) {
    if (rule.fileMatches) for (const glob of asList(rule.fileMatches.path)) globs.add(glob);
    if (rule.dependency) for (const glob of rule.dependency.manifests ? asList(rule.dependency.manifests) : DEFAULT_MANIFESTS) globs.add(glob);
  }
  return [...globs];
};

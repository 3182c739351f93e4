import picomatch from 'picomatch';
import type { RuleOf } from '../standards-schema';
import type { RuleContext, RuleOutcome } from '../scorecard-types';
import { compareVersions } from './compare-versions';
import { findDependency } from './find-dependency';
import { readFreshFact } from './read-fresh-fact';

/** Manifests read when a rule names none: the repository root's, npm first. */
export const DEFAULT_MANIFESTS = ['package.json', 'go.mod', 'requirements.txt', 'pyproject.toml'];

/** Passes when a package manifest declares the dependency (at `semverAtLeast` or later, when given). */
export const evaluateDependencyRule = (rule: RuleOf<'dependency'>, context: RuleContext): RuleOutcome => {
  const repository = readFreshFact(context, 'repository');
  if ('unknown' in repository) return repository.unknown;
  const { data, fact, commitSha } = repository;
  const globs = rule.manifests === undefined ? DEFAULT_MANIFESTS : Array.isArray(rule.manifests) ? rule.manifests : [rule.manifests];
  const isManifest = picomatch(globs, { dot: true });
  const manifests = data.paths.filter((path) => isManifest(path)).sort();
  if (manifests.length === 0) {
    if (data.truncated) return { status: 'unknown', fact, commitSha, evidence: { summary: 'No package manifest in the part of the tree that could be listed (truncated)', reason: 'truncated' } };
    return { status: 'fail', fact, commitSha, evidence: { summary: `No package manifest (${globs.join(', ')}) in the repository`, manifests: globs } };
  }
  const problems: string[] = [];
  const notCollected: string[] = [];
  for (const manifest of manifests) {
    const content = data.files[manifest];
    if (content === undefined) {
      notCollected.push(manifest);
      continue;
    }
    const search = findDependency(manifest, content, rule.name);
    if ('invalid' in search) problems.push(`${manifest} is ${search.invalid}`);
    if (!('found' in search)) continue;
    const { section, version, line } = search.found;
    const evidence = { manifest, section, version, line };
    if (rule.semverAtLeast) {
      const comparison = version === null ? null : compareVersions(version, rule.semverAtLeast);
      if (comparison === null || comparison < 0) {
        const why = comparison === null ? `version ${version ?? '(none)'} cannot be compared` : `${version} is older than ${rule.semverAtLeast}`;
        return { status: 'fail', fact, commitSha, evidence: { summary: `${manifest} declares ${rule.name}, but ${why}`, ...evidence } };
      }
    }
    return { status: 'pass', fact, commitSha, evidence: { summary: `${manifest}${line ? ` line ${line}` : ''} declares ${rule.name}${version ? ` ${version}` : ''}`, ...evidence } };
  }
  if (notCollected.length > 0) {
    return { status: 'unknown', fact, commitSha, evidence: { summary: `The contents of ${notCollected.join(', ')} were not collected`, reason: 'content-missing', files: notCollected } };
  }
  const suffix = problems.length > 0 ? ` (${problems.join('; ')})` : '';
  return { status: 'fail', fact, commitSha, evidence: { summary: `No manifest declares ${rule.name}${suffix}`, manifests } };
};

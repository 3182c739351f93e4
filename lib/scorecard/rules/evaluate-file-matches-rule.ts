import picomatch from 'picomatch';
import { redactText } from '../../observability/redact';
import type { RuleOf } from '../standards-schema';
import type { RuleContext, RuleOutcome } from '../scorecard-types';
import { readFreshFact } from './read-fresh-fact';

const MAX_EVIDENCE_LINE = 300;

/**
 * Passes when a line of any file matching `path` matches `pattern`; the first match (file and line) is the
 * evidence. Files are searched in path order so the evidence does not jump between equally good matches.
 */
export const evaluateFileMatchesRule = (rule: RuleOf<'fileMatches'>, context: RuleContext): RuleOutcome => {
  const repository = readFreshFact(context, 'repository');
  if ('unknown' in repository) return repository.unknown;
  const { data, fact, commitSha } = repository;
  const globs = Array.isArray(rule.path) ? rule.path : [rule.path];
  const isMatch = picomatch(globs, { dot: true });
  const files = data.paths.filter((path) => isMatch(path)).sort();
  const where = globs.join(', ');
  if (files.length === 0) {
    if (data.truncated) return { status: 'unknown', fact, commitSha, evidence: { summary: `No file matching ${where} in the part of the tree that could be listed (truncated)`, reason: 'truncated' } };
    return { status: 'fail', fact, commitSha, evidence: { summary: `No file matches ${where}`, path: where } };
  }
  const pattern = new RegExp(rule.pattern);
  const notCollected: string[] = [];
  for (const file of files) {
    const content = data.files[file];
    if (content === undefined) {
      notCollected.push(file);
      continue;
    }
    const lines = content.split(/\r?\n/);
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) {
      // The line is shown on pages: anything that looks like a credential is masked first.
      const text = redactText(lines[index]!.trim()).slice(0, MAX_EVIDENCE_LINE);
      return { status: 'pass', fact, commitSha, evidence: { summary: `${file} line ${index + 1} matches`, file, line: index + 1, text } };
    }
  }
  if (notCollected.length > 0) {
    return {
      status: 'unknown',
      fact,
      commitSha,
      evidence: { summary: `The contents of ${notCollected.join(', ')} were not collected, and no other matching file has a line matching the pattern`, reason: 'content-missing', files: notCollected },
    };
  }
  return { status: 'fail', fact, commitSha, evidence: { summary: `No line of ${files.join(', ')} matches /${rule.pattern}/`, files, pattern: rule.pattern } };
};

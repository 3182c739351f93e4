import type { IngestGitResult } from '../sources/git/ingest-git-repository';
import { formatCount, formatNumberOf } from '../../lib/format/format-count';

/** Which deployments a tag rule found: "263 of 304 tags match release versions (v?X.Y[.Z])". */
const describeMatch = (result: IngestGitResult) => {
  if (result.mode === 'branch') return `${formatCount(result.deploymentsSeen, 'new commit')} on ${result.ref}`;
  const total = result.tags?.total ?? result.deploymentsSeen;
  const paths = result.paths ? `, commits changing ${result.paths.join(', ')}` : '';
  return `${formatNumberOf(result.deploymentsSeen)} of ${formatCount(total, 'tag')} match ${result.ref}${paths}`;
};

/**
 * The data-quality notes of a git ingest: what was read, what was skipped and why, so a person can tell whether the
 * figures stand on the whole history. Empty when there is nothing to say.
 */
export const describeGitIngestNotes = (result: IngestGitResult): string[] => {
  const notes: string[] = [];
  const tags = result.tags;
  // In a monorepo most tags are other services' releases: nothing to tell.
  if (tags && tags.unmatched > 0 && !result.paths) {
    const few = tags.unmatched > tags.total / 2;
    const example = tags.unmatchedExample ? ` (e.g. ${tags.unmatchedExample})` : '';
    notes.push(
      few
        ? `Only ${formatNumberOf(result.deploymentsSeen)} of ${formatCount(tags.total, 'tag')} are deployments: ${formatNumberOf(tags.unmatched)} do not match ${result.ref}${example}; pass --deploy-tags GLOB if they are releases.`
        : `${formatCount(tags.unmatched, 'tag')} not read as deployments${example}: they do not match ${result.ref}.`,
    );
  }
  if (result.skippedTags.length > 0) notes.push(`${formatCount(result.skippedTags.length, 'tag')} skipped: they point at a tree or blob, not a commit (${result.skippedTags.slice(0, 3).join(', ')}).`);
  if (result.written.empty > 0) {
    notes.push(`${formatCount(result.written.empty, 'deployment')} carried no new commit (re-tags, maintenance tags of commits already shipped, rollbacks).`);
  }
  return notes;
};

export const describeGitIngest = (result: IngestGitResult, path: string, duration: string) => {
  const { written, facts } = result;
  const catalog = facts.catalog === 'error' ? `catalog-info.yaml unreadable (${facts.catalogError})` : facts.catalog === 'ok' ? 'catalog-info.yaml read' : 'no catalog-info.yaml';
  const notes = describeGitIngestNotes(result);
  return (
    `Ingested ${result.service} (${result.repository}) from ${path} in ${duration}: ${describeMatch(result)}; ` +
    `${formatCount(written.deployments, 'deployment')} read (${written.inserted} new, ${written.updated} updated) carrying ${formatCount(written.commits, 'commit')}; ` +
    `facts: ${formatCount(facts.paths, 'path')}, ${formatCount(facts.files, 'file')}, ${catalog}.\n` +
    notes.map((note) => `  Note: ${note}\n`).join('')
  );
};

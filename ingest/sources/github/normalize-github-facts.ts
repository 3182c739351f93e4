import type { FactObservation } from '../../../lib/domain/facts';
import { describeCatalogService, readCatalogFile } from '../../../lib/domain/normalize-catalog-info';
import {
  describeRepositoryFacts,
  normalizeRepositoryFacts,
  type RepositoryTree,
} from '../../../lib/domain/normalize-repository-facts';
import { MAX_FACT_FILE_BYTES } from '../../../lib/domain/select-fact-files';
import type { ServiceRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE } from './github-ids';
import { normalizeBranchProtection, type BranchProtectionInput } from './normalize-branch-protection';

/** What the branch-protection collection found: the answers, or why they could not be read. */
export type ProtectionPayload =
  { classic: Record<string, unknown> | null; rules: BranchProtectionInput['rules'] } | { error: string };

export type GithubFactsInput = {
  fullName: string;
  service: string;
  defaultBranch: string;
  headSha: string | null;
  tree: RepositoryTree;
  /** Contents API answers by path (base64 content). */
  contents: Record<string, { content?: string; encoding?: string }>;
  protection: ProtectionPayload;
  collectedAt: Date;
};

/** A Contents API answer's text, cut at the fact size limit. */
export const decodeContent = (answer: { content?: string; encoding?: string }) => {
  const text =
    answer.encoding === 'base64'
      ? Buffer.from(answer.content ?? '', 'base64').toString('utf8')
      : (answer.content ?? '');
  return text.length > MAX_FACT_FILE_BYTES ? text.slice(0, MAX_FACT_FILE_BYTES) : text;
};

/**
 * The repository, catalog and branch-protection facts of one repository, and the service description its catalog
 * gives (owner → team, lifecycle, tier annotation, tags and system). Pure: stored raw answers give the same facts.
 */
export const normalizeGithubFacts = (
  input: GithubFactsInput,
): { observations: FactObservation[]; service: ServiceRow | null } => {
  const files = Object.fromEntries(
    Object.entries(input.contents).map(([path, answer]) => [path, decodeContent(answer)]),
  );
  const base = { service: input.service, source: GITHUB_SOURCE, collectedAt: input.collectedAt };
  const repository = normalizeRepositoryFacts({
    defaultBranch: input.defaultBranch,
    headSha: input.headSha,
    tree: input.tree,
    files,
  });
  const catalog = readCatalogFile(files);
  const observations = describeRepositoryFacts(base, repository, catalog);
  const service: ServiceRow | null =
    catalog?.status === 'ok'
      ? describeCatalogService(
          { name: input.service, repository: input.fullName, source: GITHUB_SOURCE, sourceId: input.fullName },
          catalog,
        )
      : null;
  if ('error' in input.protection)
    observations.push({
      ...base,
      kind: 'branch_protection',
      status: 'error',
      error: input.protection.error,
      data: null,
    });
  else
    observations.push({
      ...base,
      kind: 'branch_protection',
      status: 'ok',
      error: null,
      data: normalizeBranchProtection({ branch: input.defaultBranch, ...input.protection }),
    });
  return { observations, service };
};

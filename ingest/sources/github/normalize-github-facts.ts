import type { FactObservation } from '../../../lib/domain/facts';
import { describeCatalogService, readCatalogFile } from '../../../lib/domain/normalize-catalog-info';
import { MAX_FACT_FILE_BYTES } from '../../../lib/domain/select-fact-files';
import type { ServiceRow } from '../../../lib/domain/types';
import { GITHUB_SOURCE } from './github-ids';
import { normalizeBranchProtection, type BranchProtectionInput } from './normalize-branch-protection';
import { normalizeRepositoryFacts, type GithubTree } from './normalize-repository-facts';

/** What the branch-protection collection found: the answers, or why they could not be read. */
export type ProtectionPayload = { classic: Record<string, unknown> | null; rules: BranchProtectionInput['rules'] } | { error: string };

export type GithubFactsInput = {
  fullName: string;
  service: string;
  defaultBranch: string;
  headSha: string | null;
  tree: GithubTree;
  /** Contents API answers by path (base64 content). */
  contents: Record<string, { content?: string; encoding?: string }>;
  protection: ProtectionPayload;
  collectedAt: Date;
};

const decode = (answer: { content?: string; encoding?: string }) => {
  const text = answer.encoding === 'base64' ? Buffer.from(answer.content ?? '', 'base64').toString('utf8') : (answer.content ?? '');
  return text.length > MAX_FACT_FILE_BYTES ? text.slice(0, MAX_FACT_FILE_BYTES) : text;
};

/**
 * The repository, catalog and branch-protection facts of one repository, and the service description its catalog
 * gives (owner → team, lifecycle, tier annotation, tags and system). Pure: stored raw answers give the same facts.
 */
export const normalizeGithubFacts = (input: GithubFactsInput): { observations: FactObservation[]; service: ServiceRow | null } => {
  const files = Object.fromEntries(Object.entries(input.contents).map(([path, answer]) => [path, decode(answer)]));
  const base = { service: input.service, source: GITHUB_SOURCE, collectedAt: input.collectedAt };
  const observations: FactObservation[] = [
    { ...base, kind: 'repository', status: 'ok', error: null, data: normalizeRepositoryFacts({ defaultBranch: input.defaultBranch, headSha: input.headSha, tree: input.tree, files }) },
  ];
  let service: ServiceRow | null = null;
  const catalog = readCatalogFile(files);
  if (catalog?.status === 'ok') {
    observations.push({ ...base, kind: 'catalog', status: 'ok', error: null, data: catalog.entity });
    service = describeCatalogService({ name: input.service, repository: input.fullName, source: GITHUB_SOURCE, sourceId: input.fullName }, catalog);
  } else if (catalog) observations.push({ ...base, kind: 'catalog', status: 'error', error: catalog.error, data: null });
  if ('error' in input.protection) observations.push({ ...base, kind: 'branch_protection', status: 'error', error: input.protection.error, data: null });
  else observations.push({ ...base, kind: 'branch_protection', status: 'ok', error: null, data: normalizeBranchProtection({ branch: input.defaultBranch, ...input.protection }) });
  return { observations, service };
};

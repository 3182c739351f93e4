import type { BranchProtectionFacts, FactObservation } from '../../../lib/domain/facts';
import { normalizeCatalogInfo } from '../../../lib/domain/normalize-catalog-info';
import {
  describeRepositoryFacts,
  normalizeRepositoryFacts,
  type RepositoryTree,
} from '../../../lib/domain/normalize-repository-facts';
import { MAX_FACT_FILE_BYTES } from '../../../lib/domain/select-fact-files';
import { GITLAB_SOURCE } from './gitlab-ids';
import { CATALOG_FILE, type CatalogPayload } from './sync-gitlab-catalog';

type AccessLevel = { access_level?: number };
type ProtectedBranch = {
  name?: string;
  push_access_levels?: AccessLevel[];
  allow_force_push?: boolean;
  code_owner_approval_required?: boolean;
};
type ApprovalRule = {
  approvals_required?: number;
  applies_to_all_protected_branches?: boolean;
  protected_branches?: { name?: string }[];
};

/**
 * What the protection collection found for the default branch: GitLab's protected-branch answer (null: not
 * protected), the project's approval rules (null where the tier has none, GitLab Free), and whether the project only
 * merges when the pipeline succeeds. Or why it could not be read.
 */
export type GitlabProtectionPayload =
  | { protectedBranch: ProtectedBranch | null; approvalRules: ApprovalRule[] | null; pipelineMustSucceed: boolean }
  | { error: string };

export type GitlabFactsInput = {
  path: string;
  service: string;
  defaultBranch: string;
  headSha: string | null;
  tree: RepositoryTree;
  /** Files API answers by path (base64 content). */
  contents: Record<string, CatalogPayload>;
  /** The catalog file the catalog step read (one request serves both). */
  catalog: CatalogPayload | null;
  protection: GitlabProtectionPayload;
  collectedAt: Date;
};

const decode = (answer: CatalogPayload) => {
  const text = Buffer.from(answer.content ?? '', answer.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
  return text.length > MAX_FACT_FILE_BYTES ? text.slice(0, MAX_FACT_FILE_BYTES) : text;
};

/**
 * GitLab's protection in the shape GitHub's is stored (docs.gitlab.com/api/protected_branches, /api/merge_request_
 * approvals): approval rules that cover the branch give the required reviews; "pipelines must succeed" is the one
 * required status check; nobody allowed to push stands for rules that bind maintainers too; a protected branch
 * cannot be deleted by a push.
 */
export const normalizeGitlabProtection = (
  branch: string,
  { protectedBranch, approvalRules, pipelineMustSucceed }: Exclude<GitlabProtectionPayload, { error: string }>,
): BranchProtectionFacts => {
  const covers = (rule: ApprovalRule) =>
    rule.applies_to_all_protected_branches === true ||
    (rule.protected_branches ?? []).length === 0 ||
    (rule.protected_branches ?? []).some((protectedOne) => protectedOne.name === branch);
  const reviews = Math.max(0, ...(approvalRules ?? []).filter(covers).map((rule) => Number(rule.approvals_required ?? 0)));
  const pushLevels = protectedBranch?.push_access_levels ?? [];
  return {
    branch,
    enabled: protectedBranch !== null,
    requiredReviews: protectedBranch ? reviews : 0,
    requireCodeOwnerReviews: Boolean(protectedBranch?.code_owner_approval_required),
    requiredStatusChecks: pipelineMustSucceed ? ['pipeline'] : [],
    enforceAdmins: pushLevels.length > 0 && pushLevels.every((level) => level.access_level === 0),
    allowForcePushes: protectedBranch ? Boolean(protectedBranch.allow_force_push) : true,
    allowDeletions: protectedBranch === null,
  };
};

/**
 * The repository, catalog and branch-protection facts of one project's default branch, as the other forges record
 * them. Pure: the stored raw answers give the same facts.
 */
export const normalizeGitlabFacts = (input: GitlabFactsInput): FactObservation[] => {
  const files = Object.fromEntries(Object.entries(input.contents).map(([path, answer]) => [path, decode(answer)]));
  if (input.catalog?.content !== undefined) files[CATALOG_FILE] = decode(input.catalog);
  const origin = { service: input.service, source: GITLAB_SOURCE, collectedAt: input.collectedAt };
  const repository = normalizeRepositoryFacts({
    defaultBranch: input.defaultBranch,
    headSha: input.headSha,
    tree: input.tree,
    files,
  });
  const catalog = CATALOG_FILE in files ? normalizeCatalogInfo(files[CATALOG_FILE]!, CATALOG_FILE) : null;
  const observations = describeRepositoryFacts(origin, repository, catalog);
  if ('error' in input.protection)
    observations.push({ ...origin, kind: 'branch_protection', status: 'error', error: input.protection.error, data: null });
  else
    observations.push({
      ...origin,
      kind: 'branch_protection',
      status: 'ok',
      error: null,
      data: normalizeGitlabProtection(input.defaultBranch, input.protection),
    });
  return observations;
};

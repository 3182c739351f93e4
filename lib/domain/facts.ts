import { z } from 'zod';
import { INPUT_LIMITS } from '../validation/input-limits';

const path = z.string().min(1).max(INPUT_LIMITS.path, `longer than ${INPUT_LIMITS.path} characters`);
const name = z.string().min(1).max(INPUT_LIMITS.name, `longer than ${INPUT_LIMITS.name} characters`);

/**
 * Facts are what sources observe about a service's repository, kept apart from the checks that judge them
 * (the Backstage Tech Insights split). Sources write them; lib/scorecard reads them.
 */
export const ZRepositoryFacts = z.object({
  defaultBranch: path.optional(),
  headSha: name.optional(),
  /** Every path in the default branch's tree at HEAD. */
  paths: z.array(path),
  /** Contents of the files the standards ask about (CODEOWNERS, catalog-info.yaml, workflows, manifests). */
  files: z.record(path, z.string().max(INPUT_LIMITS.fileChars, `longer than ${INPUT_LIMITS.fileChars} characters`)).default({}),
  /** True when the source could not list the whole tree (GitHub truncates very large trees). */
  truncated: z.boolean().default(false),
});

/** A Backstage catalog entity (catalog-info.yaml), kept as written. */
export const ZCatalogFacts = z.looseObject({
  apiVersion: name.optional(),
  kind: name.optional(),
  metadata: z.looseObject({ name }),
  spec: z.record(z.string(), z.unknown()).optional(),
});

export const ZBranchProtectionFacts = z.object({
  branch: path,
  /** Whether any protection (classic or rulesets) applies to the branch. */
  enabled: z.boolean(),
  requiredReviews: z.number().int().min(0).max(INPUT_LIMITS.integer).default(0),
  requireCodeOwnerReviews: z.boolean().default(false),
  requiredStatusChecks: z.array(name).default([]),
  enforceAdmins: z.boolean().default(false),
  allowForcePushes: z.boolean().default(false),
  allowDeletions: z.boolean().default(false),
});

export const FACT_SCHEMAS = {
  repository: ZRepositoryFacts,
  catalog: ZCatalogFacts,
  branch_protection: ZBranchProtectionFacts,
} as const;

export type FactKind = keyof typeof FACT_SCHEMAS;
export const FACT_KINDS = Object.keys(FACT_SCHEMAS) as FactKind[];

export type RepositoryFacts = z.infer<typeof ZRepositoryFacts>;
export type CatalogFacts = z.infer<typeof ZCatalogFacts>;
export type BranchProtectionFacts = z.infer<typeof ZBranchProtectionFacts>;
export type FactData = { repository: RepositoryFacts; catalog: CatalogFacts; branch_protection: BranchProtectionFacts };

/** One thing a source observed about a service at a moment: data, or the error that kept it from collecting. */
export type FactObservation = {
  service: string;
  kind: FactKind;
  source: string;
  collectedAt: Date;
  status: 'ok' | 'error';
  data: Record<string, unknown> | null;
  error: string | null;
};

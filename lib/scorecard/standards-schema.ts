import { z } from 'zod';
import { ZCampaign, type CampaignDefinition } from '../campaigns/campaign-schema';

/** The DORA figures a `metric` rule may name, each mapped onto a field of getDoraMetrics (lib/metrics). */
export const METRIC_NAMES = [
  'leadTimeP50Hours',
  'leadTimeP90Hours',
  'deploymentsPerDay',
  'changeFailureRate',
  'recoveryTimeP50Hours',
  'timeToRestoreP50Hours',
  'reworkRate',
] as const;

const isValidRegex = (pattern: string) => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};

const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, { error: 'must be lowercase letters, digits, ".", "_" or "-" (at most 80)' });
const text = z.string().trim().min(1, { error: 'must not be empty' });
const glob = z.string().trim().min(1, { error: 'must not be an empty path' });
const globs = z.union([glob, z.array(glob).min(1, { error: 'needs at least one path' })], { error: 'expected a path or a list of paths' });
const regex = z.string().min(1).refine(isValidRegex, { error: 'not a valid regular expression' });
const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or boolean' });
const semver = z.string().regex(/^v?\d+(\.\d+){0,2}$/, { error: 'expected a version such as 1.2.0' });
const positive = z.number({ error: 'expected a number' }).positive({ error: 'must be greater than 0' });
const listOf = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

const oneOperator = (keys: readonly string[]) => (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const given = keys.filter((key) => value[key] !== undefined);
  if (given.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: `needs exactly one of ${keys.join(', ')}${given.length > 1 ? ` (has ${given.join(', ')})` : ''}` });
};

const CATALOG_OPERATORS = ['exists', 'equals', 'in', 'matches', 'semverAtLeast'] as const;

/**
 * Each rule kind: what a check asks of a service's facts. Adding a kind means a schema here, an evaluator in
 * lib/scorecard/rules and a line in evaluate-check.ts.
 */
export const RULE_SCHEMAS = {
  /** Any of these paths (globs) exists in the repository. */
  fileExists: listOf(glob),
  /** A line of a file matching `path` matches the regular expression `pattern`. */
  fileMatches: z.strictObject({ path: globs, pattern: regex }),
  /** A field of the Backstage catalog entity (catalog-info.yaml), by dotted path. */
  catalog: z
    .strictObject({
      field: text,
      exists: z.boolean().optional(),
      equals: scalar.optional(),
      in: z.array(scalar).min(1).optional(),
      matches: regex.optional(),
      semverAtLeast: semver.optional(),
    })
    .superRefine(oneOperator(CATALOG_OPERATORS)),
  /** The default branch is protected, with at least these settings. */
  branchProtection: z.strictObject({
    requiredReviews: z.number().int().min(0).optional(),
    requireCodeOwnerReviews: z.boolean().optional(),
    requiredStatusChecks: z.array(text).optional(),
    enforceAdmins: z.boolean().optional(),
    allowForcePushes: z.boolean().optional(),
    allowDeletions: z.boolean().optional(),
  }),
  /** A package manifest (package.json first; go.mod, requirements.txt, pyproject.toml) declares this dependency. */
  dependency: z.strictObject({ name: text, semverAtLeast: semver.optional(), manifests: globs.optional() }),
  /** A successful production deployment finished within this many days. */
  deployedWithinDays: positive,
  /** A DORA figure over the last `windowDays` days is below (or above) a threshold. */
  metric: z
    .strictObject({ name: z.enum(METRIC_NAMES), below: z.number().optional(), above: z.number().optional(), windowDays: positive.default(30) })
    .superRefine(oneOperator(['below', 'above'])),
  /** A result pushed by CI to POST /api/checks/results under this name. */
  external: z.strictObject({ check: slug, maxAgeDays: positive.optional() }),
} as const;

export type RuleKind = keyof typeof RULE_SCHEMAS;
export const RULE_KINDS = Object.keys(RULE_SCHEMAS) as RuleKind[];
export type RuleOf<K extends RuleKind> = z.output<(typeof RULE_SCHEMAS)[K]>;

export const ZRule = z
  .strictObject(
    Object.fromEntries(RULE_KINDS.map((kind) => [kind, RULE_SCHEMAS[kind].optional()])) as { [K in RuleKind]: z.ZodOptional<(typeof RULE_SCHEMAS)[K]> },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown rule kind ${issue.keys.map((key) => `"${key}"`).join(', ')}; expected one of ${RULE_KINDS.join(', ')}` : undefined) },
  )
  .superRefine(oneOperator(RULE_KINDS));

export const ZAppliesTo = z.strictObject({
  lifecycle: listOf(text).optional(),
  team: listOf(text).optional(),
  tier: listOf(z.union([text, z.number()]).transform(String)).optional(),
  tags: listOf(text).optional(),
});

export const ZCheck = z.strictObject({
  id: slug,
  title: text.optional(),
  level: text,
  category: text.default('general'),
  description: text.optional(),
  fix: text.optional(),
  appliesTo: ZAppliesTo.optional(),
  rule: ZRule,
});

export const ZFileExemption = z.strictObject({
  service: text,
  check: text,
  reason: text,
  expires: z.iso.date({ error: 'expected a date, YYYY-MM-DD' }),
});

export const ZStandardsFile = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  levels: z.array(slug).min(1, { error: 'needs at least one level' }),
  checks: z.array(ZCheck).min(1, { error: 'needs at least one check' }),
  exemptions: z.array(ZFileExemption).default([]),
  campaigns: z.array(ZCampaign).default([]),
});

export type StandardsFile = z.output<typeof ZStandardsFile>;
export type CheckDefinition = z.output<typeof ZCheck>;
export type Rule = z.output<typeof ZRule>;
export type AppliesTo = z.output<typeof ZAppliesTo>;
export type FileExemption = z.output<typeof ZFileExemption>;

/** A check as evaluated: its definition plus the hash of what decides its result. */
export type Check = CheckDefinition & { title: string; hash: string };

export type Standards = {
  version: 1;
  levels: string[];
  checks: Check[];
  exemptions: FileExemption[];
  /** Campaigns defined in the file (see lib/campaigns). */
  campaigns: CampaignDefinition[];
  /** Hash of the levels and every check's hash: changes whenever any rule changes. */
  hash: string;
  /** Hash of the whole file as parsed (titles and exemptions too): a re-evaluation is due when it changes. */
  revision: string;
  /** Where the standards came from: a file path, or `built-in`. */
  origin: string;
};

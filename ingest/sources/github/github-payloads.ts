import { z } from 'zod';

/**
 * Lenient shapes of the GitHub payloads Waymark reads, shared by REST answers and webhook deliveries.
 * Only the fields the normalizers use are required; everything else is optional, because real payloads
 * (and older webhook examples) omit fields the newest official schemas mark as required.
 */

// Timestamps are ISO strings almost everywhere, but `push` deliveries send epoch seconds for some of them.
export const ZTime = z.union([z.string().min(1), z.number()]).transform((value, ctx) => {
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: `not a timestamp: ${value}` });
    return z.NEVER;
  }
  return date;
});

const ZUser = z.looseObject({ login: z.string() }).nullish();

export const ZRepository = z.looseObject({
  id: z.number().optional(),
  name: z.string().min(1),
  full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/),
  default_branch: z.string().nullish(),
  archived: z.boolean().nullish(),
  html_url: z.string().nullish(),
  topics: z.array(z.string()).nullish(),
});

export const ZDeployment = z.looseObject({
  id: z.number(),
  sha: z.string().min(4),
  ref: z.string().nullish(),
  environment: z.string().min(1),
  created_at: ZTime,
  updated_at: ZTime.nullish(),
});

export const ZDeploymentStatus = z.looseObject({
  id: z.number(),
  state: z.string(),
  created_at: ZTime,
  target_url: z.string().nullish(),
  log_url: z.string().nullish(),
});

export const ZWorkflowRun = z.looseObject({
  id: z.number(),
  name: z.string().nullish(),
  path: z.string().nullish(),
  head_sha: z.string().min(4),
  head_branch: z.string().nullish(),
  status: z.string().nullish(),
  conclusion: z.string().nullish(),
  run_attempt: z.number().nullish(),
  created_at: ZTime,
  updated_at: ZTime,
  run_started_at: ZTime.nullish(),
  html_url: z.string().nullish(),
});

const ZLabel = z.union([z.string(), z.looseObject({ name: z.string() })]);

export const ZPullRequest = z.looseObject({
  number: z.number(),
  title: z.string().nullish(),
  state: z.string(),
  user: ZUser,
  labels: z.array(ZLabel).nullish(),
  created_at: ZTime,
  closed_at: ZTime.nullish(),
  merged_at: ZTime.nullish(),
  merged: z.boolean().nullish(),
  merge_commit_sha: z.string().nullish(),
  html_url: z.string().nullish(),
  head: z.looseObject({ ref: z.string().nullish(), sha: z.string().nullish() }).nullish(),
  base: z.looseObject({ ref: z.string().nullish() }).nullish(),
});

export const ZCommit = z.looseObject({
  sha: z.string().min(4),
  html_url: z.string().nullish(),
  author: ZUser,
  parents: z.array(z.looseObject({ sha: z.string() })).nullish(),
  commit: z.looseObject({
    message: z.string().nullish(),
    author: z.looseObject({ name: z.string().nullish(), date: ZTime.nullish() }).nullish(),
    committer: z.looseObject({ name: z.string().nullish(), date: ZTime.nullish() }).nullish(),
  }),
});

export const ZReview = z.looseObject({
  id: z.number(),
  user: ZUser,
  state: z.string(),
  submitted_at: ZTime.nullish(),
});

export const ZIssue = z.looseObject({
  number: z.number(),
  title: z.string().nullish(),
  body: z.string().nullish(),
  // pinned/unpinned deliveries omit the state.
  state: z.string().nullish(),
  labels: z.array(ZLabel).nullish(),
  created_at: ZTime,
  closed_at: ZTime.nullish(),
  html_url: z.string().nullish(),
  pull_request: z.unknown().optional(),
});

export const ZCompare = z.looseObject({
  status: z.string(),
  ahead_by: z.number().nullish(),
  behind_by: z.number().nullish(),
  commits: z.array(ZCommit),
});

/** `GET /repos/{owner}/{repo}/commits/{ref}`: a commit with the files it changed (a rename names both paths). */
export const ZCommitFiles = z.looseObject({
  sha: z.string().min(4),
  files: z.array(z.looseObject({ filename: z.string(), previous_filename: z.string().nullish() })),
});

export type GithubRepository = z.infer<typeof ZRepository>;
export type GithubDeployment = z.infer<typeof ZDeployment>;
export type GithubDeploymentStatus = z.infer<typeof ZDeploymentStatus>;
export type GithubWorkflowRun = z.infer<typeof ZWorkflowRun>;
export type GithubPullRequest = z.infer<typeof ZPullRequest>;
export type GithubCommit = z.infer<typeof ZCommit>;
export type GithubReview = z.infer<typeof ZReview>;
export type GithubIssue = z.infer<typeof ZIssue>;
export type GithubCompare = z.infer<typeof ZCompare>;

export const labelNames = (labels: GithubPullRequest['labels']) =>
  (labels ?? []).map((label) => (typeof label === 'string' ? label : label.name));

export { parsePayload } from '../../../lib/validation/parse-payload';

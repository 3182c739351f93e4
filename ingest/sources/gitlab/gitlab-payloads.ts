import { z } from 'zod';

/**
 * Lenient shapes of the GitLab REST answers Waymark reads (docs.gitlab.com/api: projects, deployments, merge
 * requests, commits, pipelines, issues, repository files). Only what the normalizers use is required.
 */
const ZTime = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: `not a timestamp: ${value}` });
      return z.NEVER;
    }
    return date;
  });

const ZUser = z.looseObject({ username: z.string() }).nullish();

export const ZGitlabProject = z.looseObject({
  id: z.number().int(),
  path: z.string().min(1),
  path_with_namespace: z.string().regex(/^[^\s/]+(\/[^\s/]+)+$/),
  default_branch: z.string().nullish(),
  web_url: z.string().nullish(),
  archived: z.boolean().nullish(),
});
export type GitlabProject = z.infer<typeof ZGitlabProject>;

export const ZGitlabDeployment = z.looseObject({
  id: z.number().int(),
  iid: z.number().int().nullish(),
  ref: z.string().nullish(),
  sha: z.string().regex(/^[0-9a-f]{7,64}$/i),
  status: z.string().min(1),
  created_at: ZTime,
  updated_at: ZTime,
  finished_at: ZTime.nullish(),
  environment: z.looseObject({ name: z.string().min(1) }),
  deployable: z.looseObject({ web_url: z.string().nullish() }).nullish(),
});
export type GitlabDeployment = z.infer<typeof ZGitlabDeployment>;

export const ZGitlabCommit = z.looseObject({
  id: z.string().regex(/^[0-9a-f]{7,64}$/i),
  title: z.string().nullish(),
  author_name: z.string().nullish(),
  authored_date: ZTime.nullish(),
  committed_date: ZTime.nullish(),
  created_at: ZTime.nullish(),
  web_url: z.string().nullish(),
});
export type GitlabCommit = z.infer<typeof ZGitlabCommit>;

export const ZGitlabMergeRequest = z.looseObject({
  id: z.number().int(),
  iid: z.number().int(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  state: z.string().min(1),
  created_at: ZTime,
  updated_at: ZTime,
  merged_at: ZTime.nullish(),
  closed_at: ZTime.nullish(),
  author: ZUser,
  target_branch: z.string().nullish(),
  sha: z.string().nullish(),
  merge_commit_sha: z.string().nullish(),
  squash_commit_sha: z.string().nullish(),
  web_url: z.string().nullish(),
  labels: z.array(z.string()).nullish(),
});
export type GitlabMergeRequest = z.infer<typeof ZGitlabMergeRequest>;

export const ZGitlabNote = z.looseObject({
  id: z.number().int(),
  body: z.string().nullish(),
  system: z.boolean().nullish(),
  created_at: ZTime,
  author: ZUser,
});
export type GitlabNote = z.infer<typeof ZGitlabNote>;

export const ZGitlabPipeline = z.looseObject({
  id: z.number().int(),
  status: z.string().min(1),
  ref: z.string().nullish(),
  sha: z.string().nullish(),
  name: z.string().nullish(),
  source: z.string().nullish(),
  created_at: ZTime,
  updated_at: ZTime,
  started_at: ZTime.nullish(),
  finished_at: ZTime.nullish(),
  web_url: z.string().nullish(),
});
export type GitlabPipeline = z.infer<typeof ZGitlabPipeline>;

export const ZGitlabIssue = z.looseObject({
  id: z.number().int(),
  iid: z.number().int(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  state: z.string().min(1),
  created_at: ZTime,
  updated_at: ZTime,
  closed_at: ZTime.nullish(),
  labels: z.array(z.string()).nullish(),
  issue_type: z.string().nullish(),
  type: z.string().nullish(),
  web_url: z.string().nullish(),
});
export type GitlabIssue = z.infer<typeof ZGitlabIssue>;

/** Parses one payload, giving the first problem as "what: field: message" when it does not fit. */
export const parseGitlabPayload = <T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): { ok: true; value: z.infer<T> } | { ok: false; error: string } => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${what}: ${issue.path.join('.') || 'payload'}: ${issue.message}` };
};

import { createHash } from 'node:crypto';
import { HOUR_MS } from '../../../lib/format/time-units';

/** A GitLab group's history, from which the fake server renders REST answers and webhook deliveries. */
/** A file a commit changed: `oldPath` when it was renamed (or copied) from there. */
export type FakeFileChange = { path: string; oldPath?: string; added?: boolean; deleted?: boolean };
export type FakeGitlabCommit = {
  sha: string;
  title: string;
  author: string;
  authoredAt: Date;
  committedAt: Date;
  /** What `repository/commits/:sha/diff` lists (none given: an empty diff). */
  changes?: FakeFileChange[];
};
export type FakeMergeRequest = {
  id: number;
  iid: number;
  title: string;
  author: string;
  createdAt: Date;
  mergedAt: Date;
  /** The request's own commits (not on the default branch when squashed). */
  commits: FakeGitlabCommit[];
  /** The commit on the default branch that landed it. */
  landed: FakeGitlabCommit;
  squashed: boolean;
  labels: string[];
  /** Comments and approvals (system notes), oldest first. */
  notes?: { id: number; author: string; body: string; system: boolean; at: Date }[];
};
export type FakeDeployment = {
  id: number;
  iid: number;
  environment: string;
  sha: string;
  ref: string;
  status: 'success' | 'failed' | 'running';
  createdAt: Date;
  finishedAt: Date | null;
};
export type FakePipeline = {
  id: number;
  iid: number;
  sha: string;
  ref: string;
  status: 'success' | 'failed' | 'running';
  createdAt: Date;
  finishedAt: Date | null;
};
export type FakeIssue = {
  id: number;
  iid: number;
  title: string;
  type: 'incident' | 'issue';
  labels: string[];
  createdAt: Date;
  closedAt: Date | null;
};
export type FakeProject = {
  id: number;
  path: string;
  namespace: string;
  /** The default branch, oldest first: what compare and commit listings walk. */
  mainline: FakeGitlabCommit[];
  mergeRequests: FakeMergeRequest[];
  deployments: FakeDeployment[];
  pipelines: FakePipeline[];
  issues: FakeIssue[];
  files: Record<string, string>;
  /** The default branch's protection (null: not protected) and the project's approval rules ('forbidden': Free). */
  protection: { pushAccessLevel: number; allowForcePush: boolean; codeOwnerApproval: boolean } | null;
  approvalRules: { approvals_required: number; applies_to_all_protected_branches: boolean }[] | 'forbidden';
  pipelineMustSucceed: boolean;
  /** `last_activity_at` of the project answer: a push moves it. */
  lastActivityAt?: string;
  /** Answers 403 to everything past the project itself (a token without access to it). */
  forbidden?: boolean;
};
export type FakeGitlabWorld = { group: { id: number; path: string }; projects: FakeProject[] };

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
export const fullPath = (project: FakeProject) => `${project.namespace}/${project.path}`;

const at = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR_MS);

export type FakeGroupOptions = { projects?: number; start?: Date; forbidden?: number[] };

/**
 * A deterministic group `acme` (projects in `acme` and `acme/platform`): per project a default branch of merge
 * requests (every other one squashed) and direct commits, a pipeline per landed commit, staging and production
 * deployments (one production deployment fails, and is then fixed), two incidents (one by type, one by label) and a
 * catalog-info.yaml (one project's is broken, one has none). Sizes are picked to span several pages of 20.
 */
export const buildFakeGitlabGroup = ({
  projects = 20,
  start = new Date('2026-10-01T08:00:00Z'),
  forbidden = [],
}: FakeGroupOptions = {}): FakeGitlabWorld => {
  const world: FakeGitlabWorld = { group: { id: 9000, path: 'acme' }, projects: [] };
  let nextId = 1;
  for (let index = 0; index < projects; index++) {
    const path = `svc-${String(index).padStart(2, '0')}`;
    const project: FakeProject = {
      id: 100 + index,
      path,
      namespace: index % 3 === 2 ? 'acme/platform' : 'acme',
      mainline: [],
      mergeRequests: [],
      deployments: [],
      pipelines: [],
      issues: [],
      files: { 'README.md': `# ${path}\n`, '.gitlab-ci.yml': 'deploy:\n  script: ./deploy.sh\n', 'src/main.ts': '' },
      // Every other project protects main (nobody pushes, merges only), every fourth needs two approvals, and one is
      // on GitLab Free, which has no approval rules to read.
      protection:
        index % 2 === 0 ? { pushAccessLevel: 0, allowForcePush: false, codeOwnerApproval: index % 4 === 0 } : null,
      approvalRules:
        index === 2
          ? 'forbidden'
          : index % 4 === 0
            ? [{ approvals_required: 2, applies_to_all_protected_branches: true }]
            : [],
      pipelineMustSucceed: index % 2 === 0,
      forbidden: forbidden.includes(index),
    };
    const commit = (title: string, author: string, hours: number): FakeGitlabCommit => ({
      sha: sha1(`${path}:${title}:${hours}`),
      title,
      author,
      authoredAt: at(start, hours),
      committedAt: at(start, hours),
    });
    const land = (landed: FakeGitlabCommit, hours: number) => {
      project.mainline.push(landed);
      project.pipelines.push({
        id: nextId++,
        iid: project.pipelines.length + 1,
        sha: landed.sha,
        ref: 'main',
        status: 'success',
        createdAt: at(start, hours),
        finishedAt: at(start, hours + 0.25),
      });
    };
    land(commit('Initial commit', 'root', 0), 0);
    let hours = 1;
    const deploy = (environment: string, status: FakeDeployment['status'], length = 0.5) => {
      const sha = project.mainline.at(-1)!.sha;
      project.deployments.push({
        id: nextId++,
        iid: project.deployments.length + 1,
        environment,
        sha,
        ref: 'main',
        status,
        createdAt: at(start, hours),
        finishedAt: status === 'running' ? null : at(start, hours + length),
      });
    };
    for (let step = 0; step < 12; step++) {
      hours += 5 + ((index + step) % 4);
      const iid = step + 1;
      const own = [
        commit(`feat ${iid}a`, `dev${step % 3}`, hours - 4),
        commit(`feat ${iid}b`, `dev${step % 3}`, hours - 3),
      ];
      const squashed = step % 2 === 0;
      const landed = squashed
        ? commit(`Feature ${iid} (squashed)`, `dev${step % 3}`, hours)
        : commit(`Merge branch 'feature-${iid}' into 'main'`, `dev${step % 3}`, hours);
      const author = `dev${step % 3}`;
      const reviewer = `dev${(step + 1) % 3}`;
      const notes = [
        { id: nextId++, author, body: 'Ready for review', system: false, at: at(start, hours - 3.4) },
        { id: nextId++, author: reviewer, body: 'Looks good, one question', system: false, at: at(start, hours - 2.5) },
        { id: nextId++, author: reviewer, body: 'approved this merge request', system: true, at: at(start, hours - 1) },
      ];
      project.mergeRequests.push({
        id: nextId++,
        iid,
        title: `Feature ${iid}`,
        author,
        createdAt: at(start, hours - 3.5),
        mergedAt: at(start, hours),
        commits: own,
        landed,
        squashed,
        labels: step === 5 ? ['bug'] : [],
        notes,
      });
      if (!squashed) project.mainline.push(...own);
      land(landed, hours);
      if (step % 4 === 3) {
        hours += 1;
        land(commit(`chore: bump ${step}`, 'bot', hours), hours);
      }
      if (step % 2 === 1) {
        hours += 1;
        deploy('staging', 'success');
        hours += 1;
        deploy('production', index === 0 && step === 5 ? 'failed' : 'success');
      }
    }
    hours += 2;
    deploy('production', index % 5 === 4 ? 'running' : 'success');
    project.issues.push(
      {
        id: nextId++,
        iid: 1,
        title: 'Checkout errors',
        type: 'incident',
        labels: ['severity::2'],
        createdAt: at(start, 30),
        closedAt: at(start, 33),
      },
      {
        id: nextId++,
        iid: 2,
        title: 'Slow search',
        type: 'issue',
        labels: ['incident'],
        createdAt: at(start, 60),
        closedAt: index % 2 === 0 ? at(start, 61.5) : null,
      },
    );
    if (index === 1)
      project.files['catalog-info.yaml'] =
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [broken\n';
    else if (index !== 2)
      project.files['catalog-info.yaml'] =
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${path}\nspec:\n  owner: group:default/team-${index % 4}\n  lifecycle: production\n  type: service\n`;
    world.projects.push(project);
  }
  return world;
};

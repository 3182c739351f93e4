import { createHash } from 'node:crypto';

/**
 * The state of a fake GitHub: repositories with a real commit graph, pull requests merged by squash, rebase or
 * merge commit, deployments with statuses, workflow runs, issues and files. The fake server renders it in GitHub's
 * REST shapes; the webhook builder renders the same state as deliveries, so both paths see one history.
 */
/** `files`: the paths the commit changed (against its first parent), as GitHub's commit endpoint lists them. */
export type FakeCommit = {
  sha: string;
  parents: string[];
  message: string;
  author: string;
  authoredAt: Date;
  committedAt: Date;
  files?: string[];
};
export type FakeStatus = { id: number; state: string; createdAt: Date };
export type FakeDeployment = {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  createdAt: Date;
  updatedAt: Date;
  statuses: FakeStatus[];
};
export type FakeRun = {
  id: number;
  name: string;
  path: string;
  headSha: string;
  headBranch: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  runAttempt: number;
  createdAt: Date;
  updatedAt: Date;
  runStartedAt: Date;
};
export type FakeReview = { id: number; user: string; state: string; submittedAt: Date };
export type FakePull = {
  number: number;
  title: string;
  author: string;
  state: 'open' | 'closed';
  labels: string[];
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  mergedAt: Date | null;
  mergeCommitSha: string | null;
  headRef: string;
  baseRef: string;
  commits: string[];
  /** Shas of the rebased copies a rebase merge put on the base branch. */
  landedShas: string[];
  reviews: FakeReview[];
};
export type FakeIssue = {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
};
export type FakeRule = { type: string; parameters?: Record<string, unknown> };
export type FakeRepo = {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  createdAt: Date;
  updatedAt: Date;
  commits: Map<string, FakeCommit>;
  branches: Record<string, string>;
  deployments: FakeDeployment[];
  runs: FakeRun[];
  pulls: FakePull[];
  issues: FakeIssue[];
  files: Record<string, string>;
  protection: Record<string, unknown> | null;
  rules: FakeRule[];
  /** `missing` answers 404 everywhere, `forbidden` 403 (a repository the token cannot read). */
  access: 'ok' | 'missing' | 'forbidden';
  /** `forbidden`: the token may read the repository but not its branch protection (needs admin). */
  protectionAccess: 'ok' | 'forbidden';
};

export type FakeWorld = { org: string; repos: Map<string, FakeRepo>; nextId: () => number; installationToken: string };

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export const createFakeWorld = (org: string): FakeWorld => {
  let id = 1000;
  return { org, repos: new Map(), nextId: () => ++id, installationToken: 'ghs_fakeinstallationtoken000000000000000' };
};

const minutes = (date: Date, count: number) => new Date(date.getTime() + count * 60_000);

/** Builds one repository's history step by step; every method moves the repository's clock forward. */
export class FakeRepoBuilder {
  readonly repo: FakeRepo;
  private clock: Date;
  private nextNumber = 1;

  /** A new repository named `name`, or more history for an existing one. */
  constructor(
    private readonly world: FakeWorld,
    name: string | FakeRepo,
    start: Date,
  ) {
    this.clock = start;
    if (typeof name !== 'string') {
      this.repo = name;
      this.nextNumber =
        Math.max(0, ...name.pulls.map((pull) => pull.number), ...name.issues.map((issue) => issue.number)) + 1;
      return;
    }
    this.repo = {
      id: world.nextId(),
      owner: world.org,
      name,
      fullName: `${world.org}/${name}`,
      defaultBranch: 'main',
      createdAt: start,
      updatedAt: start,
      commits: new Map(),
      branches: {},
      deployments: [],
      runs: [],
      pulls: [],
      issues: [],
      files: {},
      protection: null,
      rules: [],
      access: 'ok',
      protectionAccess: 'ok',
    };
    world.repos.set(this.repo.fullName, this.repo);
  }

  get now() {
    return this.clock;
  }

  /** Moves the clock forward by `count` minutes. */
  wait(count: number) {
    this.clock = minutes(this.clock, count);
    return this;
  }

  at(date: Date) {
    this.clock = date;
    return this;
  }

  private addCommit(
    parents: string[],
    message: string,
    author: string,
    authoredAt: Date,
    committedAt = this.clock,
    files: string[] = [],
  ) {
    const sha = sha1(
      `${this.repo.fullName}|${parents.join(',')}|${message}|${authoredAt.toISOString()}|${committedAt.toISOString()}`,
    );
    this.repo.commits.set(sha, { sha, parents, message, author, authoredAt, committedAt, files });
    return sha;
  }

  /** The files a pull request's commits changed: what its squash or merge commit changes on the base branch. */
  private filesOf(shas: string[]) {
    return [...new Set(shas.flatMap((sha) => this.repo.commits.get(sha)?.files ?? []))].sort();
  }

  /** A commit straight on a branch (the default branch unless named); `files` are written and listed as changed. */
  commit(message: string, author = 'dev-direct', branch = this.repo.defaultBranch, files: Record<string, string> = {}) {
    const head = this.repo.branches[branch];
    Object.assign(this.repo.files, files);
    const sha = this.addCommit(head ? [head] : [], message, author, this.clock, this.clock, Object.keys(files).sort());
    this.repo.branches[branch] = sha;
    this.repo.updatedAt = this.clock;
    return sha;
  }

  /** Opens a pull request with `count` commits, one every 30 minutes, branched off the default branch. */
  openPull(title: string, { author = 'alice', count = 2, labels = [] as string[] } = {}) {
    const number = this.nextNumber++;
    const headRef = title.toLowerCase().startsWith('revert') ? `revert-${number - 1}-fix` : `feature-${number}`;
    this.repo.branches[headRef] = this.repo.branches[this.repo.defaultBranch]!;
    const commits: string[] = [];
    for (let index = 0; index < count; index++) {
      commits.push(this.commit(`${title} (part ${index + 1})`, author, headRef));
      this.wait(30);
    }
    const pull: FakePull = {
      number,
      title,
      author,
      state: 'open',
      labels,
      createdAt: this.clock,
      updatedAt: this.clock,
      closedAt: null,
      mergedAt: null,
      mergeCommitSha: null,
      headRef,
      baseRef: this.repo.defaultBranch,
      commits,
      landedShas: [],
      reviews: [],
    };
    this.repo.pulls.push(pull);
    this.repo.updatedAt = this.clock;
    return pull;
  }

  review(pull: FakePull, user: string, state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED') {
    pull.reviews.push({ id: this.world.nextId(), user, state, submittedAt: this.clock });
    pull.updatedAt = this.clock;
    return this;
  }

  /** Merges by `squash` (one new commit), `rebase` (copies of every commit) or `merge` (a merge commit). */
  merge(pull: FakePull, method: 'squash' | 'rebase' | 'merge') {
    const base = this.repo.defaultBranch;
    const baseHead = this.repo.branches[base]!;
    let landed: string;
    if (method === 'squash') {
      landed = this.addCommit(
        [baseHead],
        `${pull.title} (#${pull.number})`,
        pull.author,
        this.clock,
        this.clock,
        this.filesOf(pull.commits),
      );
      pull.landedShas = [landed];
    } else if (method === 'rebase') {
      let parent = baseHead;
      pull.landedShas = pull.commits.map((sha) => {
        const original = this.repo.commits.get(sha)!;
        parent = this.addCommit(
          [parent],
          original.message,
          original.author,
          original.authoredAt,
          this.clock,
          original.files,
        );
        return parent;
      });
      landed = parent;
    } else {
      const message = `Merge pull request #${pull.number} from ${this.repo.owner}/${pull.headRef}`;
      landed = this.addCommit(
        [baseHead, pull.commits.at(-1)!],
        message,
        pull.author,
        this.clock,
        this.clock,
        this.filesOf(pull.commits),
      );
      pull.landedShas = [landed];
    }
    this.repo.branches[base] = landed;
    Object.assign(pull, {
      state: 'closed',
      mergedAt: this.clock,
      closedAt: this.clock,
      updatedAt: this.clock,
      mergeCommitSha: landed,
    });
    this.repo.updatedAt = this.clock;
    return landed;
  }

  /** A Deployments API deployment of `sha` with the given status sequence, a minute apart; `ref` as deployed. */
  deploy(sha: string, states: string[], environment = 'production', ref = this.repo.defaultBranch) {
    const deployment: FakeDeployment = {
      id: this.world.nextId(),
      sha,
      ref,
      environment,
      createdAt: this.clock,
      updatedAt: this.clock,
      statuses: [],
    };
    this.repo.deployments.push(deployment);
    for (const state of states) this.addStatus(deployment, state);
    return deployment;
  }

  addStatus(deployment: FakeDeployment, state: string) {
    this.wait(1);
    deployment.statuses.push({ id: this.world.nextId(), state, createdAt: this.clock });
    deployment.updatedAt = this.clock;
    // A new successful deployment makes the earlier ones of the environment inactive, days after they shipped.
    if (state === 'success') {
      for (const earlier of this.repo.deployments) {
        const last = earlier.statuses.at(-1)?.state;
        if (earlier !== deployment && earlier.environment === deployment.environment && last === 'success') {
          earlier.statuses.push({ id: this.world.nextId(), state: 'inactive', createdAt: this.clock });
          earlier.updatedAt = this.clock;
        }
      }
    }
    return this;
  }

  /** A workflow run; `conclusion` null leaves it in progress. */
  run(name: string, path: string, sha: string, conclusion: string | null, branch = this.repo.defaultBranch) {
    const started = this.clock;
    this.wait(4);
    const run: FakeRun = {
      id: this.world.nextId(),
      name,
      path,
      headSha: sha,
      headBranch: branch,
      status: conclusion ? 'completed' : 'in_progress',
      conclusion,
      runAttempt: 1,
      createdAt: started,
      updatedAt: this.clock,
      runStartedAt: started,
    };
    this.repo.runs.push(run);
    return run;
  }

  /** Re-runs a run: same id, next attempt, new times. */
  rerun(run: FakeRun, conclusion: string) {
    this.wait(10);
    Object.assign(run, { runAttempt: run.runAttempt + 1, runStartedAt: this.clock, status: 'completed', conclusion });
    this.wait(3);
    run.updatedAt = this.clock;
    return run;
  }

  issue(title: string, body: string, labels: string[]) {
    const issue: FakeIssue = {
      number: this.nextNumber++,
      title,
      body,
      state: 'open',
      labels,
      createdAt: this.clock,
      updatedAt: this.clock,
      closedAt: null,
    };
    this.repo.issues.push(issue);
    return issue;
  }

  close(issue: FakeIssue) {
    Object.assign(issue, { state: 'closed', closedAt: this.clock, updatedAt: this.clock });
    return this;
  }

  files(files: Record<string, string>) {
    Object.assign(this.repo.files, files);
    return this;
  }
}

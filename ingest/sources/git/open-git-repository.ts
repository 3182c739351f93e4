import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../lib/errors';
import { GitCommandError, runGit } from './run-git';

export type GitRepository = {
  /** The folder given, resolved: the work tree of a clone, or the repository itself when bare. */
  path: string;
  bare: boolean;
  /** The service name a repository gets when no catalog names it: its remote's name, else its folder without `.git`. */
  folderName: string;
  /** Where the repository came from: `owner/name` of `origin`, else its URL (credentials removed), else its path. */
  location: string;
  /** The default branch's name, when there is one (origin's HEAD, else the local HEAD's branch). */
  defaultBranch: string | null;
  /** The ref whose tree is read for facts (`refs/remotes/origin/main`, `refs/heads/main`, or `HEAD`). */
  headRef: string;
  headSha: string;
};

const tryGit = async (cwd: string, args: string[]) => {
  try {
    return (await runGit(cwd, args)).trim();
  } catch (error) {
    if (error instanceof GitCommandError) return null;
    throw error;
  }
};

const stripCredentials = (url: string) => {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url; // scp-like (git@host:org/repo.git) or a path: nothing secret in it
  }
};

/**
 * `owner/name` of a remote URL (https, ssh, or scp-like `git@host:owner/name.git`; GitLab subgroups kept), or null
 * when the URL is a local path or names no owner.
 */
export const readRemoteRepository = (url: string): { owner: string; name: string } | null => {
  let path: string;
  if (/^[a-z][a-z+.-]*:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'file:') return null;
      path = parsed.pathname;
    } catch {
      return null;
    }
  } else {
    const scp = /^(?:[^@/\s]+@)?[^:/\s]+:(?!\/)(.+)$/.exec(url);
    if (!scp) return null;
    path = scp[1]!;
  }
  const parts = path.replace(/\/+$/, '').replace(/\.git$/, '').split('/').filter(Boolean);
  if (parts.length < 2) return null;
  return { owner: parts.slice(0, -1).join('/'), name: parts.at(-1)! };
};

const usage = (message: string) => new AppError('USAGE', message);

/**
 * Checks that `path` is the top of a git repository (a clone's work tree, or a bare repository) and finds its default
 * branch. A folder inside a repository is refused rather than silently read as the whole repository.
 */
export const openGitRepository = async (path: string): Promise<GitRepository> => {
  const absolute = resolve(path);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) throw usage(`${path}: no such folder`);
  let probe: string;
  try {
    probe = (await runGit(absolute, ['rev-parse', '--is-bare-repository', '--absolute-git-dir'])).trim();
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    // git also refuses real repositories (one owned by another user: "detected dubious ownership"); say why.
    const reason = error.stderr.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
    throw usage(/not a git repository/i.test(reason) || !reason ? `${path} is not a git repository` : `${path}: git cannot read it: ${reason}`);
  }
  const [bareFlag, gitDir] = probe.split('\n');
  const bare = bareFlag === 'true';
  const top = bare ? gitDir! : await tryGit(absolute, ['rev-parse', '--show-toplevel']);
  if (!bare && top === null) throw usage(`${path} is inside a git directory but not a work tree; pass the repository's folder`);
  // Compare real paths: git prints the work tree with symbolic links resolved.
  if (realpathSync(top!) !== realpathSync(absolute)) {
    throw usage(`${path} is a folder inside the git repository ${top}; pass the repository's top folder`);
  }

  const originHead = await tryGit(absolute, ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD']);
  const localHead = await tryGit(absolute, ['symbolic-ref', '-q', 'HEAD']);
  let defaultBranch: string | null = null;
  let headRef = 'HEAD';
  if (originHead?.startsWith('origin/')) {
    // The remote's default branch as last fetched: a developer's local branch may be stale or checked out elsewhere.
    defaultBranch = originHead.slice('origin/'.length);
    headRef = `refs/remotes/${originHead}`;
  } else if (localHead?.startsWith('refs/heads/')) {
    defaultBranch = localHead.slice('refs/heads/'.length);
    headRef = localHead;
  }
  const headSha = await tryGit(absolute, ['rev-parse', '--verify', '-q', `${headRef}^{commit}`]);
  if (!headSha) throw usage(`${path} has no commits${defaultBranch ? ` on ${defaultBranch}` : ''}`);

  const origin = await tryGit(absolute, ['config', '--get', 'remote.origin.url']);
  const remote = origin ? readRemoteRepository(origin) : null;
  return {
    path: absolute,
    bare,
    // A bare clone's folder is often `repo` or `name.git`: the remote names the repository better when there is one.
    folderName: remote?.name ?? (basename(absolute).replace(/\.git$/, '') || basename(absolute)),
    location: remote ? `${remote.owner}/${remote.name}` : origin ? stripCredentials(origin) : absolute,
    defaultBranch,
    headRef,
    headSha,
  };
};

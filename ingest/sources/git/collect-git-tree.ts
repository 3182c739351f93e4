import { spawn } from 'node:child_process';
import { MAX_FACT_FILE_BYTES, selectFactFiles } from '../../../lib/domain/select-fact-files';
import { GIT_CONFIG_ARGS, GIT_ENV } from './git-env';
import { GitCommandError } from './run-git';
import { streamGit } from './stream-git';

export type GitTree = { paths: string[]; files: Record<string, string> };

type Blob = { path: string; object: string };

/** Reads blobs through one `git cat-file --batch`: one process for all files, however many. */
const readBlobs = (repository: string, blobs: Blob[]): Promise<Record<string, string>> =>
  new Promise((resolveRead, reject) => {
    const files: Record<string, string> = {};
    if (blobs.length === 0) return resolveRead(files);
    const child = spawn('git', [...GIT_CONFIG_ARGS, 'cat-file', '--batch'], { cwd: repository, env: GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = Buffer.alloc(0);
    let index = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      // Each answer is "<sha> <type> <size>\n<content>\n".
      while (index < blobs.length) {
        const headerEnd = buffer.indexOf(10);
        if (headerEnd === -1) return;
        const size = Number(buffer.subarray(0, headerEnd).toString('utf8').split(' ')[2]);
        if (buffer.length < headerEnd + 1 + size + 1) return;
        const content = buffer.subarray(headerEnd + 1, headerEnd + 1 + Math.min(size, MAX_FACT_FILE_BYTES));
        files[blobs[index]!.path] = content.toString('utf8');
        buffer = buffer.subarray(headerEnd + 1 + size + 1);
        index++;
      }
    });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 && index === blobs.length ? resolveRead(files) : reject(new GitCommandError(['cat-file', '--batch'], code, stderr))));
    child.stdin.end(blobs.map((blob) => `${blob.object}\n`).join(''));
  });

/**
 * Lists every path of the tree at `ref` and reads the files the standards ask about (`globs`). Contents are cut at
 * MAX_FACT_FILE_BYTES: a fact is evidence, not a copy of the repository.
 */
export const collectGitTree = async (repository: string, ref: string, globs: readonly string[]): Promise<GitTree> => {
  const paths: string[] = [];
  const objects = new Map<string, string>();
  for await (const entry of streamGit(repository, ['ls-tree', '-r', '-z', '--full-tree', ref])) {
    if (!entry) continue;
    // "<mode> <type> <object>\t<path>"
    const tab = entry.indexOf('\t');
    const [, type, object] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    paths.push(path);
    if (type === 'blob') objects.set(path, object!);
  }
  const wanted = selectFactFiles(paths, globs).filter((path) => objects.has(path));
  const files = await readBlobs(
    repository,
    wanted.map((path) => ({ path, object: objects.get(path)! })),
  );
  return { paths, files };
};

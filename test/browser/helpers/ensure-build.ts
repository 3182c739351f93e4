import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const SOURCES = ['app', 'lib', 'next.config.js', 'package-lock.json', 'tsconfig.json'];

const newestMtime = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
};

/**
 * Builds the app unless a production build newer than every source file exists: CI (a clean clone) builds once,
 * and a developer re-running the suite after an edit does not test a stale build.
 */
export const ensureBuild = (root: string, log: (line: string) => void) => {
  const buildId = join(root, '.next', 'BUILD_ID');
  const sourcesAt = Math.max(...SOURCES.map((path) => join(root, path)).filter(existsSync).map(newestMtime));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sourcesAt) {
    log('browser tests: reusing the production build in .next');
    return;
  }
  log('browser tests: building the app (next build)…');
  const started = Date.now();
  const nextBin = createRequire(join(root, 'package.json')).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  log(`browser tests: built in ${Math.round((Date.now() - started) / 1000)} s`);
};

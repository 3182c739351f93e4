import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { toNdjson } from '../helpers/event-input';
import { runCli } from '../helpers/run-cli';
import { linkedRecords } from './fixture/linked-records';
import { ensureBuild } from './helpers/ensure-build';
import { findChromium, INSTALL_HINT } from './helpers/find-chromium';
import { ARTIFACTS, ROOT, SCREENSHOTS } from './helpers/paths';
import { startServer } from './helpers/start-server';
import { waitForAnalyses } from './helpers/wait-for-analyses';
import { DEMO_SEED, WEBHOOK_SECRET } from './helpers/suite-constants';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production server listens, or null when the suite is skipped (no Chromium on a developer machine). */
    baseUrl: string | null;
    chromium: string | null;
    /** A write token (created through the CLI) for tests that grant an exemption or send events over HTTP. */
    writeToken: string | null;
  }
}


const log = (line: string) => process.stderr.write(`${line}\n`);

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    if (process.env.WAYMARK_REQUIRE_BROWSER === '1') throw new Error(`Chromium is required for the browser tests (WAYMARK_REQUIRE_BROWSER=1) but was not found; ${INSTALL_HINT}`);
    log(`browser tests skipped: Chromium was not found; ${INSTALL_HINT}`);
    project.provide('baseUrl', null);
    project.provide('chromium', null);
    project.provide('writeToken', null);
    return;
  }

  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureBuild(ROOT, log);

  const work = mkdtempSync(join(tmpdir(), 'waymark-browser-'));
  const dataDir = join(work, 'data');
  const env = { WAYMARK_DATA_DIR: dataDir, WAYMARK_DEMO: 'off' };
  // The demo organization with a fixed seed, loaded through the real CLI: 40 services in 6 teams over the 180 days
  // before today (see ingest/demo/demo-organization.ts for who is who).
  const linked = join(work, 'linked.ndjson');
  writeFileSync(linked, toNdjson(linkedRecords(new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000))));
  for (const args of [['migrate'], ['demo', '--seed', String(DEMO_SEED)], ['ingest', 'events', linked, '--source', 'ci']]) {
    const result = await runCli(args, { env, cwd: ROOT });
    if (result.code !== 0) throw new Error(`waymark ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  }

  const created = await runCli(['token', 'create', 'browser-tests'], { env, cwd: ROOT });
  const writeToken = created.stdout.match(/wmk_\S+/)?.[0];
  if (created.code !== 0 || !writeToken) throw new Error(`waymark token create failed (${created.code}):\n${created.stdout}\n${created.stderr}`);

  const server = await startServer({ root: ROOT, dataDir, logDir: ARTIFACTS, env: { GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  log(`browser tests: server at ${server.url}`);
  await waitForAnalyses(server.url);
  project.provide('baseUrl', server.url);
  project.provide('chromium', chromium);
  project.provide('writeToken', writeToken);

  return async () => {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  };
}

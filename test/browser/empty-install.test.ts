import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeInBrowser } from './helpers/browser-session';
import { ARTIFACTS, ROOT } from './helpers/paths';
import { startServer, type RunningServer } from './helpers/start-server';

/** A second server on an empty database (demo off): what a new install shows before any source is connected. */
describeInBrowser('a new install with no data', (session) => {
  let server: RunningServer | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    if (!inject('baseUrl')) return;
    dataDir = mkdtempSync(join(tmpdir(), 'waymark-empty-'));
    server = await startServer({ root: ROOT, dataDir, logDir: ARTIFACTS, logName: 'server-empty.log' });
  });

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [name, path] of [
    ['empty-overview', '/'],
    ['empty-services', '/services'],
    ['empty-dora', '/dora'],
    
  ] as const) {
    it(`${path} explains how to connect a source`, async () => {
      const page = await session().open(`${server!.url}${path}`, { screenshot: name, absolute: true });
      const text = await page.locator('main').textContent();
      expect(text).toContain('npx waymark ingest git .');
      expect(text).toContain('npx waymark ingest events');
      expect(text).toContain('GITHUB_TOKEN');
      await page.close();
      expect(session().consoleErrors()).toEqual([]);
    });
  }

  it('ingest status says no source has run', async () => {
    const page = await session().open(`${server!.url}/ingest`, { absolute: true });
    await expect(page.locator('main').textContent()).resolves.toContain('No source has run yet');
    await page.close();
  });
});

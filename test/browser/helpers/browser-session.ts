import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { SCREENSHOTS } from './paths';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return (
    protocol === 'data:' ||
    protocol === 'blob:' ||
    hostname === '127.0.0.1' ||
    hostname === 'localhost' ||
    hostname === '[::1]'
  );
};

export type BrowserSession = {
  baseUrl: string;
  /** Opens a path in a new page and waits until every widget has streamed in (no Suspense fallback left). */
  open: (
    path: string,
    options?: { screenshot?: string; colorScheme?: 'light' | 'dark'; absolute?: boolean },
  ) => Promise<Page>;
  /** Console errors and uncaught page errors seen so far, per page URL. */
  consoleErrors: () => string[];
  /** Forget the console errors so far (after a test that provokes one on purpose). */
  clearConsoleErrors: () => void;
  /** Requests to anything but this machine that a page attempted (they are aborted). */
  blockedRequests: () => string[];
  /** GET a JSON API of the same server. */
  api: <T>(path: string) => Promise<T>;
};

/**
 * Declares a browser suite: one Chromium (fresh profile, no network beyond this machine) for the file's tests.
 * Skipped, with the install hint printed once by the global setup, only when Chromium is missing on a developer
 * machine; in CI (WAYMARK_REQUIRE_BROWSER=1) the global setup fails instead.
 */
export const describeInBrowser = (title: string, body: (session: () => BrowserSession) => void) => {
  const baseUrl = inject('baseUrl');
  const executablePath = inject('chromium');
  describe.skipIf(!baseUrl || !executablePath)(title, () => {
    let context: BrowserContext | undefined;
    let profile: string | undefined;
    const errors: string[] = [];
    const blocked: string[] = [];
    let session: BrowserSession | undefined;

    beforeAll(async () => {
      profile = mkdtempSync(join(tmpdir(), 'waymark-chromium-'));
      context = await playwright.launchPersistentContext(profile, {
        executablePath: executablePath!,
        headless: true,
        args: ARGS,
        viewport: { width: 1360, height: 900 },
        reducedMotion: 'reduce',
      });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isLocal(url)) return route.continue();
        blocked.push(url);
        return route.abort('blockedbyclient');
      });
      for (const page of context.pages()) await page.close();
      session = {
        baseUrl: baseUrl!,
        open: async (path, { screenshot, colorScheme = 'light', absolute = false } = {}) => {
          const page = await context!.newPage();
          await page.emulateMedia({ colorScheme });
          page.on('console', (message) => {
            if (message.type() === 'error') errors.push(`${path}: ${message.text()}`);
          });
          page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
          const response = await page.goto(absolute ? path : `${baseUrl}${path}`, { waitUntil: 'load' });
          expect(response, `no response for ${path}`).not.toBeNull();
          await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {
            timeout: 30_000,
          });
          if (screenshot) await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}.png`), fullPage: true });
          return page;
        },
        consoleErrors: () => [...errors],
        clearConsoleErrors: () => {
          errors.length = 0;
        },
        blockedRequests: () => [...blocked],
        api: async <T>(path: string) => {
          const response = await fetch(`${baseUrl}${path}`);
          expect(response.status, `GET ${path}`).toBe(200);
          return (await response.json()) as T;
        },
      };
    });

    afterAll(async () => {
      await context?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    body(() => session!);
  });
};

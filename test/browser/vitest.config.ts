import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The browser suite: the production build, served by the real CLI on an embedded database loaded with a fixed
 * organization, driven by Debian's Chromium through playwright-core. One server for the whole run (global setup),
 * files one after another (they share it), so the suite fits a 2-core machine.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../../', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('../../', import.meta.url)),
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    // Building the app on a busy 2-core machine takes minutes.
    hookTimeout: 900_000,
  },
});

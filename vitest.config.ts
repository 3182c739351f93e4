import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    // examples/ are for other products (Backstage) and outside the build, like test/browser is outside this run.
    exclude: ['test/browser/**', 'node_modules/**', 'examples/**'],
    globalSetup: ['test/setup/global-setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DB tests are heavy (a PGlite per test): keep parallelism to the machine's cores.
    maxWorkers: 2,
  },
});

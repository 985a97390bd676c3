import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:browser`: the console page in headless Chromium against a
 * live local stack. Apart from `npm test` (whose include is
 * test/**\/*.test.ts) because it needs Chromium on the machine.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/browser/**/*.browser.ts'],
    setupFiles: ['test/setup-environment.ts'],
    testTimeout: 45_000,
    hookTimeout: 45_000,
    fileParallelism: false,
  },
});

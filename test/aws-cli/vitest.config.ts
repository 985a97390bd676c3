import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:aws-cli`: the README's AWS CLI examples against a live
 * local stack. Apart from `npm test` (whose include is test/**\/*.test.ts)
 * because it needs the `aws` command on the machine.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/aws-cli/**/*.aws-cli.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

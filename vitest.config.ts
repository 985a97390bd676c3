import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-environment.ts'],
    testTimeout: 20_000,
    coverage: {
      include: ['functions/**/*.ts', 'local/**/*.ts', 'cli/**/*.ts'],
    },
  },
});

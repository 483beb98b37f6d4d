import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Names the run so the browser specs seed the demo organisation once and copy it (e2e/demo-template.ts).
    globalSetup: ['e2e/global-setup.ts'],
  },
});

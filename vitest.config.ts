import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts', 'e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll's default of one second is shorter than a page's answer on a loaded CI machine
    // (a wrong-password login with argon2 took longer and failed the inbox spec): wait up to 15 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // Names the run so the browser specs seed the demo organisation once and copy it (e2e/demo-template.ts).
    globalSetup: ['e2e/global-setup.ts'],
  },
});

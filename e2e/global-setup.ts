import { randomBytes } from 'node:crypto';

/**
 * Names this test run, so the browser specs of one run share one seeded demo template
 * (e2e/demo-template.ts) and the next run never reads a stale one; removes it at the end.
 * The forks vitest starts inherit the environment set here.
 */
export async function setup(): Promise<() => Promise<void>> {
  process.env.VERITY_E2E_RUN ??= `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  return async () => {
    const { removeTemplate } = await import('./demo-template.ts');
    await removeTemplate();
  };
}

import { defineConfig } from 'vitest/config';

/**
 * `npm run faults`: the slow part of the fault suite (Redis stopped and frozen under load, the outbox
 * worker SIGKILLed, the app SIGKILLed with its private Redis, a flood of cookieless visitors). The fast
 * part (test/faults/*.test.ts) runs in `npm test`. One file at a time: they measure timings and memory.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.ts'],
    globalSetup: ['test/helpers/redis-global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

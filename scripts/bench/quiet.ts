import { performance } from 'node:perf_hooks';

/**
 * Waits until `count()` has not changed for `quietMs` (the workers have answered everything stored);
 * resolves to the last count and when it last changed (performance.now()).
 */
export async function untilQuiet(
  count: () => number,
  quietMs = 2000,
): Promise<{ readonly count: number; readonly lastChangeAt: number }> {
  let last = count();
  let lastChangeAt = performance.now();
  while (performance.now() - lastChangeAt < quietMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = count();
    if (now !== last) {
      last = now;
      lastChangeAt = performance.now();
    }
  }
  return { count: last, lastChangeAt };
}

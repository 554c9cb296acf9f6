import { performance } from 'node:perf_hooks';
import { report } from './stats';

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

/**
 * After a webhook load: how long after the load the workers answered the last update, and how many
 * updates they answered per second from the start of the load.
 */
export function reportDrained(
  bench: string,
  unit: string,
  o: { total: number; loadStart: number; loadEnd: number; lastChangeAt: number },
): void {
  report({
    bench,
    metric: 'all_answered_after_load_ms',
    value: Math.round(Math.max(0, o.lastChangeAt - o.loadEnd)),
    unit: 'ms',
    context: { load_ms: Math.round(o.loadEnd - o.loadStart) },
  });
  report({
    bench,
    metric: `${unit}s_answered_per_second`,
    value: Math.round(o.total / ((o.lastChangeAt - o.loadStart) / 1000)),
    unit: `${unit}s/s`,
  });
}

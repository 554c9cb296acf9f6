/**
 * Resolves with the calls of `method` once there are `count` of them; `subscribe` registers a listener the
 * fake calls after recording each call and returns how to unregister it. Shared by the fake platform APIs.
 */
export function waitForCalls<C extends { method: string }>(
  calls: readonly C[],
  callsOf: (method: string) => C[],
  subscribe: (listener: () => void) => () => void,
  method: string,
  count: number,
  timeoutMs: number,
): Promise<C[]> {
  return new Promise((resolve, reject) => {
    let unsubscribe = (): void => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      const seen = calls.map((c) => c.method).join(', ') || 'none';
      reject(
        new Error(
          `waitForCalls: expected ${count} ${method} call(s) within ${timeoutMs} ms, got ${callsOf(method).length} (calls: ${seen})`,
        ),
      );
    }, timeoutMs);
    const check = (): void => {
      const found = callsOf(method);
      if (found.length < count) return;
      unsubscribe();
      clearTimeout(timer);
      resolve(found);
    };
    unsubscribe = subscribe(check);
    check();
  });
}

export interface RetryOptions {
  /** tries in all, the first included */
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** whether a failure may get better on retry (default: every failure) */
  readonly retryable?: (err: unknown) => boolean;
  /** true once the caller is shutting down: stop retrying */
  readonly stopped?: () => boolean;
  /** told about each failure that will be retried */
  readonly onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Runs `task` until it succeeds, waiting longer after each failure (doubling up to maxDelayMs); the
 * last failure is thrown. For updates fetched by polling, which no platform will resend once fetched.
 */
export async function retrying<T>(task: () => Promise<T>, o: RetryOptions): Promise<T> {
  let delay = o.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (err) {
      if (attempt >= o.attempts || o.stopped?.() || o.retryable?.(err) === false) throw err;
      o.onRetry?.(err, attempt, delay);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, o.maxDelayMs);
    }
  }
}

/** Polled updates: about five minutes of retries (a Redis restart, a short outage) before giving up. */
export const POLLED_UPDATE_RETRY = { attempts: 40, firstDelayMs: 500, maxDelayMs: 10_000 } as const;

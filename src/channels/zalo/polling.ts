import { POLLED_UPDATE_RETRY, retrying } from '../../core/retry';
import type { Logger } from '../../logger';
import type { ZaloClient } from './client';

export interface ZaloPolling {
  stop(): Promise<void>;
}

const POLL_SECONDS = 30;
const MAX_BACKOFF_MS = 60_000;

/**
 * getUpdates in a loop, for a laptop or a server without a public HTTPS address. Each update is handed
 * to `handleUpdate` (which stores it in the inbound queue) and the next is asked for at once: a burst is
 * answered at the workers' pace, not one reply at a time. An idle poll ends in Zalo's 408, which just
 * means "poll again"; other errors back off (1 s doubling to a minute).
 */
export function startZaloPolling(
  client: ZaloClient,
  handleUpdate: (update: unknown) => Promise<unknown>,
  logger: Logger,
): ZaloPolling {
  let running = true;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    // Polling and a webhook exclude each other (reference §1.2).
    await client
      .deleteWebhook()
      .catch((err: unknown) => logger.warn({ err: String(err) }, 'zalo deleteWebhook failed'));
    let backoff = 1000;
    while (running) {
      try {
        const update = await client.getUpdates(POLL_SECONDS);
        backoff = 1000;
        if (update !== undefined && running) {
          for (const u of Array.isArray(update) ? update : [update]) {
            // Zalo does not give a fetched update again: keep trying to store it (Redis restarting) before the next.
            await retrying(() => handleUpdate(u), {
              ...POLLED_UPDATE_RETRY,
              stopped: () => !running,
              onRetry: (err, attempt, delayMs) =>
                logger.warn({ err, attempt, delayMs }, 'zalo update failed; retrying'),
            }).catch((err: unknown) =>
              logger.error({ err }, 'ALERT zalo-update: an update could not be handled; dropped'),
            );
          }
        }
      } catch (err) {
        if (!running) break;
        logger.warn({ err: String(err), retryInMs: backoff }, 'zalo getUpdates failed');
        await pause(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      // A long poll in flight ends within its timeout; do not wait for it on shutdown.
      await Promise.race([loop, new Promise((r) => setTimeout(r, 1000))]);
    },
  };
}

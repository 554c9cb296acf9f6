/** Load for the fault tests: web chat messages, Telegram webhook updates (redelivered like Telegram), readiness probes. */

export interface Sample {
  readonly start: number;
  readonly end: number;
  /** 0: no answer (network error or our own 10 s abort) */
  readonly status: number;
}

const ABORT_MS = 10_000;

async function timed(request: () => Promise<Response>): Promise<Sample & { response?: Response }> {
  const start = Date.now();
  try {
    const response = await request();
    await response.arrayBuffer().catch(() => undefined);
    return { start, end: Date.now(), status: response.status, response };
  } catch {
    return { start, end: Date.now(), status: 0 };
  }
}

/** Calls `tick` `perSecond` times a second until stopped; resolves with what the ticks returned. */
function paced<T>(perSecond: number, tick: (n: number) => Promise<T>) {
  const running: Promise<T>[] = [];
  let n = 0;
  const timer = setInterval(() => running.push(tick(n++)), 1000 / perSecond);
  return {
    async stop(): Promise<T[]> {
      clearInterval(timer);
      return Promise.all(running);
    },
  };
}

const QUESTIONS = [
  'lam giay khai sinh can gi',
  'đăng ký kết hôn',
  'cccd het han',
  'menu',
  'chung thuc o dau',
];

/** `perSecond` chat messages from `visitors` returning visitors (each keeps its token). */
export function webLoad(url: string, perSecond: number, visitors = 20) {
  const tokens: (string | undefined)[] = Array.from({ length: visitors }, () => undefined);
  return paced(perSecond, async (n) => {
    const slot = n % visitors;
    const token = tokens[slot];
    const sample = await timed(() =>
      fetch(`${url}/api/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-visitor-token': token } : {}) },
        body: JSON.stringify({ text: QUESTIONS[n % QUESTIONS.length] }),
        signal: AbortSignal.timeout(ABORT_MS),
      }),
    );
    tokens[slot] = sample.response?.headers.get('x-visitor-token') ?? token;
    return { start: sample.start, end: sample.end, status: sample.status };
  });
}

export interface DeliveredUpdate {
  readonly updateId: number;
  readonly chatId: number;
  readonly attempts: Sample[];
  delivered: boolean;
}

/**
 * Telegram's side of the webhook: `perSecond` new updates, each from its own chat, each sent again
 * (every `retryMs`) until the bot answers 2xx — as Telegram redelivers — or `giveUpAt` passes.
 */
export function webhookPlatform(
  url: string,
  secret: string,
  perSecond: number,
  o: { firstChatId: number; retryMs?: number },
) {
  const updates: DeliveredUpdate[] = [];
  let giveUpAt = Number.POSITIVE_INFINITY;
  const deliver = async (update: DeliveredUpdate, body: string) => {
    while (Date.now() < giveUpAt) {
      const sample = await timed(() =>
        fetch(`${url}/webhooks/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
          body,
          signal: AbortSignal.timeout(ABORT_MS),
        }),
      );
      update.attempts.push({ start: sample.start, end: sample.end, status: sample.status });
      if (sample.status >= 200 && sample.status < 300) {
        update.delivered = true;
        return;
      }
      await new Promise((r) => setTimeout(r, o.retryMs ?? 1000));
    }
  };
  const load = paced(perSecond, async (n) => {
    const updateId = 500_000 + n;
    const chatId = o.firstChatId + n;
    const update: DeliveredUpdate = { updateId, chatId, attempts: [], delivered: false };
    updates.push(update);
    const body = JSON.stringify({
      update_id: updateId,
      message: {
        message_id: n + 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'Dân' },
        from: { id: chatId, is_bot: false, first_name: 'Dân', language_code: 'vi' },
        text: 'xin chào',
      },
    });
    await deliver(update, body);
  });
  return {
    updates,
    /** stops sending new updates and waits (until `deadline`) for every update to be delivered */
    async finish(deadline: number): Promise<DeliveredUpdate[]> {
      giveUpAt = deadline;
      await load.stop();
      return updates;
    },
  };
}

/** GET /readyz every `everyMs`. */
export function readyProbe(url: string, everyMs = 100) {
  return paced(1000 / everyMs, () =>
    timed(() => fetch(`${url}/readyz`, { signal: AbortSignal.timeout(ABORT_MS) })).then(
      ({ start, end, status }): Sample => ({ start, end, status }),
    ),
  );
}

export const slowest = (samples: readonly Sample[]): number =>
  samples.reduce((max, s) => Math.max(max, s.end - s.start), 0);

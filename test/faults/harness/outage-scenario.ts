import { type FakeTelegram, startFakeTelegram } from '../../helpers/fake-telegram-api';
import { type AppUnderTest, startApp } from './app-process';
import { type ControllableRedis, startControllableRedis } from './redis-process';
import { type DeliveredUpdate, readyProbe, type Sample, webhookPlatform, webLoad } from './traffic';

export interface OutageOptions {
  /** 'stop': redis-server stopped and started again; 'freeze': SIGSTOP then SIGCONT */
  readonly fault: 'stop' | 'freeze';
  readonly faultMs: number;
  readonly webPerSecond: number;
  readonly webhookPerSecond: number;
  /** traffic before the fault and after the recovery */
  readonly calmMs: number;
}

export interface OutageResult {
  /** when the fault began (stop finished / SIGSTOP sent) and ended (Redis accepting again / SIGCONT) */
  readonly faultStart: number;
  readonly faultEnd: number;
  readonly web: Sample[];
  readonly ready: Sample[];
  readonly updates: DeliveredUpdate[];
  /** sendMessage calls per chat, from the fake Telegram */
  readonly sentPerChat: Map<number, number>;
  /** how many messages a chat gets for one first message, measured before the fault */
  readonly repliesPerUpdate: number;
  readonly output: string;
}

const SECRET = 'fault_suite_webhook_secret';

/**
 * The app (`npm start`'s code, its own process) on its own redis-server, with the Telegram webhook on
 * a fake Bot API; web chat and webhook traffic run through a Redis fault and what happened is returned.
 */
export async function runOutage(o: OutageOptions): Promise<OutageResult> {
  const redis: ControllableRedis = await startControllableRedis();
  const fake: FakeTelegram = await startFakeTelegram();
  let app: AppUnderTest | undefined;
  try {
    app = await startApp({
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'fault:',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PUBLIC_URL: 'https://bot.example.org',
      WEB_RATE_PER_IP: '1000000',
      WEB_RATE_PER_VISITOR: '1000000',
      WEB_RATE_NEW_PER_IP: '1000000',
    });
    // One first message before any load: how many replies a new resident gets.
    const probeChat = 9_000_001;
    const platform = webhookPlatform(app.url, SECRET, o.webhookPerSecond, { firstChatId: 1_000_000 });
    const web = webLoad(app.url, o.webPerSecond);
    const ready = readyProbe(app.url);
    await new Promise((r) => setTimeout(r, o.calmMs));

    let faultStart: number;
    let faultEnd: number;
    if (o.fault === 'stop') {
      await redis.stop();
      faultStart = Date.now();
      await new Promise((r) => setTimeout(r, o.faultMs));
      await redis.start();
      faultEnd = Date.now();
    } else {
      redis.freeze();
      faultStart = Date.now();
      await new Promise((r) => setTimeout(r, o.faultMs));
      redis.thaw();
      faultEnd = Date.now();
    }
    await new Promise((r) => setTimeout(r, o.calmMs));
    const webSamples = await web.stop();
    const readySamples = await ready.stop();
    const updates = await platform.finish(Date.now() + 60_000);
    // The webhook answers once the update is stored; workers reply after (retrying what the fault cut,
    // with a backoff that can leave 2 s without a send on a loaded machine: wait for every stored update).
    await repliesSettled(
      fake,
      updates.filter((u) => u.delivered).map((u) => u.chatId),
    );
    await fetch(`${app.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        update_id: 9_000_001,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: probeChat, type: 'private', first_name: 'Dân' },
          from: { id: probeChat, is_bot: false, first_name: 'Dân', language_code: 'vi' },
          text: 'xin chào',
        },
      }),
    });
    await repliesSettled(fake);
    const sentPerChat = new Map<number, number>();
    for (const call of fake.callsOf('sendMessage')) {
      const chatId = Number(call.params.chat_id);
      sentPerChat.set(chatId, (sentPerChat.get(chatId) ?? 0) + 1);
    }
    return {
      faultStart,
      faultEnd,
      web: webSamples,
      ready: readySamples,
      updates,
      sentPerChat,
      repliesPerUpdate: sentPerChat.get(probeChat) ?? 0,
      output: app.process.output(),
    };
  } finally {
    await app?.stop();
    await fake.close();
    await redis.close();
  }
}

/**
 * Waits until each of these chats has had a sendMessage (a reply to its stored update) and the fake has then
 * received no sendMessage for 2 s; at most 30 s (an update still without a reply then counts as lost).
 */
async function repliesSettled(fake: FakeTelegram, chats: readonly number[] = []): Promise<void> {
  const until = Date.now() + 30_000;
  const answered = () => {
    const sent = new Set(fake.callsOf('sendMessage').map((c) => Number(c.params.chat_id)));
    return chats.every((c) => sent.has(c));
  };
  let last = -1;
  let since = Date.now();
  while (Date.now() < until && (Date.now() - since < 2000 || !answered())) {
    const now = fake.callsOf('sendMessage').length;
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The figures a test prints and RELIABILITY.md records. */
export function summarize(r: OutageResult) {
  const lost = r.updates.filter((u) => !u.delivered || (r.sentPerChat.get(u.chatId) ?? 0) === 0);
  const twice = r.updates.filter((u) => (r.sentPerChat.get(u.chatId) ?? 0) > r.repliesPerUpdate);
  const attempts = r.updates.flatMap((u) => u.attempts);
  const duringFault = (s: Sample) => s.start >= r.faultStart && s.start < r.faultEnd;
  const firstReady503 = r.ready.find((s) => s.end >= r.faultStart && s.status === 503);
  const firstReady200 = r.ready.find((s) => s.start >= r.faultEnd && s.status === 200);
  const slowest = (xs: Sample[]) => xs.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  return {
    webMessages: r.web.length,
    webDuringFault: r.web.filter(duringFault).length,
    webStatusesDuringFault: countBy(r.web.filter(duringFault).map((s) => s.status)),
    webStatuses: countBy(r.web.map((s) => s.status)),
    slowestWebMs: slowest(r.web),
    slowestWebDuringFaultMs: slowest(r.web.filter(duringFault)),
    updates: r.updates.length,
    webhookAttempts: attempts.length,
    webhookStatuses: countBy(attempts.map((s) => s.status)),
    slowestWebhookMs: slowest(attempts),
    lostUpdates: lost.length,
    answeredTwice: twice.length,
    repliesPerUpdate: r.repliesPerUpdate,
    slowestReadyMs: slowest(r.ready),
    ready503AfterMs: firstReady503 ? firstReady503.end - r.faultStart : undefined,
    ready200AfterMs: firstReady200 ? firstReady200.end - r.faultEnd : undefined,
  };
}

function countBy(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

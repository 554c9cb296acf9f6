import { type FakeTelegram, startFakeTelegram } from './fake-telegram-api';
import { startTestServer, type TestServer } from './test-server';

/** The fake Bot API and the bot's web server with the Telegram webhook, wired together. */
export interface TelegramBed {
  readonly fake: FakeTelegram;
  readonly server: TestServer;
  /** posts a raw body to /webhooks/telegram (null: no secret header) */
  post(body: string, secret?: string | null): Promise<Response>;
  /** delivers one update as Telegram would and waits until it is handled; throws unless the answer is 200 */
  deliver(update: object): Promise<void>;
  close(): Promise<void>;
}

export async function startTelegramBed(
  secret: string,
  zalo?: { apiBase: string; token: string; webhookSecret: string },
  /** more settings (e.g. ROLE=all to run the outbox workers, STAFF_CHAT_ID, ADMIN_IDS) */
  env?: Record<string, string>,
): Promise<TelegramBed> {
  const fake = await startFakeTelegram();
  const server = await startTestServer({
    telegram: { apiRoot: fake.url, token: fake.token, botInfo: fake.botInfo, webhookSecret: secret },
    ...(zalo ? { zalo } : {}),
    ...(env ? { env } : {}),
  });
  const post = (body: string, given: string | null = secret) =>
    fetch(`${server.url}/webhooks/telegram`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(given !== null ? { 'x-telegram-bot-api-secret-token': given } : {}),
      },
      body,
    });
  return {
    fake,
    server,
    post,
    async deliver(update) {
      const res = await post(JSON.stringify(update));
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      await server.settled();
    },
    async close() {
      await server.close();
      await fake.close();
    },
  };
}

/**
 * npm run telegram:webhook -- set|delete|info
 * set: points Telegram at ${PUBLIC_URL}/webhooks/telegram with TELEGRAM_WEBHOOK_SECRET.
 */
import { Api, GrammyError } from 'grammy';
import { ConfigError, loadConfig } from '../src/config';

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

async function main(): Promise<void> {
  const action = process.argv[2];
  const config = loadConfig();
  const token = config.telegram.token;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set (see README: "Telegram").');
  const api = new Api(token, { apiRoot: config.telegram.apiRoot });
  if (action === 'set') {
    if (!config.publicUrl || !config.telegram.webhookSecret) {
      throw new Error('set needs PUBLIC_URL (https://…) and TELEGRAM_WEBHOOK_SECRET.');
    }
    const url = `${config.publicUrl.replace(/\/$/, '')}/webhooks/telegram`;
    await api.setWebhook(url, {
      secret_token: config.telegram.webhookSecret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    console.log(`Webhook set: ${url}`);
  } else if (action === 'delete') {
    await api.deleteWebhook();
    console.log('Webhook deleted: use TELEGRAM_MODE=polling.');
  } else if (action === 'info') {
    console.log(JSON.stringify(await api.getWebhookInfo(), null, 2));
  } else {
    throw new Error('usage: npm run telegram:webhook -- set|delete|info');
  }
}

main().catch((err: unknown) => {
  const message =
    err instanceof GrammyError
      ? `Telegram: ${err.description}`
      : err instanceof ConfigError
        ? err.message
        : String(err instanceof Error ? err.message : err);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});

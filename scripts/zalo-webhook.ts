/**
 * npm run zalo:webhook -- set|delete|info
 * set: points Zalo at ${PUBLIC_URL}/webhooks/zalo with ZALO_WEBHOOK_SECRET.
 */
import { ZaloApiError, ZaloClient } from '../src/channels/zalo/client';
import { ConfigError, loadConfig } from '../src/config';

async function main(): Promise<void> {
  const action = process.argv[2];
  const config = loadConfig();
  const token = config.zalo.token;
  if (!token) throw new Error('ZALO_BOT_TOKEN is not set (see README: "Zalo").');
  const client = new ZaloClient({ token, baseUrl: config.zalo.apiBase });
  if (action === 'set') {
    if (!config.publicUrl || !config.zalo.webhookSecret) {
      throw new Error('set needs PUBLIC_URL (https://…) and ZALO_WEBHOOK_SECRET.');
    }
    const url = `${config.publicUrl.replace(/\/$/, '')}/webhooks/zalo`;
    await client.setWebhook(url, config.zalo.webhookSecret);
    console.log(`Webhook set: ${url}`);
  } else if (action === 'delete') {
    await client.deleteWebhook();
    console.log('Webhook deleted: use ZALO_MODE=polling.');
  } else if (action === 'info') {
    console.log(JSON.stringify(await client.getWebhookInfo(), null, 2));
  } else {
    throw new Error('usage: npm run zalo:webhook -- set|delete|info');
  }
}

main().catch((err: unknown) => {
  const message =
    err instanceof ZaloApiError || err instanceof ConfigError
      ? err.message
      : String(err instanceof Error ? err.message : err);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});

/**
 * npm run zalo:webhook -- set|info|test|delete
 * set: points Zalo at ${PUBLIC_URL}/webhooks/zalo with ZALO_WEBHOOK_SECRET. Zalo saves the URL and probes
 *   it at once; the command succeeds only when that probe passed (Zalo keeps the URL saved even when not).
 * info: Zalo's setting as JSON (url, updated_at, and the last verification when Zalo gives it).
 * test: asks Zalo to probe the webhook again (testWebhook, where the API offers it).
 * delete: removes the webhook (for ZALO_MODE=polling).
 * Exit codes: 0 done; 1 Zalo refused, the probe failed, or a setting is missing; 2 PUBLIC_URL cannot work
 * on Zalo (http://, localhost or a private address): nothing was sent to Zalo.
 */
import { ZaloApiError, ZaloClient } from '../src/channels/zalo/client';
import type { ZaloWebhookVerification } from '../src/channels/zalo/schemas';
import { webhookUrlProblem } from '../src/channels/zalo/webhook-url';
import { ConfigError, loadConfig } from '../src/config';
import { failureMessage, refusalMessage, verificationLines, verificationPassed } from './zalo-webhook-report';

class Exit extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** Prints the probe; throws (exit 1) when it failed. */
function report(heading: (passed: boolean) => string, v: ZaloWebhookVerification): void {
  const passed = verificationPassed(v);
  console.log([heading(passed), ...verificationLines(v)].join('\n'));
  if (!passed) throw new Exit(failureMessage(v), 1);
}

async function set(client: ZaloClient, publicUrl: string, secret: string): Promise<void> {
  const url = `${publicUrl.replace(/\/$/, '')}/webhooks/zalo`;
  const problem = webhookUrlProblem(url);
  if (problem) throw new Exit(refusalMessage(problem, url), 2);
  const result = await client.setWebhook(url, secret);
  const saved = result.url || url;
  if (!result.verification) {
    console.log(`Zalo đã lưu webhook: ${saved}`);
    throw new Exit(
      'Zalo không gửi kết quả kiểm tra (verification), nên chưa biết Zalo có gọi được địa chỉ này không: ' +
        'chạy "npm run zalo:webhook -- test".',
      1,
    );
  }
  report(
    (passed) =>
      passed
        ? `Webhook set: ${saved}\nZalo đã thử gọi địa chỉ này: ĐẠT`
        : `Zalo đã lưu webhook ${saved} nhưng thử gọi thì KHÔNG ĐẠT (Zalo vẫn giữ địa chỉ này)`,
    result.verification,
  );
}

async function test(client: ZaloClient): Promise<void> {
  let result: Awaited<ReturnType<ZaloClient['testWebhook']>>;
  try {
    result = await client.testWebhook();
  } catch (err) {
    if (err instanceof ZaloApiError && err.errorCode === 426)
      throw new Exit(`Zalo giới hạn số lần thử mỗi ngày (426: ${err.description}): thử lại ngày mai.`, 1);
    if (err instanceof ZaloApiError && /wrong path|invalid api name/i.test(err.description))
      throw new Exit(
        `API Zalo này không có testWebhook (${err.errorCode} ${err.description}): chạy lại "-- set" để Zalo thử gọi.`,
        1,
      );
    throw err;
  }
  const url = result.url ? ` ${result.url}` : '';
  report((passed) => `Zalo thử gọi webhook${url}: ${passed ? 'ĐẠT' : 'KHÔNG ĐẠT'}`, result);
}

async function main(): Promise<void> {
  const action = process.argv[2];
  // The bot's own mode does not matter here, and `set` explains a PUBLIC_URL Zalo cannot call better
  // (exit 2, nothing sent) than the webhook-mode settings check would.
  const config = loadConfig(undefined, { ZALO_MODE: 'polling' });
  const token = config.zalo.token;
  if (!token) throw new Error('ZALO_BOT_TOKEN is not set (see README: "Zalo").');
  const client = new ZaloClient({ token, baseUrl: config.zalo.apiBase });
  if (action === 'set') {
    if (!config.publicUrl || !config.zalo.webhookSecret) {
      throw new Error('set needs PUBLIC_URL (https://…) and ZALO_WEBHOOK_SECRET.');
    }
    await set(client, config.publicUrl, config.zalo.webhookSecret);
  } else if (action === 'delete') {
    await client.deleteWebhook();
    console.log('Webhook deleted: use ZALO_MODE=polling.');
  } else if (action === 'info') {
    const info = await client.getWebhookInfo();
    console.log(JSON.stringify(info, null, 2));
    if (info.verification) {
      const v = info.verification;
      process.stderr.write(
        `Lần Zalo thử gọi gần nhất: ${verificationPassed(v) ? 'ĐẠT' : 'KHÔNG ĐẠT'} (${v.outcome ?? '?'})\n`,
      );
    }
  } else if (action === 'test') {
    await test(client);
  } else {
    throw new Error('usage: npm run zalo:webhook -- set|info|test|delete');
  }
}

main().catch((err: unknown) => {
  const message =
    err instanceof ZaloApiError || err instanceof ConfigError || err instanceof Exit
      ? err.message
      : String(err instanceof Error ? err.message : err);
  process.stderr.write(`${message}\n`);
  process.exit(err instanceof Exit ? err.code : 1);
});

import type { ChannelAdapter, InboundQueue } from '../../core/channel';
import type { ChoiceStore, SkippedUpdates } from '../../core/ports';
import type { Logger } from '../../logger';
import { ZaloClient } from './client';
import { mentionNames } from './mention';
import { createZaloParser, zaloRoute } from './parse';
import { startZaloPolling, type ZaloPolling } from './polling';
import { ZALO_TEXT_LIMIT } from './render';
import { ZaloSender } from './sender';
import { zaloWebhookRoute } from './webhook';

/** After a failed getMe, mentions are not stripped for this long before asking again. */
const NAMES_RETRY_MS = 60_000;

export interface ZaloAdapterOptions {
  readonly token: string;
  readonly apiBase: string;
  readonly mode: 'polling' | 'webhook';
  /** required in webhook mode */
  readonly webhookSecret?: string | undefined;
  /** where webhook and polled updates are stored to be handled */
  readonly inbound: InboundQueue;
  readonly choices: ChoiceStore;
  /** bodies that are not messages the bot reads (webhook probe, other events), counted per reason */
  readonly skipped?: SkippedUpdates | undefined;
  /** "(Trả lời 1, 2 hoặc 3 để chọn.)" under numbered options */
  readonly hint: (count: number) => string;
  readonly logger: Logger;
}

export interface ZaloAdapter extends ChannelAdapter {
  readonly client: ZaloClient;
}

/**
 * Zalo Bot Platform over HTTP (axios): a webhook or a getUpdates loop stores updates in the inbound
 * queue, whose workers hand them to the delivery pipeline;
 * Zalo has no buttons, so options are numbered and a typed "1", "số 2" or an option's words come back
 * as that option's payload.
 */
export function createZaloAdapter(o: ZaloAdapterOptions): ZaloAdapter {
  const client = new ZaloClient({ token: o.token, baseUrl: o.apiBase });
  const sender = new ZaloSender(client, o.choices, o.hint);
  let polling: ZaloPolling | undefined;

  // The bot's names (for «@Trợ lý DVC» in groups) come with getMe at start, or when first needed.
  let names: { value: Promise<readonly string[]>; until: number } | undefined;
  const botNames = (): Promise<readonly string[]> => {
    if (names && Date.now() < names.until) return names.value;
    const value = client.getMe().then(mentionNames, (err: unknown) => {
      o.logger.warn({ err: String(err) }, 'zalo getMe failed: mentions of the bot are not stripped');
      names = { value: Promise.resolve([]), until: Date.now() + NAMES_RETRY_MS };
      return [];
    });
    names = { value, until: Number.POSITIVE_INFINITY };
    return value;
  };
  const parse = createZaloParser({ choices: o.choices, skipped: o.skipped, logger: o.logger, botNames });

  const adapter: ZaloAdapter = {
    channel: 'zalo',
    client,
    limits: { textLength: ZALO_TEXT_LIMIT, buttons: false },
    parse,
    route: zaloRoute,
    send: (chatId, reply) => sender.send(chatId, reply),
    // The Zalo client never retries by itself, so the outbox can use the same sender.
    outbox: sender,
    ...(o.mode === 'webhook'
      ? { routes: [zaloWebhookRoute(o.webhookSecret, o.inbound, () => adapter)] }
      : {}),
    async start() {
      const me = await client.getMe();
      names = { value: Promise.resolve(mentionNames(me)), until: Number.POSITIVE_INFINITY };
      o.logger.info({ bot: me.account_name, mode: o.mode }, 'Zalo channel on');
      if (o.mode === 'polling') {
        polling = startZaloPolling(client, (update) => o.inbound.accept(adapter, update), o.logger);
      }
    },
    async stop() {
      await polling?.stop();
    },
  };
  return adapter;
}

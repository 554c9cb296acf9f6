import type {
  ChannelAdapter,
  DeliveryPipeline,
  HttpReply,
  HttpRequest,
  ParsedUpdate,
} from '../../core/channel';
import { inboundEventSchema } from '../../core/inbound';
import type { ChoiceStore } from '../../core/ports';
import type { Logger } from '../../logger';
import { pickOption } from './choices';
import { ZaloClient } from './client';
import { toInboundEvent } from './inbound';
import { startZaloPolling, type ZaloPolling } from './polling';
import { ZALO_TEXT_LIMIT } from './render';
import { unwrapUpdate, zaloUpdateSchema } from './schemas';
import { ZaloSender } from './sender';

const BODY_LIMIT = 1024 * 1024;

export interface ZaloAdapterOptions {
  readonly token: string;
  readonly apiBase: string;
  readonly mode: 'polling' | 'webhook';
  /** required in webhook mode */
  readonly webhookSecret?: string | undefined;
  readonly pipeline: DeliveryPipeline;
  readonly choices: ChoiceStore;
  /** "(Trả lời 1, 2 hoặc 3 để chọn.)" under numbered options */
  readonly hint: (count: number) => string;
  readonly logger: Logger;
}

export interface ZaloAdapter extends ChannelAdapter {
  readonly client: ZaloClient;
}

/**
 * Zalo Bot Platform over HTTP (axios): a webhook or a getUpdates loop feeds the delivery pipeline;
 * Zalo has no buttons, so options are numbered and a typed "1", "số 2" or an option's words come back
 * as that option's payload.
 */
export function createZaloAdapter(o: ZaloAdapterOptions): ZaloAdapter {
  const client = new ZaloClient({ token: o.token, baseUrl: o.apiBase });
  const sender = new ZaloSender(client, o.choices, o.hint);
  let polling: ZaloPolling | undefined;

  async function parse(raw: unknown, now: number): Promise<ParsedUpdate> {
    const parsed = zaloUpdateSchema.safeParse(unwrapUpdate(raw));
    if (!parsed.success) return { kind: 'invalid', reason: 'event_name and message needed' };
    const update = parsed.data;
    let event = toInboundEvent(update, now);
    if (!event) return { kind: 'ignored', reason: `event ${update.event_name}` };
    if (event.kind === 'text' && event.text) {
      const picked = pickOption(event.text, (await o.choices.get(event.user)) ?? []);
      if (picked) event = { ...event, kind: 'button', payload: picked.payload };
    }
    const valid = inboundEventSchema.safeParse(event);
    if (!valid.success) return { kind: 'invalid', reason: valid.error.issues[0]?.message ?? 'invalid event' };
    // No update id on Zalo: the message id (per event type) is what a redelivery repeats.
    return {
      kind: 'event',
      dedupeKey: `${update.event_name}:${update.message.message_id}`,
      event: valid.data,
    };
  }

  const adapter: ZaloAdapter = {
    channel: 'zalo',
    client,
    limits: { textLength: ZALO_TEXT_LIMIT, buttons: false },
    parse,
    send: (chatId, reply) => sender.send(chatId, reply),
    // The Zalo client never retries by itself, so the outbox can use the same sender.
    outbox: sender,
    ...(o.mode === 'webhook' ? { routes: [webhookRoute(o, () => adapter)] } : {}),
    async start() {
      const me = await client.getMe();
      o.logger.info({ bot: me.account_name, mode: o.mode }, 'Zalo channel on');
      if (o.mode === 'polling') {
        polling = startZaloPolling(client, (update) => o.pipeline.deliver(adapter, update), o.logger);
      }
    },
    async stop() {
      await polling?.stop();
    },
  };
  return adapter;
}

/** POST /webhooks/zalo: both body forms (wrapped and flat); a body that is not an update gets 400. */
function webhookRoute(o: ZaloAdapterOptions, adapter: () => ChannelAdapter) {
  if (!o.webhookSecret) throw new Error('ZALO_WEBHOOK_SECRET is required in webhook mode');
  return {
    path: '/webhooks/zalo',
    bodyLimit: BODY_LIMIT,
    secret: { header: 'x-bot-api-secret-token', value: o.webhookSecret },
    async handler(request: HttpRequest, reply: HttpReply) {
      const result = await o.pipeline.deliver(adapter(), request.body);
      if (result === 'invalid') {
        return reply
          .code(400)
          .send({ error: 'bad-request', message: 'Not a Zalo update (event_name and message needed).' });
      }
      return reply.send({ ok: true });
    },
  };
}

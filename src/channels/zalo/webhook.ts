import type { ChannelAdapter, HttpReply, HttpRequest, InboundQueue, WebhookRoute } from '../../core/channel';

const BODY_LIMIT = 1024 * 1024;
/** Zalo posts JSON; Fastify also parses text/plain, which is no Zalo body. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * POST /webhooks/zalo. The server checks the secret (401); a body that is not JSON (400/415) or too
 * large (413) is refused; any other body gets 200: setWebhook probes the URL with an undocumented body, and
 * events without a message are part of Zalo's contract (the parser logs and counts them). A message is
 * stored in the inbound queue and answered 200 at once — Zalo's time limit is unpublished, every source
 * says answer first — and a worker replies. Only an update that could not be stored (Redis away) gets a
 * non-2xx, so Zalo resends it.
 */
export function zaloWebhookRoute(
  secret: string | undefined,
  inbound: InboundQueue,
  adapter: () => ChannelAdapter,
): WebhookRoute {
  if (!secret) throw new Error('ZALO_WEBHOOK_SECRET is required in webhook mode');
  return {
    path: '/webhooks/zalo',
    bodyLimit: BODY_LIMIT,
    secret: { header: 'x-bot-api-secret-token', value: secret },
    async handler(request: HttpRequest, reply: HttpReply) {
      const type = request.headers['content-type'];
      if (typeof type === 'string' && !JSON_TYPE.test(type)) {
        return reply.code(415).send({ error: 'unsupported-media-type', message: 'Zalo sends JSON.' });
      }
      await inbound.accept(adapter(), request.body);
      return reply.send({ ok: true });
    },
  };
}

import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChannelAdapter,
  ChannelError,
  type ParsedUpdate,
  RetryLaterError,
} from '../../src/core/channel';
import type { InboundEvent } from '../../src/core/inbound';
import type { Reply } from '../../src/core/reply';
import { createDeliveryPipeline } from '../../src/delivery/pipeline';
import { RedisDedupeStore } from '../../src/storage/redis-dedupe-store';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
afterAll(() => bot.close());
const dedupe = new RedisDedupeStore(bot.redis, bot.prefix);

/** A platform reduced to what the pipeline sees: raw {id, user, text} updates and a send log. */
function platform(options: { failSend?: (chatId: string) => ChannelError | undefined } = {}) {
  const sent: { chatId: string; reply: Reply }[] = [];
  const adapter: ChannelAdapter = {
    channel: 'web',
    limits: { textLength: 4000, buttons: true },
    async parse(raw, now): Promise<ParsedUpdate> {
      const u = raw as { id?: string; user?: string; text?: string };
      if (!u.id || !u.user) return { kind: 'invalid', reason: 'id and user needed' };
      if (u.text === undefined) return { kind: 'ignored', reason: 'no text' };
      const event: InboundEvent = {
        user: { channel: 'web', id: u.user },
        chatId: u.user,
        kind: 'text',
        text: u.text,
        messageId: u.id,
        receivedAt: now,
      };
      return { kind: 'event', dedupeKey: u.id, event };
    },
    async send(chatId, reply) {
      const failure = options.failSend?.(chatId);
      if (failure) throw failure;
      sent.push({ chatId, reply });
    },
  };
  return { adapter, sent };
}

describe('the delivery pipeline', () => {
  const pipeline = createDeliveryPipeline({
    conversation: bot.conversation,
    dedupe,
    clock: { now: () => Date.now() },
  });

  it('handles a platform update once, however often the platform resends it', async () => {
    const { adapter, sent } = platform();
    const update = { id: 'upd-1', user: 'resident-once-1', text: 'đăng ký kết hôn' };
    const results = await Promise.allSettled([1, 2, 3].map(() => pipeline.deliver(adapter, update)));
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'handled')).toHaveLength(1);
    // Resends that arrive while the first is being handled are refused (the platform tries again later).
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RetryLaterError);
    expect(await pipeline.deliver(adapter, update)).toBe('duplicate');
    expect(sent.length).toBeGreaterThan(0);
  });

  it('releases the update when handling failed, so the resend is answered', async () => {
    const { adapter, sent } = platform();
    const failing = createDeliveryPipeline({
      conversation: {
        handle: async () => {
          throw new Error('Redis went away');
        },
        markUnreachable: async () => undefined,
      },
      dedupe,
      clock: { now: () => Date.now() },
    });
    const update = { id: 'upd-2', user: 'resident-retry-1', text: 'khai sinh' };
    await expect(failing.deliver(adapter, update)).rejects.toThrow('Redis went away');
    expect(await pipeline.deliver(adapter, update)).toBe('handled');
    expect(sent.map((s) => s.chatId)).toContain('resident-retry-1');
  });

  it('releases the update when not one reply could be sent, so the resend is answered', async () => {
    let down = true;
    const { adapter, sent } = platform({
      failSend: () => (down ? new ChannelError('unavailable', 'platform 502') : undefined),
    });
    const update = { id: 'upd-send-1', user: 'resident-send-fail-1', text: 'khai sinh' };
    await expect(pipeline.deliver(adapter, update)).rejects.toThrow('platform 502');
    down = false;
    expect(await pipeline.deliver(adapter, update)).toBe('handled');
    expect(sent.length).toBeGreaterThan(0);
  });

  it('keeps an update answered once part of the answer went out, even if a later reply failed', async () => {
    let sends = 0;
    const { adapter } = platform({
      failSend: () => (++sends === 2 ? new ChannelError('unavailable', 'platform 502') : undefined),
    });
    const user = 'resident-partial-1';
    // A new resident gets two replies (greeting, village question): the second send fails.
    await expect(pipeline.deliver(adapter, { id: 'upd-part-1', user, text: 'xin chào' })).rejects.toThrow();
    expect(await pipeline.deliver(adapter, { id: 'upd-part-1', user, text: 'xin chào' })).toBe('duplicate');
  });

  it('marks a resident who blocked the bot inactive and stops sending to them', async () => {
    const user = 'resident-blocked-1';
    const { adapter } = platform();
    await pipeline.deliver(adapter, { id: 'upd-3', user, text: '/start' });
    await pipeline.deliver(adapter, { id: 'upd-4', user, text: '1' });
    expect((await bot.profile({ channel: 'web', id: user }))?.active).toBe(true);
    const blocked = platform({ failSend: () => new ChannelError('blocked', 'Forbidden: bot was blocked') });
    expect(await pipeline.deliver(blocked.adapter, { id: 'upd-5', user, text: 'menu' })).toBe('blocked');
    expect((await bot.profile({ channel: 'web', id: user }))?.active).toBe(false);
  });

  it('says what it did with updates it cannot or need not handle, and stores nothing for them', async () => {
    const { adapter, sent } = platform();
    expect(await pipeline.deliver(adapter, { nonsense: true })).toBe('invalid');
    expect(await pipeline.deliver(adapter, { id: 'upd-6', user: 'resident-sticker' })).toBe('ignored');
    expect(sent).toEqual([]);
    expect(await bot.redis.exists(`${bot.prefix}dedupe:web:upd-6`)).toBe(0);
  });

  it('answers the web chat in its own response, with nothing to deduplicate', async () => {
    const event: InboundEvent = {
      user: { channel: 'web', id: 'visitor-respond-1' },
      chatId: 'visitor-respond-1',
      kind: 'text',
      text: 'xin chào',
      messageId: 'w1',
      receivedAt: Date.now(),
    };
    expect((await pipeline.respond(event)).length).toBeGreaterThan(0);
    expect((await pipeline.respond(event)).length).toBeGreaterThan(0);
    expect(await bot.redis.keys(`${bot.prefix}dedupe:*`)).not.toContain(`${bot.prefix}dedupe:web:w1`);
  });
});

import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { featureDeps } from '../../src/compose';
import { buildServices } from '../../src/compose-services';
import { topicGroupsOf } from '../../src/compose-stats';
import type { InboundEvent } from '../../src/core/inbound';
import type { Reply } from '../../src/core/reply';
import type { UserRef } from '../../src/core/user';
import { Conversation } from '../../src/features/conversation';
import type { Feature } from '../../src/features/feature';
import { FEATURES } from '../../src/features/index';
import type { FeatureDeps } from '../../src/features/types';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import type { OutboxJobData } from '../../src/queues/outbox-job';
import { outboxQueueName, queuePrefix } from '../../src/queues/outbox-keys';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { RedisWebInbox } from '../../src/storage/redis-web-inbox';
import { deleteKeys } from './redis-cleanup';

const engine = createAnswerEngine('content', 'locales');

/** The staff group of the test bots (STAFF_CHAT_ID): a Telegram group id. */
export const STAFF_CHAT = '-1007770001';

/**
 * The conversation core as compose.ts builds it (the same features, Redis stores), on the test Redis
 * with a private prefix, with a clock the test moves.
 */
export function createTestBot(
  features: readonly Feature[] = FEATURES,
  options: {
    /**
     * Whether the bot can message the fake residents of the 'web' channel later (default true: they are
     * onboarded like Telegram residents; false: like the real web chat). Other channels: always true.
     */
    canMessageLater?: boolean;
    /** ADMIN_IDS as `channel:id` */
    admins?: readonly string[];
    /** ANNOUNCEMENT_APPROVAL */
    announcementApproval?: boolean;
  } = {},
) {
  const webCanMessageLater = options.canMessageLater ?? true;
  const redis = new Redis(inject('redisUrl'));
  const prefix = `test${Date.now()}${Math.floor(Math.random() * 1e6)}:`;
  let now = Date.UTC(2026, 10, 27, 2, 0);
  const audit: { user: string; action: string; outcome: string }[] = [];
  const outboxes = new Map(
    ['telegram', 'zalo'].map((c) => [c, new Outbox(redis, c, { prefix: queuePrefix(prefix) })] as const),
  );
  const services = buildServices({
    redis,
    prefix,
    logger: createLogger('silent'),
    clock: { now: () => now },
    // Real outboxes without workers: what would be sent stays queued, for the test to read.
    outbox: (channel) => outboxes.get(channel),
    channels: () => ['telegram', 'zalo'],
    commune: () => engine.kb.commune,
    t: engine.i18n.t,
    admins: options.admins ?? [],
    calendarSecret: 'test-secret',
    announcementApproval: options.announcementApproval ?? false,
    announcementDailyCap: 3,
    statsSalt: 'test-salt-0123456789',
    statsRetentionDays: 400,
    publicUrl: 'http://localhost:3000',
    staffChatId: STAFF_CHAT,
    webInbox: new RedisWebInbox(redis, prefix),
    requestRetentionDays: 365,
    topicGroups: () => topicGroupsOf(engine.kb.topics),
  });
  const { reminders } = services;
  const deps: FeatureDeps = featureDeps(
    engine,
    redis,
    prefix,
    (channel) => (channel === 'web' ? webCanMessageLater : true),
    { ...services.features, audit: (event) => void audit.push(event) },
  );
  const residents = new RedisResidentStore(redis, prefix, { alsoDelete: services.alsoDelete });
  const conversation = new Conversation(
    deps,
    { residents, clock: { now: () => now }, defaultLocale: 'vi' },
    features,
  );
  return {
    redis,
    prefix,
    deps,
    residents,
    conversation,
    profile: async (user: UserRef) => (await residents.load(user)).profile,
    session: async (user: UserRef) => (await residents.load(user)).session,
    /** the bot's clock */
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    /** A fake channel: one resident talking to the bot; every reply is recorded. */
    resident(id = `r${Math.floor(Math.random() * 1e9)}`, channel: UserRef['channel'] = 'web') {
      return new FakeChannelUser({ channel, id }, conversation, () => now);
    },
    /** A Telegram user writing in a group chat (the staff group): what they say and press is in that chat. */
    inGroup(id: string, chatId = STAFF_CHAT) {
      return new FakeChannelUser({ channel: 'telegram', id }, conversation, () => now, chatId);
    },
    reminders,
    services,
    /** privileged actions done and refused, as the log would have them */
    audit,
    /** what waits in a channel's outbox for a chat (oldest first): what the resident or staff will read */
    async queued(channel: 'telegram' | 'zalo', chatId: string): Promise<OutboxJobData[]> {
      const queue = new Queue(outboxQueueName(channel), { connection: redis, prefix: queuePrefix(prefix) });
      const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized'], 0, -1, true);
      await queue.close();
      return jobs
        .sort((a, b) => a.timestamp - b.timestamp)
        .map((j) => j.data as OutboxJobData)
        .filter((j) => j.chatId === chatId);
    },
    async close() {
      await Promise.all([...outboxes.values()].map((o) => o.close()));
      await services.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}

export class FakeChannelUser {
  readonly transcript: Reply[] = [];
  private seq = 0;

  constructor(
    readonly user: UserRef,
    private readonly conversation: Conversation,
    private readonly now: () => number,
    /** the chat they write in: their own (private chat) unless given (a group) */
    readonly chatId: string = user.id,
  ) {}

  get last(): Reply {
    const reply = this.transcript.at(-1);
    if (!reply) throw new Error('no reply yet');
    return reply;
  }

  /** labels of the buttons of the last reply */
  get buttons(): string[] {
    return (this.last.buttons ?? []).flat().map((b) => b.label);
  }

  async send(
    partial: Omit<InboundEvent, 'user' | 'chatId' | 'messageId' | 'receivedAt'>,
    messageId?: string,
  ): Promise<Reply[]> {
    const event: InboundEvent = {
      user: this.user,
      chatId: this.chatId,
      messageId: messageId ?? `m${++this.seq}`,
      receivedAt: this.now(),
      ...partial,
    };
    const replies = await this.conversation.handle(event);
    this.transcript.push(...replies);
    return replies;
  }

  start(param?: string): Promise<Reply[]> {
    return this.send({ kind: 'start', ...(param ? { startParam: param } : {}) });
  }

  say(text: string): Promise<Reply[]> {
    return this.send({ kind: 'text', text });
  }

  /** Replies (Telegram's reply) to one of the bot's messages, which is quoted. */
  replyTo(quoted: string, text: string): Promise<Reply[]> {
    return this.send({ kind: 'text', text, quoted });
  }

  /** Presses the button of the last reply whose label contains `label`. */
  press(label: string): Promise<Reply[]> {
    const button = (this.last.buttons ?? []).flat().find((b) => b.label.includes(label));
    if (!button) throw new Error(`no button "${label}" in: ${this.buttons.join(' | ')}`);
    return this.send({ kind: 'button', payload: button.payload });
  }

  pressPayload(payload: string): Promise<Reply[]> {
    return this.send({ kind: 'button', payload });
  }

  /** All reply texts since the start, joined, for loose assertions. */
  text(replies: Reply[] = this.transcript): string {
    return replies.map((r) => r.text).join('\n---\n');
  }
}

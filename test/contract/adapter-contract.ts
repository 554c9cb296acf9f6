import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChannelAdapter,
  ChannelError,
  type DeliveryPipeline,
  type ParsedUpdate,
} from '../../src/core/channel';
import type { Button, Reply } from '../../src/core/reply';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';

/** One message as the resident got it: its text and the choices offered with it (button labels or numbered options). */
export interface Received {
  /** the whole text as shown (for numbered options: the numbered lines and the hint included) */
  readonly text: string;
  /** button labels, or the labels of the numbered options, in order */
  readonly options: string[];
}

/**
 * What one channel gives the contract: its adapter in the real composition (compose.ts, the test Redis)
 * and a way to make its platform's updates, read what its residents got, and make the platform fail.
 * `updateId` is a number unique per contract run; each bed turns it into the platform's own update id.
 */
export interface ContractBed {
  readonly adapter: ChannelAdapter;
  readonly pipeline: DeliveryPipeline;
  /** where the composition keeps its state (to read the resident's profile) */
  readonly redis: Redis;
  readonly prefix: string;
  /** a new private chat (its id is also the resident's user id), unused by any other case */
  chat(): string;
  /** the resident types `text` */
  textUpdate(chat: string, text: string, updateId: number): unknown;
  /** the resident starts the bot the channel's way (/start, the web page's start) */
  startUpdate(chat: string, updateId: number): unknown;
  /** the resident presses a button; required when `adapter.limits.buttons` (numbered options are typed) */
  pressUpdate?(chat: string, payload: string, updateId: number): unknown;
  /** bodies that are not updates of this platform at all */
  readonly malformed: readonly unknown[];
  /** what reached the resident of this chat (all chats when undefined), oldest first; failed sends left out */
  received(chat?: string): Promise<Received[]>;
  /** from now on the platform answers sends to this chat with "the resident blocked the bot" */
  block?(chat: string): void;
  /**
   * the platform's next send answers 429 asking to wait `retryAfterSeconds`; returns the retryAfterMs the
   * adapter must report, or undefined when the platform does not say how long (then any positive wait)
   */
  rateLimitOnce?(chat: string, retryAfterSeconds: number): number | undefined;
  close(): Promise<void>;
}

/** The contract's cases; a channel may skip one only for something it truly lacks. */
export type ContractCase =
  | 'parse'
  | 'send'
  | 'answer'
  | 'long-text'
  | 'dedupe'
  | 'blocked'
  | 'rate-limit'
  | 'malformed';

export interface ContractOptions {
  /** why this channel cannot run a case (shown in the test name) */
  readonly lacks?: Partial<Record<ContractCase, string>>;
  /** a case that fails because of a known adapter bug: run as `it.fails`, with the bug named */
  readonly knownBugs?: Partial<Record<ContractCase, string>>;
}

const BUTTONS: Button[][] = [
  [
    { label: 'Giấy tờ cần có', payload: 'contract:a' },
    { label: 'Lệ phí', payload: 'contract:b' },
  ],
  [{ label: 'Nộp ở đâu', payload: 'contract:c' }],
];
const LABELS = BUTTONS.flat().map((b) => b.label);

/** Numbered sentences a split must not lose: Vietnamese with diacritics, and an emoji (a surrogate pair). */
const sentence = (i: number) => `Câu số ${i}: bà con mang căn cước công dân đến Ủy ban xã 👍.`;

let nextUpdateId = 700_000 + Math.floor(Math.random() * 100_000) * 10;
const updateId = () => ++nextUpdateId;

/**
 * The contract every ChannelAdapter keeps, as a resident would notice it. Run it from a test file with a
 * bed for the channel: `describeAdapterContract('telegram', makeTelegramBed)`.
 */
export function describeAdapterContract(
  name: string,
  makeBed: () => Promise<ContractBed>,
  options: ContractOptions = {},
): void {
  describe(`adapter contract: ${name}`, () => {
    let bed: ContractBed;
    beforeAll(async () => {
      bed = await makeBed();
    });
    afterAll(async () => {
      await bed?.close();
    });

    const parse = (raw: unknown): Promise<ParsedUpdate> => bed.adapter.parse(raw, Date.now());
    const event = async (raw: unknown) => {
      const parsed = await parse(raw);
      if (parsed.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(parsed)}`);
      return parsed.event;
    };

    /** `it`, `it.skip` (the channel lacks it) or `it.fails` (a known bug), with the reason in the name. */
    const contract = (c: ContractCase, title: string, fn: () => Promise<void>) => {
      const lacks = options.lacks?.[c];
      const bug = options.knownBugs?.[c];
      if (lacks) it.skip(`${title} (skipped: ${lacks})`, fn);
      else if (bug) it.fails(`${title} (known bug: ${bug})`, fn);
      else it(title, fn);
    };

    contract('parse', 'parse: a typed text and the start form become events of this channel', async () => {
      const chat = bed.chat();
      const text = await event(bed.textUpdate(chat, 'làm giấy khai sinh', updateId()));
      expect(text).toMatchObject({
        kind: 'text',
        text: 'làm giấy khai sinh',
        user: { channel: bed.adapter.channel, id: chat },
        chatId: chat,
      });
      const start = await event(bed.startUpdate(chat, updateId()));
      expect(start).toMatchObject({ kind: 'start', user: { channel: bed.adapter.channel, id: chat } });
    });

    contract(
      'send',
      'send: a reply with buttons reaches the resident as buttons or numbered options',
      async () => {
        const chat = bed.chat();
        await bed.adapter.send(chat, { text: 'Bà con cần biết gì?', buttons: BUTTONS });
        const got = await bed.received(chat);
        expect(got).toHaveLength(1);
        const [message] = got;
        expect(message?.text).toContain('Bà con cần biết gì?');
        expect(message?.options).toEqual(LABELS);
        LABELS.forEach((label, i) => {
          // limits.buttons says which: real buttons, or "1. Giấy tờ cần có" lines and a hint how to answer.
          if (bed.adapter.limits.buttons) expect(message?.text).not.toContain(`${i + 1}. ${label}`);
          else expect(message?.text).toContain(`${i + 1}. ${label}`);
        });
      },
    );

    contract(
      'answer',
      "answer: pressing or typing an option comes back as that button's payload",
      async () => {
        const chat = bed.chat();
        const second = BUTTONS.flat()[1]!;
        if (options.lacks?.send === undefined) {
          await bed.adapter.send(chat, { text: 'Bà con cần biết gì?', buttons: BUTTONS });
        }
        if (bed.adapter.limits.buttons) {
          if (!bed.pressUpdate)
            throw new Error(`${name}: a channel with buttons needs pressUpdate in its bed`);
          expect(await event(bed.pressUpdate(chat, second.payload, updateId()))).toMatchObject({
            kind: 'button',
            payload: second.payload,
            user: { channel: bed.adapter.channel, id: chat },
          });
          return;
        }
        for (const typed of ['2', 'số 2']) {
          expect(await event(bed.textUpdate(chat, typed, updateId())), typed).toMatchObject({
            kind: 'button',
            payload: second.payload,
          });
        }
        // Not an option number: a new question, as typed.
        expect(await event(bed.textUpdate(chat, '7', updateId()))).toMatchObject({ kind: 'text', text: '7' });
      },
    );

    contract('long-text', 'long text: split under limits.textLength, nothing lost', async () => {
      const chat = bed.chat();
      const limit = bed.adapter.limits.textLength;
      const sentences: string[] = [];
      for (let i = 1; sentences.join(' ').length < limit * 2.5; i++) sentences.push(sentence(i));
      await bed.adapter.send(chat, { text: sentences.join(' '), buttons: BUTTONS });
      const got = await bed.received(chat);
      expect(got.length).toBeGreaterThan(2);
      for (const m of got) {
        // Within the limit however the platform counts: UTF-16 units (Telegram) or code points.
        expect(m.text.length).toBeLessThanOrEqual(limit);
        expect([...m.text].length).toBeLessThanOrEqual(limit);
      }
      const all = got.map((m) => m.text).join(' ');
      for (const s of sentences) expect(all).toContain(s);
      // The choices come once, with the last part.
      expect(got.at(-1)?.options).toEqual(LABELS);
      expect(got.slice(0, -1).flatMap((m) => m.options)).toEqual([]);
    });

    contract('dedupe', 'dedupe: the same update delivered twice is answered once', async () => {
      const chat = bed.chat();
      const raw = bed.startUpdate(chat, updateId());
      expect(await bed.pipeline.deliver(bed.adapter, raw)).toBe('handled');
      const once = await bed.received(chat);
      expect(once.length).toBeGreaterThan(0);
      expect(await bed.pipeline.deliver(bed.adapter, structuredClone(raw))).toBe('duplicate');
      expect(await bed.received(chat)).toEqual(once);
    });

    contract('blocked', 'blocked: a resident who blocked the bot is marked inactive', async () => {
      if (!bed.block) throw new Error(`${name}: the bed needs block()`);
      const chat = bed.chat();
      const user = { channel: bed.adapter.channel, id: chat };
      const residents = new RedisResidentStore(bed.redis, bed.prefix);
      // Onboard: start, then pick village 1 by typing "1" (a profile exists once a village is chosen).
      expect(await bed.pipeline.deliver(bed.adapter, bed.startUpdate(chat, updateId()))).toBe('handled');
      expect(await bed.pipeline.deliver(bed.adapter, bed.textUpdate(chat, '1', updateId()))).toBe('handled');
      expect((await residents.load(user)).profile?.active).toBe(true);
      const before = await bed.received(chat);

      bed.block(chat);
      expect(await bed.pipeline.deliver(bed.adapter, bed.textUpdate(chat, 'menu', updateId()))).toBe(
        'blocked',
      );
      expect((await residents.load(user)).profile?.active).toBe(false);
      expect(await bed.received(chat)).toEqual(before);
    });

    contract(
      'rate-limit',
      'rate limit: a platform 429 is ChannelError rate-limited with the wait',
      async () => {
        if (!bed.rateLimitOnce) throw new Error(`${name}: the bed needs rateLimitOnce()`);
        const chat = bed.chat();
        // The outbox sender does not retry by itself (the queue does): it must say how long to wait.
        const sender = bed.adapter.outbox ?? bed.adapter;
        const expected = bed.rateLimitOnce(chat, 7);
        const error = await sender.send(chat, { text: 'Nhắc lịch hẹn' }).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(error).toBeInstanceOf(ChannelError);
        expect(error).toMatchObject({ code: 'rate-limited' });
        const retryAfterMs = (error as ChannelError).retryAfterMs;
        if (expected === undefined) expect(retryAfterMs).toBeGreaterThan(0);
        else expect(retryAfterMs).toBe(expected);
        expect(await bed.received(chat)).toEqual([]);
        // Once the wait is over, the same message gets through.
        await sender.send(chat, { text: 'Nhắc lịch hẹn' });
        expect((await bed.received(chat)).map((m) => m.text)).toEqual(['Nhắc lịch hẹn']);
      },
    );

    contract('malformed', 'malformed input: invalid, never thrown, nothing sent', async () => {
      expect(bed.malformed.length).toBeGreaterThan(0);
      const before = await bed.received();
      let sends = 0;
      const watched: ChannelAdapter = {
        ...bed.adapter,
        parse: (raw, now) => bed.adapter.parse(raw, now),
        send: async (chatId: string, reply: Reply) => {
          sends++;
          await bed.adapter.send(chatId, reply);
        },
      };
      for (const raw of bed.malformed) {
        const label = JSON.stringify(raw) ?? String(raw);
        expect((await parse(raw)).kind, label).toBe('invalid');
        expect(await bed.pipeline.deliver(watched, raw), label).toBe('invalid');
      }
      expect(sends).toBe(0);
      expect(await bed.received()).toEqual(before);
    });
  });
}

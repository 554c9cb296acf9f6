import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTelegram } from '../helpers/fake-telegram-api';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { startTelegramBed, type TelegramBed } from '../helpers/telegram-bed';
import { TelegramResident } from '../helpers/telegram-resident';
import type { TestServer } from '../helpers/test-server';
import { parseOptions, ZaloResident } from '../helpers/zalo-resident';
import { type ChannelDriver, SCRIPT, type Seen } from './channel-driver';

const SECRET = 'contract_suite_webhook_secret';
const ZALO_SECRET = 'contract_suite_zalo_secret';
let bed: TelegramBed;
let fake: FakeTelegram;
let zaloFake: FakeZalo;
let server: TestServer;

beforeAll(async () => {
  zaloFake = await startFakeZalo();
  bed = await startTelegramBed(SECRET, {
    apiBase: zaloFake.url,
    token: zaloFake.token,
    webhookSecret: ZALO_SECRET,
  });
  ({ fake, server } = bed);
});
afterAll(async () => {
  await bed.close();
  await zaloFake.close();
});

/** The web chat through its HTTP API, with the visitor cookie. */
function webDriver(): ChannelDriver {
  let cookie: string | undefined;
  let latest: Seen[] = [];
  const post = async (body: object): Promise<Seen[]> => {
    const res = await fetch(`${server.url}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    const json = (await res.json()) as {
      replies: { text: string; buttons?: { label: string; payload: string }[][] }[];
    };
    payloads = new Map(
      json.replies.flatMap((r) => (r.buttons ?? []).flat().map((b) => [b.label, b.payload] as const)),
    );
    latest = json.replies.map((r) => ({
      text: r.text,
      buttons: (r.buttons ?? []).flat().map((b) => b.label),
    }));
    return latest;
  };
  let payloads = new Map<string, string>();
  return {
    name: 'web',
    canMessageLater: false,
    start: (param) => post({ payload: param ? `start:${param}` : 'start' }),
    say: (text) => post({ text }),
    press: (label) => {
      const found = [...payloads.entries()].find(([l]) => l.includes(label));
      if (!found)
        throw new Error(`web: no button "${label}" in ${latest.flatMap((s) => s.buttons).join(' | ')}`);
      return post({ payload: found[1] });
    },
  };
}

/** Telegram through the webhook (real HTTP, secret header) and grammY, replies read from the fake API. */
function telegramDriver(chatId: number): ChannelDriver {
  const r = new TelegramResident(fake, chatId, (update) => bed.deliver(update));
  const seen = (ms: { text: string; buttons: { text: string }[] }[]): Seen[] =>
    ms.map((m) => ({ text: m.text, buttons: m.buttons.map((b) => b.text) }));
  return {
    name: 'telegram',
    canMessageLater: true,
    start: async (param) => seen(await r.start(param)),
    say: async (text) => seen(await r.say(text)),
    press: async (label) => seen(await r.press(label)),
  };
}

/** Zalo through its webhook (both body forms); numbered options are read back as buttons. */
function zaloDriver(chatId: string): ChannelDriver {
  let form: 'wrapped' | 'flat' = 'flat';
  const r = new ZaloResident(zaloFake, chatId, async (update) => {
    form = form === 'flat' ? 'wrapped' : 'flat';
    const status = await zaloFake.deliverTo(`${server.url}/webhooks/zalo`, update, {
      form,
      secret: ZALO_SECRET,
    });
    if (status !== 200) throw new Error(`zalo webhook ${status}`);
  });
  let options: string[] = [];
  const seen = (messages: string[]): Seen[] => {
    const parsed = messages.map(parseOptions);
    options = parsed.flatMap((p) => p.options);
    return parsed.map((p) => ({ text: p.text, buttons: p.options }));
  };
  return {
    name: 'zalo',
    canMessageLater: true,
    start: async (param) => seen(await r.say(param ? `/start ${param}` : '/start')),
    say: async (text) => seen(await r.say(text)),
    press: async (label) => {
      const n = options.findIndex((o) => o.includes(label)) + 1;
      if (n === 0) throw new Error(`zalo: no option "${label}" in ${options.join(' | ')}`);
      return seen(await r.say(String(n)));
    },
  };
}

/** What a step shows, whatever the channel splits into messages: all text, then all choices, in order. */
const flatten = (step: Seen[]) => ({
  text: step
    .map((s) => s.text)
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim(),
  buttons: step.flatMap((s) => s.buttons),
});

const transcripts = new Map<string, Seen[][]>();

describe.each([
  ['web', () => webDriver()],
  ['telegram', () => telegramDriver(6_100_001)],
  ['zalo', () => zaloDriver('6200001')],
])('channel contract: %s', (name, make) => {
  it('carries the whole conversation', async () => {
    const driver = make();
    const steps: Seen[][] = [];
    for (const { step, run } of SCRIPT) {
      const replies = await run(driver);
      expect(replies.length, `${name}: ${step}`).toBeGreaterThan(0);
      steps.push(replies);
    }
    const text = (i: number) => steps[i]!.map((s) => s.text).join('\n');
    expect(text(0)).toContain('Xin chào bà con');
    if (driver.canMessageLater) {
      expect(text(0), `${name}: the village is asked first`).toMatch(/thôn\/làng nào/i);
      expect(text(1)).toContain('Tôi chỉ lưu');
    } else {
      // The web chat opens without a form: greeting, privacy note, main menu.
      expect(text(0), `${name}: no village question`).not.toMatch(/thôn\/làng nào/i);
      expect(text(0)).toContain('Tôi chỉ lưu');
      expect(steps[0]!.flatMap((s) => s.buttons)).toContain('Đổi thôn/làng');
    }
    expect(text(1)).toContain('Thôn/làng 1');
    expect(text(2)).toMatch(/^Đăng ký khai sinh/);
    expect(text(3)).toContain('Giấy tờ cần có');
    expect(text(5)).toContain('Cảm ơn');
    expect(text(6)).toContain('ý bà con là');
    expect(text(7)).toMatch(/^Chứng thực chữ ký/);
    expect(text(9)).toContain('answer in English');
    expect(text(10)).toContain('did not understand');
    transcripts.set(name, steps);
  });
});

describe('channel contract: equivalence', () => {
  it('gives equivalent replies on every channel: same texts, same buttons, in the same order', () => {
    const web = transcripts.get('web');
    const telegram = transcripts.get('telegram');
    expect(web).toBeDefined();
    expect(telegram).toBeDefined();
    // Zalo numbers the buttons in the text and may split long texts: the same once flattened.
    expect(transcripts.get('zalo')?.map(flatten)).toEqual(telegram?.map(flatten));
    // The web chat differs by design in the first two steps (no village asked up front: it cannot
    // message a resident later); from the first question on, every channel answers alike.
    const AFTER_VILLAGE = 2;
    expect(telegram?.slice(AFTER_VILLAGE)).toEqual(web?.slice(AFTER_VILLAGE));
    expect(transcripts.get('zalo')?.slice(AFTER_VILLAGE).map(flatten)).toEqual(
      web?.slice(AFTER_VILLAGE).map(flatten),
    );
  });
});

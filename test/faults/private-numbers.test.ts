/**
 * "0 stored phone or ID numbers at any time": residents type phone numbers and ID numbers (CCCD, CMND)
 * in their first message (kept while they choose a village), at the village step and in later questions,
 * on the web chat and on Telegram. After every message, every key under the server's prefix is read
 * (whatever its type, BullMQ's queue keys included) and none may hold such a number.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from '../../src/core/privacy';
import { MAX_QUESTION_LENGTH } from '../../src/features/question-answering';
import { startTelegramBed, type TelegramBed } from '../helpers/telegram-bed';
import { TelegramResident } from '../helpers/telegram-resident';

/** What residents type: phones in several spellings, a 12-digit CCCD and a 9-digit CMND. */
const TYPED = {
  phone: '0912345678',
  phoneSpaced: '0912 345 678',
  phoneIntl: '+84 912 345 678',
  phoneDotted: '0912.345.678',
  phoneDashed: '0912-345-678',
  cccd: '001203004567',
  cmnd: '123456789',
} as const;

/**
 * Every run of 8 digits taken from a typed number. The bot keeps at most the last 3 digits of a number
 * (`*******678`); 8 digits of one in a row is a number stored, whole or nearly.
 */
const FORBIDDEN = [...new Set(Object.values(TYPED).map((n) => n.replace(/\D/g, '')))].flatMap((digits) =>
  Array.from({ length: digits.length - 7 }, (_, i) => digits.slice(i, i + 8)),
);

/** Digits written with spaces, dots or dashes between them are joined, so "0912 345 678" counts. */
const joinDigits = (text: string): string => text.replace(/(\d)[ .-]+(?=\d)/g, '$1');

/** Every key under `prefix` with its whole value, read the way its type is read. */
async function dumpAll(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    for (const key of found) out.set(key, await readKey(redis, key));
    cursor = next;
  } while (cursor !== '0');
  return out;
}

async function readKey(redis: Redis, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return Object.entries(await redis.hgetall(key))
        .map(([f, v]) => `${f}=${v}`)
        .join('\n');
    case 'list':
      return (await redis.lrange(key, 0, -1)).join('\n');
    case 'set':
      return (await redis.smembers(key)).join('\n');
    case 'zset':
      return (await redis.zrange(key, 0, -1, 'WITHSCORES')).join('\n');
    case 'stream':
      return (await redis.xrange(key, '-', '+'))
        .map(([id, fields]) => `${id} ${fields.join(' ')}`)
        .join('\n');
    case 'none':
      return ''; // expired between SCAN and the read
    default:
      throw new Error(`a key of a type this test cannot read: ${key} (${type})`);
  }
}

/** The stored numbers found: "key: digits" for each forbidden run in a key's name or value. */
function numbersIn(dump: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [key, value] of dump) {
    const text = joinDigits(`${key}\n${value}`);
    for (const digits of FORBIDDEN) if (text.includes(digits)) found.push(`${key}: ${digits}`);
  }
  return found;
}

let bed: TelegramBed;
let keyTypes: Set<string>;
let scans = 0;
beforeAll(async () => {
  bed = await startTelegramBed('telegram_webhook_secret_for_numbers');
  keyTypes = new Set();
});
afterAll(() => bed.close());

/** Fails on the first stored number; called after every message. */
async function expectNoStoredNumbers(after: string): Promise<void> {
  const dump = await dumpAll(bed.server.redis, bed.server.prefix);
  scans++;
  for (const key of dump.keys()) keyTypes.add(key.slice(bed.server.prefix.length).split(':')[0] ?? '');
  expect(numbersIn(dump), `stored after: ${after}`).toEqual([]);
}

/** A web visitor: the token from the first answer goes back in X-Visitor-Token. */
class WebResident {
  private token: string | undefined;

  async send(message: { text: string } | { payload: string }): Promise<string> {
    const res = await fetch(`${bed.server.url}/api/web/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { 'x-visitor-token': this.token } : {}),
      },
      body: JSON.stringify(message),
    });
    const json = (await res.json()) as { replies?: { text: string }[]; visitor?: string };
    expect(res.status, JSON.stringify(json)).toBe(200);
    this.token = json.visitor;
    const text = (json.replies ?? []).map((r) => r.text).join('\n');
    await expectNoStoredNumbers(JSON.stringify(message));
    return text;
  }
}

/**
 * A first message over the reading limit with a phone number that the limit cuts after 8 of its digits,
 * written after a space or glued to the word before it.
 */
const longQuestionCutInANumber = (before: ' ' | ''): string => {
  const start = 'Làm khai sinh cho con cần gì, xin hỏi';
  const filler = ' xin hỏi'.repeat(300);
  const head = `${(start + filler).slice(0, MAX_QUESTION_LENGTH + 1 - 8 - before.length)}${before}`;
  return `${head}${TYPED.phone} cảm ơn`;
};

describe('masking', () => {
  it('masks numbers glued to words, and leaves numbers under 9 digits', () => {
    expect(maskPersonalNumbers(`sđt${TYPED.phone}`)).toBe('sđt*******678');
    expect(maskPersonalNumbers(`cccd${TYPED.cccd}nhé`)).toBe('cccd*********567nhé');
    expect(maskPersonalNumbers(`mã 2025 số ${TYPED.phoneIntl}`)).toBe('mã 2025 số ********678');
    expect(maskPersonalNumbers('hồ sơ H12345678 ngày 15/12/2025')).toBe('hồ sơ H12345678 ngày 15/12/2025');
  });
});

describe('no phone or ID number is stored, at any time', () => {
  it('web chat: numbers in the first message, at the village step and in later questions', async () => {
    const a = new WebResident();
    // First message: the web chat answers it at once (no village step up front, nothing kept pending).
    const first = await a.send({ text: `Số điện thoại của tôi là ${TYPED.phone}, làm khai sinh cần gì?` });
    expect(first, 'answered (or a choice of topics), not the village question').not.toMatch(
      /thôn\/làng nào/i,
    );
    expect(first.length).toBeGreaterThan(0);
    // At the village step (from the menu): not a village, so asked again.
    expect(await a.send({ payload: 'village' })).toContain('thôn');
    await a.send({ text: TYPED.phoneSpaced });
    await a.send({ text: `${TYPED.cmnd}` });
    await a.send({ text: `thôn 1, sđt ${TYPED.phoneIntl}` });
    // Later questions.
    await a.send({ text: `CCCD của tôi ${TYPED.cccd} bị mất thì làm lại thế nào` });
    await a.send({ text: `CMND ${TYPED.cmnd} đổi sang căn cước` });
    await a.send({ text: `gọi lại cho tôi ${TYPED.phoneDotted}` });
    await a.send({ text: TYPED.phoneDashed });

    const b = new WebResident();
    await b.send({ text: TYPED.cccd });
    await b.send({ text: TYPED.phoneDashed });
    await b.send({ payload: 'village' });
    await b.send({ payload: 'v:thon-2' });
    await b.send({ text: `${TYPED.phoneIntl} đăng ký tạm trú` });

    // Cancels the village step, then asks again with a number: a second pending question.
    const c = new WebResident();
    await c.send({ text: `Mất CMND ${TYPED.cmnd} thì sao` });
    await c.send({ payload: 'village' });
    await c.send({ text: 'hủy' });
    await c.send({ text: `Chứng thực giấy tờ, liên hệ ${TYPED.phoneDotted}` });
    await c.send({ text: '2' });

    // A first question longer than the bot reads, cut in the middle of a phone number.
    const d = new WebResident();
    await d.send({ text: longQuestionCutInANumber(' ') });
    await d.send({ payload: 'village' });
    await d.send({ payload: 'v:none' });
    const e = new WebResident();
    await e.send({ text: longQuestionCutInANumber('') });

    // Numbers glued to words, as they are often typed.
    const f = new WebResident();
    await f.send({ text: `sđt${TYPED.phone} cccd${TYPED.cccd}nhé` });
    await f.send({ payload: 'village' });
    await f.send({ text: `thôn 1 sdt:${TYPED.phoneSpaced}` });
    await f.send({ text: `cmnd${TYPED.cmnd} mất rồi` });
  });

  it('Telegram webhook: numbers in the first message, at the village step and in later questions', async () => {
    const deliver = (update: object) => bed.deliver(update);
    const say = async (r: TelegramResident, text: string) => {
      await r.say(text);
      await expectNoStoredNumbers(text);
    };

    const a = new TelegramResident(bed.fake, 7_301_001, deliver);
    await say(a, `Số điện thoại của tôi là ${TYPED.phoneSpaced}, đăng ký kết hôn cần gì?`);
    await say(a, TYPED.phone);
    await say(a, TYPED.cccd);
    await a.press('Thôn/làng 1');
    await expectNoStoredNumbers('the village button');
    await say(a, `CCCD ${TYPED.cccd} mất rồi`);
    await say(a, `số tôi ${TYPED.phoneIntl}`);
    await say(a, `CMND ${TYPED.cmnd}`);

    const b = new TelegramResident(bed.fake, 7_301_002, deliver);
    await say(b, `${TYPED.cmnd} ${TYPED.phoneDashed}`);
    await say(b, 'thôn 2');
    await say(b, `Xin giấy xác nhận cư trú, gọi ${TYPED.phoneDotted}`);

    const c = new TelegramResident(bed.fake, 7_301_003, deliver);
    await say(c, longQuestionCutInANumber(' '));
    await say(c, '1');
    await say(c, `sđt${TYPED.phone}`);

    const d = new TelegramResident(bed.fake, 7_301_004, deliver);
    await say(d, `cccd${TYPED.cccd} làm lại ở đâu`);
  });

  it('read every kind of key the bot wrote', () => {
    // The scans saw the resident's own keys (profile, session) and the shared ones: a scan that read
    // nothing would prove nothing.
    expect(scans).toBeGreaterThan(20);
    expect([...keyTypes]).toEqual(expect.arrayContaining(['user', 'session', 'rate', 'dedupe']));
    console.log(`key kinds scanned: ${[...keyTypes].sort().join(', ')}`);
  });
});

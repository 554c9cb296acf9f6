import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { keysNaming as keysNamingIn } from '../helpers/redis-cleanup';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { zaloGroupText } from '../helpers/zalo-group';
import { parseOptions, ZaloResident } from '../helpers/zalo-resident';

/**
 * Zalo groups: numbered options are saved and read under the same key (the chat id, which in a private
 * chat is the resident's id), and «@<bot name>» is not part of what a member asks. The fake's getMe
 * gives account_name «bot.TroLyDvc»; members write «@Trợ lý DVC» or «@tro ly dvc».
 */

const SECRET = 'zalo_groups_webhook_secret';
let fake: FakeZalo;
let server: TestServer;

beforeAll(async () => {
  fake = await startFakeZalo();
  server = await startTestServer({ zalo: { apiBase: fake.url, token: fake.token, webhookSecret: SECRET } });
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

async function viaWebhook(update: object): Promise<void> {
  const status = await fake.deliverTo(`${server.url}/webhooks/zalo`, update, {
    form: 'flat',
    secret: SECRET,
  });
  if (status !== 200) throw new Error(`webhook answered ${status}`);
}

/** A member of a group: what they write goes to the group, the bot's replies are read in the group. */
function member(groupId: string, memberId: string) {
  const group = new ZaloResident(fake, groupId, viaWebhook);
  return { group, say: (text: string) => group.send(zaloGroupText(groupId, memberId, text)) };
}

const choicesKey = (id: string) => `${server.prefix}choices:zalo:${id}`;

const keysNaming = (id: string): Promise<string[]> => keysNamingIn(server.redis, server.prefix, id);

describe('Zalo group chats', () => {
  it("reads a member's «2» from the options the bot showed the group, the mention stripped", async () => {
    const m1 = member('g5500001', 'u5500001');
    const m2 = member('g5500001', 'u5500011');
    // A question two procedures fit, so the bot shows numbered options.
    await m1.say('@tro ly dvc lam lai giay khai sinh');
    expect(m1.group.last).toContain('ý bà con là việc nào');
    // Saved under the group's chat id, where the answer is read: not under the member's id.
    expect(await server.redis.exists(choicesKey('g5500001'))).toBe(1);
    expect(await server.redis.exists(choicesKey('u5500001'))).toBe(0);
    const meant = parseOptions(m1.group.last).options.indexOf('Đăng ký khai sinh') + 1;
    expect(meant).toBeGreaterThan(0);

    // Another member answers the bot's last message by its number alone.
    const answer = await m2.say(String(meant));
    expect(answer[0]).toMatch(/^Đăng ký khai sinh/);
    const sections = parseOptions(m2.group.last).options;
    const giayTo = sections.indexOf('Giấy tờ cần có') + 1;
    const lePhi = sections.indexOf('Lệ phí') + 1;
    expect(giayTo).toBeGreaterThan(0);
    expect(lePhi).toBeGreaterThan(0);

    await m1.say(`@Trợ lý DVC ${giayTo}`);
    expect(m1.group.last).toContain('Đăng ký khai sinh — Giấy tờ cần có');
    const back = parseOptions(m1.group.last).options.indexOf('Quay lại') + 1;
    expect(back).toBeGreaterThan(0);
    await m2.say(`${back} @Trợ lý DVC`);
    expect(m2.group.last).toMatch(/^Đăng ký khai sinh/);
    await m1.say(`@TRO LY DVC: số ${lePhi}`);
    expect(m1.group.last).toContain('Đăng ký khai sinh — Lệ phí');
    // Every reply went to the group, none to a member's private chat.
    expect(fake.sent('u5500001')).toEqual([]);
    expect(fake.sent('u5500011')).toEqual([]);
  });

  it('works in a private chat as before (chat id = user id)', async () => {
    const r = new ZaloResident(fake, 'p5500002', viaWebhook);
    await r.say('xin chào');
    expect(await server.redis.exists(choicesKey('p5500002'))).toBe(1);
    await r.say('2');
    expect(r.messages.join('\n')).toContain('ghi nhận bà con ở Thôn/làng 2');
  });

  it("deletes the numbered options with the resident's data (private chat)", async () => {
    const r = new ZaloResident(fake, 'p5500003', viaWebhook);
    await r.say('xin chào');
    await r.say('1');
    await r.say('xoa du lieu cua toi');
    expect(await server.redis.exists(choicesKey('p5500003'))).toBe(1);
    await r.say(String(parseOptions(r.last).options.indexOf('Có, xóa hết') + 1));
    expect(r.last).toContain('đã xóa hết');
    expect(await server.redis.exists(choicesKey('p5500003'))).toBe(0);
    expect(await keysNaming('p5500003')).toEqual([]);
  });

  it("deletes a group member's data when asked in the group: no key names the member afterwards", async () => {
    const m = member('g5500004', 'u5500004');
    await m.say('@Trợ lý DVC khai sinh');
    await m.say('@Trợ lý DVC xoa du lieu cua toi');
    expect((await keysNaming('u5500004')).length).toBeGreaterThan(0);
    await m.say(`@Trợ lý DVC ${parseOptions(m.group.last).options.indexOf('Có, xóa hết') + 1}`);
    expect(m.group.last).toContain('đã xóa hết');
    expect(await keysNaming('u5500004')).toEqual([]);
  });
});

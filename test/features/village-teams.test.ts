import { afterAll, describe, expect, it } from 'vitest';
import { RedisBroadcastStore } from '../../src/storage/redis-broadcast-store';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot(undefined, { admins: ['telegram:900001'] });
const approvalBot = createTestBot(undefined, { admins: ['telegram:900001'], announcementApproval: true });
afterAll(async () => {
  await bot.close();
  await approvalBot.close();
});

async function resident(b = bot, id?: string, village = 'Thôn/làng 2') {
  const r = b.resident(id, 'telegram');
  await r.start();
  await r.press(village);
  return r;
}

/** The admin of ADMIN_IDS, once past the first step like anyone else. */
async function admin(b = bot) {
  const a = b.resident('900001', 'telegram');
  if (!(await b.profile(a.user))) {
    await a.start();
    await a.press('Bỏ qua');
  }
  return a;
}

const members = (b: typeof bot, village: string, channel = 'telegram') =>
  b.redis.smembers(`${b.prefix}village:${village}:${channel}`);

describe('subscriptions', () => {
  it('choosing a village subscribes (and says how to stop); «DỪNG» / «dung» stops, «BẬT LẠI» / «bat lai» resumes', async () => {
    const r = await resident();
    expect(r.text()).toContain('gõ «DỪNG»');
    expect(await members(bot, 'thon-2')).toContain(r.user.id);
    await r.say('DỪNG');
    expect(r.last.text).toContain('không nhận thông báo của Thôn/làng 2 nữa');
    expect(await members(bot, 'thon-2')).not.toContain(r.user.id);
    await r.say('bat lai');
    expect(r.last.text).toContain('nhận lại thông báo');
    expect(await members(bot, 'thon-2')).toContain(r.user.id);
    await r.say('dung');
    expect(await members(bot, 'thon-2')).not.toContain(r.user.id);
    await r.say('BẬT LẠI');
    expect(await members(bot, 'thon-2')).toContain(r.user.id);
  });

  it('changing village moves the subscription; deleting one’s data or being blocked removes it', async () => {
    const r = await resident();
    await r.say('đổi thôn');
    await r.press('Thôn/làng 3');
    expect(await members(bot, 'thon-2')).not.toContain(r.user.id);
    expect(await members(bot, 'thon-3')).toContain(r.user.id);
    await bot.conversation.markUnreachable(r.user);
    expect(await members(bot, 'thon-3')).not.toContain(r.user.id);
    await r.say('xin chào');
    expect(await members(bot, 'thon-3')).toContain(r.user.id);
    await r.say('xóa dữ liệu của tôi');
    await r.press('Có, xóa hết');
    expect(await members(bot, 'thon-3')).not.toContain(r.user.id);
  });

  it('the web chat cannot send announcements: its visitors are never listeners', async () => {
    const web = createTestBot(undefined, { canMessageLater: false });
    const r = web.resident(undefined, 'web');
    await r.say('bat lai');
    expect(r.last.text).toContain('Trang web này không gửi thông báo');
    await web.close();
  });
});

describe('roles and invite codes', () => {
  it('a resident cannot announce, invite or grant; each refusal is polite and logged', async () => {
    const r = await resident();
    for (const command of ['/thongbao', 'tạo mã mời thon-1', '/capquyen telegram:5 staff', '/duyet']) {
      await r.say(command);
      expect(r.last.text, command).toContain('chỉ cán bộ xã hoặc tổ công nghệ số');
    }
    expect(
      bot.audit.filter((a) => a.user === `telegram:${r.user.id}` && a.outcome === 'refused'),
    ).toHaveLength(4);
  });

  it('an invite code makes a team member of its village, works once, and expires', async () => {
    const a = await admin();
    await a.say('/taomamoi thon-4');
    const code = /: ([A-Z2-9]{6}) /.exec(a.last.text)?.[1];
    expect(code).toBeDefined();
    const member = await resident();
    await member.say(`tham gia ${code!.toLowerCase()}`);
    expect(member.last.text).toContain('đã vào Tổ công nghệ số cộng đồng của Thôn/làng 4');
    await member.say('/vaitro');
    expect(member.last.text).toContain('Tổ công nghệ số cộng đồng: Thôn/làng 4');
    const other = await resident();
    await other.say(`/thamgia ${code}`);
    expect(other.last.text).toContain('mã mời này không đúng, đã dùng rồi hoặc đã hết hạn');

    await a.say('/taomamoi thon-5');
    const late = /: ([A-Z2-9]{6}) /.exec(a.last.text)![1]!;
    expect(await bot.redis.ttl(`${bot.prefix}invite:${late}`)).toBeGreaterThan(6 * 24 * 3600);
    await bot.redis.pexpire(`${bot.prefix}invite:${late}`, 1);
    await new Promise((r) => setTimeout(r, 20));
    await other.say(`tham gia ${late}`);
    expect(other.last.text).toContain('đã hết hạn');
    // «tham gia» that is a question is answered as one.
    await other.say('tham gia bảo hiểm y tế hộ gia đình ở đâu');
    expect(other.last.text).not.toContain('mã mời');
  });

  it('a team member targets only their village; a revoked member loses access at once', async () => {
    const member = await resident();
    await bot.services.roles.grant(member.user, { kind: 'team', villages: ['thon-2'] });
    await member.say('/thongbao');
    expect(member.last.text).toContain('gõ nội dung thông báo');
    await member.say('Chiều mai 2 giờ họp thôn tại nhà văn hóa.');
    // one village only: the village step is skipped
    expect(member.last.text).toContain('Gửi lúc nào');
    expect(member.buttons).not.toContain('Cả xã (tất cả các thôn)');
    await member.press('Gửi ngay');
    expect(member.last.text).toContain(
      '📢 Thông báo của Thôn/làng 2:\nChiều mai 2 giờ họp thôn tại nhà văn hóa.',
    );
    expect(member.last.text).toMatch(/Số người nhận: Telegram: \d+, Zalo: 0/);
    // revoked between the preview and «Gửi»
    const a = await admin();
    await a.say(`/thuhoi telegram:${member.user.id}`);
    expect(a.last.text).toContain('đã thu hồi quyền');
    await member.press('Gửi');
    expect(member.last.text).toContain('chỉ cán bộ xã hoặc tổ công nghệ số');
    await member.say('/thongbao');
    expect(member.last.text).toContain('chỉ cán bộ xã hoặc tổ công nghệ số');
  });

  it('staff write to any village or the whole commune; the preview counts the listeners per app', async () => {
    const listeners = [
      await resident(bot, undefined, 'Thôn/làng 6'),
      await resident(bot, undefined, 'Thôn/làng 6'),
    ];
    const staff = await resident();
    await bot.services.roles.grant(staff.user, { kind: 'staff' });
    await staff.say('gửi thông báo');
    await staff.say('Thứ 7 này tiêm phòng cho trẻ em tại trạm y tế.');
    expect(staff.buttons).toContain('Cả xã (tất cả các thôn)');
    await staff.press('Thôn/làng 6');
    await staff.say('7 giờ sáng mai');
    expect(staff.last.text).toContain('Số người nhận: Telegram: 2, Zalo: 0');
    expect(staff.last.text).toContain('Gửi: Thứ Bảy, 28/11/2026 lúc 07:00');
    await staff.press('Gửi');
    expect(staff.last.text).toContain('sẽ gửi vào Thứ Bảy, 28/11/2026 lúc 07:00');
    const id = /mã ([a-z0-9]+)/.exec(staff.last.text)![1]!;
    const stored = await new RedisBroadcastStore(bot.redis, bot.prefix).get(id);
    expect(stored).toMatchObject({
      state: 'scheduled',
      villages: ['thon-6'],
      by: `telegram:${staff.user.id}`,
    });
    // The fan-out job waits in the broadcasts queue until then.
    expect(await bot.redis.exists(`${bot.prefix.slice(0, -1)}:broadcasts:bc-${id}`)).toBe(1);
    await staff.press('Hủy thông báo');
    expect(staff.last.text).toContain('đã hủy');
    expect((await new RedisBroadcastStore(bot.redis, bot.prefix).get(id))?.state).toBe('cancelled');
    expect(listeners).toHaveLength(2);
  });

  it('too long an announcement is refused with its length; a resident typing «thông báo» reads how to receive them', async () => {
    const staff = await resident();
    await bot.services.roles.grant(staff.user, { kind: 'staff' });
    await staff.say('/thongbao');
    const long = await staff.say('x'.repeat(1001));
    expect(staff.text(long)).toContain('dài 1.001 ký tự, quá 1.000');
    await staff.say('hủy');
    const r = await resident();
    await r.say('nhận thông báo của thôn thế nào');
    expect(r.text()).toContain('Ngừng nhận: nhắn DỪNG');
  });
});

describe('commune approval (ANNOUNCEMENT_APPROVAL=true)', () => {
  it('a team announcement waits until a staff member approves it', async () => {
    const member = await resident(approvalBot);
    await approvalBot.services.roles.grant(member.user, { kind: 'team', villages: ['thon-2'] });
    await member.say('/thongbao');
    await member.say('Mai cắt điện từ 8 giờ đến 11 giờ.');
    await member.press('Gửi ngay');
    await member.press('Gửi');
    expect(member.last.text).toContain('đang chờ cán bộ xã duyệt');
    const a = await admin(approvalBot);
    await a.say('/duyet');
    expect(a.last.text).toContain('Mai cắt điện từ 8 giờ đến 11 giờ.');
    await a.press('Duyệt');
    expect(a.last.text).toContain('đã duyệt');
    await a.say('/duyet');
    expect(a.last.text).toContain('không có thông báo nào chờ duyệt');
  });
});

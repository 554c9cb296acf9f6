import { afterAll, describe, expect, it } from 'vitest';
import { createTestBot, STAFF_CHAT } from '../helpers/test-bot';

const ADMIN = '900001';
const bot = createTestBot(undefined, { admins: [`telegram:${ADMIN}`] });
afterAll(() => bot.close());

describe('/nhomcanbo: the staff group’s id for STAFF_CHAT_ID', () => {
  it('tells an admin the id of the group it is sent in, without onboarding anyone in the group', async () => {
    const admin = bot.inGroup(ADMIN, '-1005550001');
    await admin.say('/nhomcanbo');
    expect(admin.last.text).toContain('STAFF_CHAT_ID=-1005550001');
    expect(admin.transcript).toHaveLength(1);
    const inStaffGroup = bot.inGroup(ADMIN);
    await inStaffGroup.say('/nhomcanbo');
    expect(inStaffGroup.last.text).toContain(`Đây đã là nhóm cán bộ (STAFF_CHAT_ID=${STAFF_CHAT})`);
  });

  it('is refused for others', async () => {
    const member = bot.inGroup('31337', '-1005550001');
    await member.say('/nhomcanbo');
    expect(member.last.text).toContain('chỉ dành cho cán bộ xã');
    expect(member.last.text).not.toContain('-1005550001');
  });
});

import { isOffice } from '../core/roles';
import { userKey } from '../core/user';
import type { Feature, FeatureContext } from './feature';
import type { Outcome, Turn } from './types';

/**
 * `/nhomcanbo`, sent by an admin or staff member in a Telegram group: the group's id, to put in
 * STAFF_CHAT_ID (Telegram shows group ids nowhere in its apps).
 */
async function whichGroup(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const { event } = turn;
  if (!isOffice(await ctx.roles.of(event.user))) {
    ctx.audit({ user: userKey(event.user), action: 'staff-group', outcome: 'refused' });
    return { replies: [{ text: ctx.t(turn.locale, 'stats-refused') }] };
  }
  const staff = ctx.staffChat;
  const isStaffGroup = staff?.channel === event.user.channel && staff.id === event.chatId;
  const key = isStaffGroup
    ? 'staff-group-already'
    : event.chatId === event.user.id
      ? 'staff-group-private'
      : 'staff-group-id';
  return { replies: [{ text: ctx.t(turn.locale, key, { id: event.chatId }) }] };
}

export const staffGroupFeature: Feature = {
  id: 'staff-group',
  commands: [{ words: ['/nhomcanbo', 'nhom can bo'], handle: whichGroup }],
};

import { isOffice, normalizeInviteCode, type Role } from '../core/roles';
import { parseUserKey, userKey } from '../core/user';
import { villageName } from '../knowledge/placeholders';
import { fold, syllables } from '../language/normalize';
import { answerQuestion } from './answer';
import type { Feature, FeatureContext } from './feature';
import type { Outcome, Turn } from './types';

/** The words after a command's own («/thamgia AB3K7Q» → «AB3K7Q»), as typed. */
export function argsAfter(text: string, commandWords: number): string[] {
  return text.trim().split(/\s+/).slice(commandWords);
}

/** How many words the command itself took: «/thamgia» one, «tham gia» two. */
export const commandLength = (text: string, prefixes: readonly string[]): number => {
  const said = syllables(text).map(fold);
  const match = prefixes
    .map((p) => syllables(p).map(fold))
    .sort((a, b) => b.length - a.length)
    .find((p) => p.every((w, i) => said[i] === w));
  // "/thamgia" is one typed word; "tham gia" two (the slash is not a syllable).
  return match ? Math.min(match.length, text.trim().split(/\s+/).length) : 1;
};

const villageOf = (id: string, ctx: FeatureContext): string => villageName(ctx.kb.commune, id);

export function describeRole(role: Role, ctx: FeatureContext, turn: Turn): string {
  switch (role.kind) {
    case 'admin':
      return ctx.t(turn.locale, 'role-admin');
    case 'staff':
      return ctx.t(turn.locale, 'role-staff');
    case 'team':
      return ctx.t(turn.locale, 'role-team', {
        villages: role.villages.map((v) => villageOf(v, ctx)).join(', '),
      });
    case 'resident':
      return ctx.t(turn.locale, 'role-resident');
  }
}

/** A privileged command refused: a polite word to the person, a line in the log. */
export function refuse(turn: Turn, ctx: FeatureContext, action: string): Outcome {
  ctx.audit({ user: userKey(turn.event.user), action, outcome: 'refused' });
  return { replies: [{ text: ctx.t(turn.locale, 'role-refused') }] };
}

const JOIN = ['/thamgia', 'tham gia'];
const INVITE = ['/taomamoi', 'tao ma moi'];
const GRANT = ['/capquyen', 'cap quyen'];
const REVOKE = ['/thuhoi', 'thu hoi quyen'];

async function showRoles(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const role = await ctx.roles.of(turn.event.user);
  if (!isOffice(role)) return { replies: [{ text: describeRole(role, ctx, turn) }] };
  const lines = (await ctx.roles.list()).map(
    (r) => `• ${userKey(r.user)}: ${describeRole(r.role, ctx, turn)}`,
  );
  return { replies: [{ text: [ctx.t(turn.locale, 'role-list-title'), ...lines].join('\n') }] };
}

async function join(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const text = turn.event.text ?? '';
  const args = argsAfter(text, commandLength(text, JOIN));
  const code = args.length === 1 ? normalizeInviteCode(args[0]!) : undefined;
  // «tham gia bảo hiểm y tế hộ gia đình» is a question, not a code.
  if (!code && args.length !== 1) return answerQuestion(text, turn, ctx);
  const village = code ? await ctx.roles.redeem(code) : undefined;
  if (!village) {
    ctx.audit({ user: userKey(turn.event.user), action: 'join', outcome: 'refused', detail: 'bad code' });
    return { replies: [{ text: ctx.t(turn.locale, 'team-join-bad-code') }] };
  }
  const role = await ctx.roles.of(turn.event.user);
  if (role.kind === 'team' || role.kind === 'resident') {
    const villages = [...new Set([...(role.kind === 'team' ? role.villages : []), village])];
    await ctx.roles.grant(turn.event.user, { kind: 'team', villages });
  }
  ctx.audit({ user: userKey(turn.event.user), action: 'join', outcome: 'done', detail: village });
  return { replies: [{ text: ctx.t(turn.locale, 'team-joined', { village: villageOf(village, ctx) }) }] };
}

async function invite(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const role = await ctx.roles.of(turn.event.user);
  if (!isOffice(role)) return refuse(turn, ctx, 'invite');
  const text = turn.event.text ?? '';
  const [village] = argsAfter(text, commandLength(text, INVITE));
  if (!village || !ctx.kb.commune.villages.some((v) => v.id === village)) {
    const ids = ctx.kb.commune.villages.map((v) => v.id).join(', ');
    return { replies: [{ text: ctx.t(turn.locale, 'team-invite-which', { ids }) }] };
  }
  const code = await ctx.roles.invite(village);
  ctx.audit({ user: userKey(turn.event.user), action: 'invite', outcome: 'done', detail: village });
  return {
    replies: [{ text: ctx.t(turn.locale, 'team-invite-code', { code, village: villageOf(village, ctx) }) }],
  };
}

async function grant(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const role = await ctx.roles.of(turn.event.user);
  if (role.kind !== 'admin') return refuse(turn, ctx, 'grant');
  const text = turn.event.text ?? '';
  const [who, what] = argsAfter(text, commandLength(text, GRANT));
  const user = who ? parseUserKey(who) : undefined;
  const villages = (what ?? '').split(',').filter((v) => ctx.kb.commune.villages.some((x) => x.id === v));
  if (!user || (what !== 'staff' && villages.length === 0)) {
    return { replies: [{ text: ctx.t(turn.locale, 'team-grant-usage') }] };
  }
  await ctx.roles.grant(user, what === 'staff' ? { kind: 'staff' } : { kind: 'team', villages });
  ctx.audit({ user: userKey(turn.event.user), action: 'grant', outcome: 'done', detail: `${who} ${what}` });
  return { replies: [{ text: ctx.t(turn.locale, 'team-granted', { who: who ?? '' }) }] };
}

async function revoke(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const role = await ctx.roles.of(turn.event.user);
  if (role.kind !== 'admin') return refuse(turn, ctx, 'revoke');
  const text = turn.event.text ?? '';
  const [who] = argsAfter(text, commandLength(text, REVOKE));
  const user = who ? parseUserKey(who) : undefined;
  if (!user) return { replies: [{ text: ctx.t(turn.locale, 'team-revoke-usage') }] };
  const revoked = await ctx.roles.revoke(user);
  ctx.audit({ user: userKey(turn.event.user), action: 'revoke', outcome: 'done', detail: who });
  return {
    replies: [
      { text: ctx.t(turn.locale, revoked ? 'team-revoked' : 'team-revoke-none', { who: who ?? '' }) },
    ],
  };
}

/**
 * Roles of the village teams (ARCHITECTURE §7): an admin (ADMIN_IDS) grants and revokes; an admin or
 * staff member makes one-time invite codes that a new team member sends («tham gia AB3K7Q»). Every
 * command reads the role again, so a revoked member loses access at once.
 */
export const teamFeature: Feature = {
  id: 'team',
  commands: [
    { words: ['/vaitro', 'vai tro', 'vai tro cua toi', 'my role'], handle: showRoles },
    { words: [], prefixes: JOIN, handle: join },
    { words: [], prefixes: INVITE, handle: invite },
    { words: [], prefixes: GRANT, handle: grant },
    { words: [], prefixes: REVOKE, handle: revoke },
  ],
};

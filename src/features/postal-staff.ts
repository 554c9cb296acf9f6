import type { MoveResult, PostalStatus } from '../core/postal';
import { isOffice } from '../core/roles';
import type { UsageEvent } from '../core/usage';
import { userKey } from '../core/user';
import type { FeatureContext } from './feature';
import { lookupReply, residentNotice, staffCard } from './postal-replies';
import type { Outcome, Turn } from './types';

export const countedPostal = (what: string): UsageEvent => ({ kind: 'postal', what });

/** A staff member moves a request on (from the staff group or anywhere): checked on every press. */
export async function move(
  code: string,
  to: PostalStatus,
  turn: Turn,
  ctx: FeatureContext,
  reason?: string,
): Promise<Outcome> {
  const by = userKey(turn.event.user);
  if (!isOffice(await ctx.roles.of(turn.event.user))) {
    ctx.audit({ user: by, action: 'postal-status', outcome: 'refused', detail: code });
    return { replies: [{ text: ctx.t(turn.locale, 'postal-staff-only') }] };
  }
  const moved = await changePostalStatus(ctx, code, to, by, turn.now, reason);
  if (!moved.ok) {
    const key = moved.reason === 'unknown' ? 'postal-unknown-code' : 'postal-already-moved';
    const status = moved.request ? ctx.t(turn.locale, `postal-status-${moved.request.status}`) : '';
    return { replies: [{ text: ctx.t(turn.locale, key, { code, status }) }] };
  }
  ctx.audit({ user: by, action: 'postal-status', outcome: 'done', detail: `${code} ${to}` });
  return { replies: [staffCard(moved.request, ctx, turn.locale)] };
}

/** Moves a request on and tells the resident (chat and dashboard alike); the role is checked by the caller. */
export async function changePostalStatus(
  ctx: Pick<FeatureContext, 'postal' | 'messenger' | 'usage' | 't' | 'commune' | 'kb' | 'qa'>,
  code: string,
  to: PostalStatus,
  by: string,
  now: number,
  reason?: string,
): Promise<MoveResult> {
  const moved = await ctx.postal.move(code, to, now, by, reason);
  if (!moved.ok) return moved;
  const r = moved.request;
  await ctx.messenger.tell(r.user, residentNotice(r, ctx, r.locale), `bd-${code}-${to}`);
  ctx.usage.record(countedPostal(to), now);
  return moved;
}

export async function lookup(code: string, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const r = await ctx.postal.get(code);
  if (!r) return { replies: [{ text: ctx.t(turn.locale, 'postal-lookup-none', { code }) }] };
  const own = userKey(r.user) === userKey(turn.event.user);
  return { replies: [lookupReply(r, own, turn, ctx)], usage: [countedPostal('lookup')] };
}

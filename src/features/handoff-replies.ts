import type { Ticket } from '../core/handoff';
import type { Reply } from '../core/reply';
import type { Locale } from '../core/user';
import { describeOpening, officeTime } from '../knowledge/office-hours';
import { villageName } from '../knowledge/placeholders';
import { buildPayload, type FeatureContext } from './feature';
import { MENU } from './keyboards';

/** «Kết thúc»: the resident ends the talk with staff (a button on every staff reply). */
export const END = 'ht-end';

export const endRow = (ctx: FeatureContext, locale: Locale) => [
  { label: ctx.t(locale, 'handoff-end-button'), payload: buildPayload(END) },
];

/** «Kết thúc» and «Menu chính» (back to the bot, the question left open for staff). */
const talkRow = (ctx: FeatureContext, locale: Locale) => [
  ...endRow(ctx, locale),
  { label: ctx.t(locale, 'button-main-menu'), payload: MENU },
];

const clock = (at: number): string => new Date(at + 7 * 3_600_000).toISOString().slice(11, 16);

/** What the staff group reads of a new ticket: the code (a reply must quote it), the question, the context. */
export function staffTicket(t: Ticket, ctx: FeatureContext): Reply {
  const before = t.context.length > 0 ? t.context.map((c) => `  › ${c}`).join('\n') : '  —';
  return {
    text: ctx.t('vi', 'handoff-staff-new', {
      code: t.code,
      channel: t.user.channel,
      village: t.village ? villageName(ctx.kb.commune, t.village) : '—',
      question: t.question,
      before,
      at: clock(t.openedAt),
    }),
  };
}

/** The resident's ticket is open: when to expect an answer, and how to end it. */
export function openedReply(t: Ticket, now: number, ctx: FeatureContext, locale: Locale): Reply {
  const office = officeTime(ctx.kb.commune, now);
  const when = office.open
    ? ctx.t(locale, 'handoff-office-open')
    : office.next
      ? ctx.t(locale, 'handoff-office-closed', { next: describeOpening(office.next, locale) })
      : ctx.t(locale, 'handoff-office-unknown', { phone: ctx.commune[locale].phone ?? '' });
  return {
    text: `${ctx.t(locale, 'handoff-opened', { code: t.code })}\n${when}`,
    buttons: [talkRow(ctx, locale)],
  };
}

/** A resident's message passed on to staff, said so. */
export function passedOn(code: string, ctx: FeatureContext, locale: Locale): Reply {
  return { text: ctx.t(locale, 'handoff-passed-on', { code }), buttons: [talkRow(ctx, locale)] };
}

/** A staff member's words, relayed to the resident. */
export function relayed(text: string, ctx: FeatureContext, locale: Locale): Reply {
  return { text: ctx.t(locale, 'handoff-staff-says', { text }), buttons: [endRow(ctx, locale)] };
}

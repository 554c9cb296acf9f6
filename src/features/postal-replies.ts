import { maskedMobile, POSTAL_NEXT, type PostalRequest, type PostalStatus } from '../core/postal';
import type { Button, Reply } from '../core/reply';
import type { Locale } from '../core/user';
import { buildPayload, type FeatureContext } from './feature';
import { placeName, topicTitle } from './postal-form';
import type { Turn } from './types';

/** Staff buttons: `pst:<code>:<status>` moves a request on; `pst-no:<code>` asks the reason to refuse. */
export const MOVE = 'pst';
export const REFUSE = 'pst-no';

const dayOf = (at: number): string => {
  const d = new Date(at + 7 * 3_600_000).toISOString();
  return `${d.slice(11, 16)} ${d.slice(8, 10)}/${d.slice(5, 7)}`;
};

const statusName = (ctx: FeatureContext, locale: Locale, status: PostalStatus) =>
  ctx.t(locale, `postal-status-${status}`);

/** The request read back to the resident before it is sent (all of it: it is their own). */
export function summary(data: Record<string, string>, turn: Turn, ctx: FeatureContext): string {
  return ctx.t(turn.locale, 'postal-summary', {
    topic: topicTitle(data.topic ?? '', turn, ctx),
    dossier: data.dossier || ctx.t(turn.locale, 'postal-no-dossier'),
    name: data.name ?? '',
    phone: data.phone ?? '',
    village: placeName(data.village ?? '', turn, ctx),
    address: data.address ?? '',
  });
}

/** What the staff group reads: everything needed to act, and the buttons for the next step. */
export function staffCard(r: PostalRequest, ctx: FeatureContext, locale: Locale = 'vi'): Reply {
  const turn = { locale } as Turn;
  const refused = r.history.at(-1)?.reason;
  return {
    text: ctx.t(locale, 'postal-staff-card', {
      code: r.code,
      status: statusName(ctx, locale, r.status),
      topic: topicTitle(r.topic, turn, ctx),
      dossier: r.dossier || '—',
      name: r.name,
      phone: r.phone,
      village: placeName(r.village, { locale }, ctx),
      address: r.address,
      channel: r.user.channel,
      created: dayOf(r.createdAt),
      reason: refused ?? '',
    }),
    buttons: staffButtons(r, ctx, locale),
  };
}

function staffButtons(r: PostalRequest, ctx: FeatureContext, locale: Locale): Button[][] {
  return POSTAL_NEXT[r.status].map((next) => [
    next === 'tu-choi'
      ? { label: ctx.t(locale, 'postal-button-refuse'), payload: buildPayload(REFUSE, r.code) }
      : { label: ctx.t(locale, `postal-button-${next}`), payload: buildPayload(MOVE, r.code, next) },
  ]);
}

/** What the resident is told when their request moves on. */
export function residentNotice(
  r: PostalRequest,
  ctx: Pick<FeatureContext, 't' | 'commune'>,
  locale: Locale,
): Reply {
  return {
    text: ctx.t(locale, `postal-notice-${r.status}`, {
      code: r.code,
      reason: r.history.at(-1)?.reason ?? '',
      phone: ctx.commune[locale].phone ?? '',
    }),
  };
}

/** «tra cứu BD-…»: the status and its dates for anyone with the code; their details for the owner only. */
export function lookupReply(r: PostalRequest, own: boolean, turn: Turn, ctx: FeatureContext): Reply {
  const steps = r.history
    .map((h) => `• ${dayOf(h.at)}: ${statusName(ctx, turn.locale, h.status)}`)
    .join('\n');
  const details = own
    ? `\n${ctx.t(turn.locale, 'postal-lookup-own', {
        phone: maskedMobile(r.phone),
        village: placeName(r.village, turn, ctx),
      })}`
    : '';
  return {
    text: `${ctx.t(turn.locale, 'postal-lookup', {
      code: r.code,
      topic: topicTitle(r.topic, turn, ctx),
      status: statusName(ctx, turn.locale, r.status),
    })}\n${steps}${details}`,
  };
}

import type { Reminder } from '../core/reminder';
import type { Button, Reply } from '../core/reply';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import { formatWhenWords, type WhenResult } from '../language/when';
import { buildPayload, type FeatureContext } from './feature';
import { navigationRow } from './keyboards';
import type { Turn } from './types';

/** `rem:…` buttons: list, cancel, snooze (see reminders.ts) */
export const REMINDER_PREFIX = 'rem';
export const listPayload = () => buildPayload(REMINDER_PREFIX, 'list');
export const cancelPayload = (id: string) => buildPayload(REMINDER_PREFIX, 'x', id);
export const snoozePayload = (id: string, choice?: string) =>
  choice ? buildPayload(REMINDER_PREFIX, 's', id, choice) : buildPayload(REMINDER_PREFIX, 's', id);

export const whenWords = (at: number, locale: Locale): string => formatWhenWords(new Date(at), locale);

/**
 * Why a date or time cannot be taken. The date reader words it in Vietnamese, precisely (ngày 30/2, 25
 * giờ); a resident who chose English reads the kind of problem in English.
 */
export function whenRefusal(
  refused: Extract<WhenResult, { ok: false }>,
  turn: Turn,
  ctx: FeatureContext,
): string {
  return ctx.t(turn.locale, 'when-refused', { reason: refused.reason, detail: refused.message });
}

export function confirmReply(what: string, at: number, turn: Turn, ctx: FeatureContext): Reply {
  return {
    text: ctx.t(turn.locale, 'reminder-confirm', { what, when: whenWords(at, turn.locale) }),
    buttons: [
      [{ label: ctx.t(turn.locale, 'reminder-yes'), payload: buildPayload('remw', 'yes') }],
      [{ label: ctx.t(turn.locale, 'button-cancel'), payload: 'cancel' }],
    ],
  };
}

export function createdReply(reminder: Reminder, turn: Turn, ctx: FeatureContext): Reply {
  return {
    text: ctx.t(turn.locale, 'reminder-created', {
      what: reminder.text,
      when: whenWords(reminder.at, turn.locale),
    }),
    buttons: [
      [{ label: ctx.t(turn.locale, 'reminder-list-button'), payload: listPayload() }],
      navigationRow(ctx.t, turn.locale),
    ],
  };
}

/**
 * The web chat cannot write to a visitor later: a calendar file their phone keeps (with an alarm), and
 * the ways to chat where the bot can remind them itself.
 */
export function webCalendarReply(what: string, at: number, turn: Turn, ctx: FeatureContext): Reply {
  const chat = ctx.kb.commune.chat;
  const links = [
    { label: ctx.t(turn.locale, 'reminder-calendar-link'), url: ctx.calendarLink(what, at) },
    ...(chat?.zalo ? [{ label: ctx.t(turn.locale, 'reminder-on-zalo'), url: chat.zalo }] : []),
    ...(chat?.telegram ? [{ label: ctx.t(turn.locale, 'reminder-on-telegram'), url: chat.telegram }] : []),
  ];
  return {
    text: ctx.t(turn.locale, 'reminder-web', { what, when: whenWords(at, turn.locale) }),
    links,
    buttons: [navigationRow(ctx.t, turn.locale)],
  };
}

/** «Nhắc nhở của tôi»: each pending reminder with «Hủy» and «Dời». */
export function listReply(reminders: readonly Reminder[], turn: Turn, ctx: FeatureContext): Reply {
  const t = (key: string, args?: Record<string, string | number>) => ctx.t(turn.locale, key, args);
  if (reminders.length === 0) {
    return { text: t('reminder-list-empty'), buttons: [navigationRow(ctx.t, turn.locale)] };
  }
  const lines = reminders.map((r, i) => `${i + 1}. ${whenWords(r.at, turn.locale)}: ${r.text}`);
  const buttons: Button[][] = reminders.slice(0, 10).map((r, i) => [
    { label: t('reminder-cancel-n', { n: i + 1 }), payload: cancelPayload(r.id) },
    { label: t('reminder-move-n', { n: i + 1 }), payload: snoozePayload(r.id) },
  ]);
  return {
    text: [t('reminder-list-title', { count: reminders.length }), '', ...lines].join('\n'),
    buttons: [...buttons, navigationRow(ctx.t, turn.locale)],
  };
}

/** Where to move a reminder to: in an hour, tomorrow morning, or a time the resident types. */
export function snoozeChoices(id: string, turn: Turn, ctx: FeatureContext): Reply {
  const t = (key: string) => ctx.t(turn.locale, key);
  return {
    text: t('reminder-snooze-ask'),
    buttons: snoozeButtons(id, ctx.t, turn.locale),
  };
}

function snoozeButtons(id: string, t: Translate, locale: Locale): Button[][] {
  return [
    [
      { label: t(locale, 'reminder-snooze-1h'), payload: snoozePayload(id, '1h') },
      { label: t(locale, 'reminder-quick-sm'), payload: snoozePayload(id, 'sm') },
    ],
    [{ label: t(locale, 'reminder-quick-pick'), payload: snoozePayload(id, 'pick') }],
  ];
}

/** The message a due reminder sends (through the resident's channel outbox). */
export function dueReply(reminder: Reminder, t: Translate): Reply {
  return {
    text: t(reminder.locale, 'reminder-due', {
      what: reminder.text,
      when: whenWords(reminder.at, reminder.locale),
    }),
    buttons: [
      ...snoozeButtons(reminder.id, t, reminder.locale),
      [{ label: t(reminder.locale, 'reminder-list-button'), payload: listPayload() }],
    ],
  };
}

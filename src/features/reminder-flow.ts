import { REMINDER_TEXT_MAX } from '../core/reminder';
import type { Reply } from '../core/reply';
import { fold, syllables } from '../language/normalize';
import { parseWhen } from '../language/when';
import { buildPayload, type FeatureContext } from './feature';
import type { Flow, FlowStep, StepInput } from './flow-engine';
import { confirmReply, createdReply, webCalendarReply, whenRefusal } from './reminder-replies';
import { outsideQuietHours, QUICK_CHOICES, type QuickChoice, quickTime } from './reminder-time';
import type { Outcome, Turn } from './types';

export const REMINDER_FLOW = 'reminder';
export const SNOOZE_FLOW = 'reminder-snooze';
/** answers to the reminder form's steps (buttons) */
export const STEP_PREFIX = 'remw';
export const stepPayload = (answer: string) => buildPayload(STEP_PREFIX, answer);
const STEP_TIMEOUT_MS = 30 * 60_000;

const YES = new Set([
  'dung',
  'co',
  'ok',
  'oke',
  'dong y',
  'dat',
  'dat nhac',
  'yes',
  'u',
  'vang',
  'da',
  'chuan',
]);
const KEEP = new Set(['giu', 'giu nguyen', 'nhu tren', 'dung roi', 'ok', 'keep']);

const words = (text: string | undefined): string =>
  syllables(text ?? '')
    .map(fold)
    .join(' ');

/** The time step's answer as data: `at` (ms) and whether the resident gave the time of day. */
function acceptTime(
  input: StepInput,
  data: Record<string, string>,
  turn: Turn,
  ctx: FeatureContext,
): { ok: true; data: Record<string, string> } | { ok: false; reply: Reply } {
  const choice = input.payload?.startsWith(`${STEP_PREFIX}:`)
    ? input.payload.slice(STEP_PREFIX.length + 1)
    : '';
  if ((QUICK_CHOICES as readonly string[]).includes(choice)) {
    return {
      ok: true,
      data: { ...data, at: String(quickTime(choice as QuickChoice, turn.now)), exact: '1' },
    };
  }
  if (choice === 'pick' || !input.text) {
    return { ok: false, reply: { text: ctx.t(turn.locale, 'reminder-pick-hint') } };
  }
  const parsed = parseWhen(input.text, new Date(turn.now));
  if (!parsed.ok) return { ok: false, reply: { text: whenRefusal(parsed, turn, ctx) } };
  const exact = parsed.timeGiven && !parsed.relative;
  const at = outsideQuietHours(parsed.at.getTime(), exact);
  return { ok: true, data: { ...data, at: String(at), exact: exact ? '1' : '0' } };
}

export const whenStep: FlowStep = {
  id: 'at',
  ask(turn, _data, ctx) {
    const t = (key: string) => ctx.t(turn.locale, key);
    return {
      text: t('reminder-ask-when'),
      buttons: [
        [
          { label: t('reminder-quick-sm'), payload: stepPayload('sm') },
          { label: t('reminder-quick-cm'), payload: stepPayload('cm') },
        ],
        [
          { label: t('reminder-quick-3d'), payload: stepPayload('3d') },
          { label: t('reminder-quick-pick'), payload: stepPayload('pick') },
        ],
        [{ label: t('button-cancel'), payload: 'cancel' }],
      ],
    };
  },
  accept: acceptTime,
};

const whatStep: FlowStep = {
  id: 'what',
  ask(turn, data, ctx) {
    const suggested = data.suggested;
    return suggested
      ? {
          text: ctx.t(turn.locale, 'reminder-ask-what-suggested', { what: suggested }),
          buttons: [
            [{ label: ctx.t(turn.locale, 'reminder-keep'), payload: stepPayload('keep') }],
            [{ label: ctx.t(turn.locale, 'button-cancel'), payload: 'cancel' }],
          ],
        }
      : { text: ctx.t(turn.locale, 'reminder-ask-what') };
  },
  accept(input, data, turn, ctx) {
    const keep = input.payload === stepPayload('keep') || KEEP.has(words(input.text));
    if (keep && data.suggested) return { ok: true, data: { ...data, what: data.suggested } };
    const text = (input.text ?? '').replace(/\s+/g, ' ').trim();
    if (text.length === 0) return { ok: false, reply: { text: ctx.t(turn.locale, 'reminder-what-empty') } };
    return { ok: true, data: { ...data, what: text.slice(0, REMINDER_TEXT_MAX) } };
  },
};

const confirmStep: FlowStep = {
  id: 'confirmed',
  ask: (turn, data, ctx) => confirmReply(data.what ?? '', Number(data.at), turn, ctx),
  accept(input, data, turn, ctx) {
    if (input.payload === stepPayload('yes') || YES.has(words(input.text))) {
      return { ok: true, data: { ...data, confirmed: '1' } };
    }
    return { ok: false, reply: { text: ctx.t(turn.locale, 'reminder-confirm-again') } };
  },
};

async function createReminder(
  data: Record<string, string>,
  turn: Turn,
  ctx: FeatureContext,
): Promise<Outcome> {
  const at = Number(data.at);
  const what = data.what ?? '';
  if (!ctx.canMessageLater(turn.event.user.channel))
    return { replies: [webCalendarReply(what, at, turn, ctx)] };
  const result = await ctx.reminders.add(
    { user: turn.event.user, text: what, at, locale: turn.locale },
    turn.now,
  );
  if (!result.ok) {
    return {
      replies: [{ text: ctx.t(turn.locale, `reminder-refused-${result.reason}`) }, ctx.mainMenu(turn)],
    };
  }
  return { replies: [createdReply(result.reminder, turn, ctx)] };
}

/** when → what (prefilled from the topic, editable) → confirm, showing the date in words. */
export const reminderFlow: Flow = {
  id: REMINDER_FLOW,
  steps: [whenStep, whatStep, confirmStep],
  timeoutMs: STEP_TIMEOUT_MS,
  complete: createReminder,
};

/** «Chọn giờ khác» for a reminder in the list: only the new time is asked. */
export const snoozeFlow: Flow = {
  id: SNOOZE_FLOW,
  steps: [whenStep],
  timeoutMs: STEP_TIMEOUT_MS,
  async complete(data, turn, ctx) {
    const moved = await ctx.reminders.snooze(turn.event.user, data.id ?? '', Number(data.at), turn.now);
    if (!moved) return { replies: [{ text: ctx.t(turn.locale, 'reminder-gone') }, ctx.mainMenu(turn)] };
    return { replies: [createdReply(moved, turn, ctx)] };
  },
};

import { z } from 'zod';
import { REMINDER_TEXT_MAX, reminderIdSchema } from '../core/reminder';
import type { Topic } from '../knowledge/schema';
import { fold, syllables } from '../language/normalize';
import { parseWhen } from '../language/when';
import { withoutCalling } from './addressed';
import { buildPayload, type Feature, type FeatureContext, payloadKind } from './feature';
import { deadlineFlow, deadlineStart } from './reminder-deadline';
import { REMINDER_FLOW, reminderFlow, SNOOZE_FLOW, STEP_PREFIX, snoozeFlow } from './reminder-flow';
import { createdReply, listReply, REMINDER_PREFIX, snoozeChoices, whenRefusal } from './reminder-replies';
import { outsideQuietHours, vnDayAt } from './reminder-time';
import type { Outcome, Turn } from './types';

/** Words that open a free-text reminder («nhắc tôi thứ 6 lên xã nộp hồ sơ»), written as residents type them. */
const OPENING_WORDS = [
  'nhắc tôi',
  'nhắc em',
  'nhắc bác',
  'nhắc cháu',
  'nhắc mình',
  'nhắc giúp tôi',
  'nhắc giùm tôi',
  'nhắc hộ tôi',
  'nhắc t',
  'nhắc e',
  'hẹn giờ nhắc',
  'đặt nhắc',
  'đặt lịch nhắc',
  'đặt lời nhắc',
  'nhắc giúp',
  'nhắc giùm',
  'nhắc dùm',
  'nhắc hộ',
  'nhờ nhắc',
  'nhắc lịch',
  'remind me',
  // chat Vietnamese mixes in the English verb: «remind e 3 ngay truoc khi cccd het han»
  'remind em',
  'remind e',
  'remind tôi',
  'set a reminder',
];
const OPENING_FOLDED = OPENING_WORDS.map((w) => syllables(w).map(fold)).sort((a, b) => b.length - a.length);

/** «…giúp em», «…giùm tôi» after the opening words: who it is for, not what to remind of. */
const FOR_ME = {
  by: new Set(['giup', 'gium', 'dum', 'ho']),
  whom: new Set(['toi', 'em', 'e', 'minh', 't', 'bac', 'chau', 'con']),
};

/** The message without its opening words («nhắc tôi») and the words that call the bot first, as typed. */
function withoutOpening(text: string): string {
  const typed = withoutCalling(text);
  const folded = typed.map((w) => syllables(w).map(fold).join(' '));
  const opening = OPENING_FOLDED.find((o) => o.every((w, i) => folded[i] === w));
  let start = opening?.length ?? 0;
  if (FOR_ME.by.has(folded[start] ?? '') && FOR_ME.whom.has(folded[start + 1] ?? '')) start += 2;
  return typed
    .slice(start)
    .join(' ')
    .replace(/^[\s,.:;-]+/, '');
}

/** What a procedure's reminder says unless the resident changes it. */
const suggestionFor = (topic: Topic | undefined, turn: Turn, ctx: FeatureContext): string =>
  topic
    ? ctx.t(turn.locale, 'reminder-default-what', {
        title: turn.locale === 'en' ? topic.title_en : lowerFirst(topic.title),
      })
    : '';

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** «Nhắc tôi» under an answer, «đặt lời nhắc», or the reminder topic: the form from its first step. */
function startForm(topicId: string | undefined, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const suggested = suggestionFor(topicId ? ctx.qa.topic(topicId) : undefined, turn, ctx);
  return ctx.flows.start(REMINDER_FLOW, turn, ctx, suggested ? { suggested } : {});
}

/**
 * «nhắc tôi thứ 6 8h lên xã nộp hồ sơ»: the time and the task read from the message, then only what is
 * missing is asked; a time that cannot be (past, 31/2) is said so with a question back.
 */
async function fromText(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const body = withoutOpening(turn.event.text ?? '');
  const parsed = parseWhen(body, new Date(turn.now));
  if (parsed.ok) {
    const what = (parsed.rest ?? '').trim().slice(0, REMINDER_TEXT_MAX);
    const exact = parsed.timeGiven && !parsed.relative;
    const at = outsideQuietHours(parsed.at.getTime(), exact);
    return ctx.flows.start(REMINDER_FLOW, turn, ctx, {
      at: String(at),
      exact: exact ? '1' : '0',
      ...(what ? { what } : {}),
    });
  }
  const what = parsed.rest.slice(0, REMINDER_TEXT_MAX);
  const started = await ctx.flows.start(REMINDER_FLOW, turn, ctx, what ? { suggested: what } : {});
  // Nothing that reads as a time: just ask. A time that cannot be: say why first.
  if (parsed.reason === 'unclear') return started;
  return { ...started, replies: [{ text: whenRefusal(parsed, turn, ctx) }, ...started.replies] };
}

async function showList(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  if (!ctx.canMessageLater(turn.event.user.channel)) {
    return { replies: [{ text: ctx.t(turn.locale, 'reminder-web-none') }, ctx.mainMenu(turn)] };
  }
  return { replies: [listReply(await ctx.reminders.pending(turn.event.user), turn, ctx)] };
}

const actionSchema = z.union([
  z.object({ do: z.literal('new'), topic: z.string().optional() }),
  z.object({ do: z.literal('dl'), topic: z.string() }),
  z.object({ do: z.literal('list') }),
  z.object({ do: z.literal('x'), id: reminderIdSchema }),
  z.object({ do: z.literal('s'), id: reminderIdSchema, choice: z.enum(['1h', 'sm', 'pick']).optional() }),
]);
type Action = z.infer<typeof actionSchema>;
const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parseAction(args: string | undefined): Action | undefined {
  const [what, a, b] = (args ?? '').split(':');
  const raw =
    what === 'new' || what === 'dl'
      ? { do: what, ...(a && TOPIC_ID.test(a) ? { topic: a } : {}) }
      : what === 's'
        ? { do: what, id: a, ...(b ? { choice: b } : {}) }
        : { do: what, ...(a ? { id: a } : {}) };
  const parsed = actionSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

async function act(action: Action, turn: Turn, ctx: FeatureContext): Promise<Outcome | undefined> {
  const user = turn.event.user;
  switch (action.do) {
    case 'new':
      return startForm(action.topic, turn, ctx);
    case 'dl':
      return deadlineStart(action.topic, turn, ctx);
    case 'list':
      return showList(turn, ctx);
    case 'x': {
      const cancelled = await ctx.reminders.cancel(user, action.id);
      const text = cancelled
        ? ctx.t(turn.locale, 'reminder-cancelled', { what: cancelled.text })
        : ctx.t(turn.locale, 'reminder-gone');
      return { replies: [{ text }, listReply(await ctx.reminders.pending(user), turn, ctx)] };
    }
    case 's': {
      if (!action.choice) return { replies: [snoozeChoices(action.id, turn, ctx)] };
      if (action.choice === 'pick') return ctx.flows.start(SNOOZE_FLOW, turn, ctx, { id: action.id });
      const at = action.choice === '1h' ? turn.now + 60 * 60_000 : vnDayAt(turn.now, 1, 8);
      const moved = await ctx.reminders.snooze(user, action.id, outsideQuietHours(at, false), turn.now);
      if (!moved) return { replies: [{ text: ctx.t(turn.locale, 'reminder-gone') }, ctx.mainMenu(turn)] };
      return { replies: [createdReply(moved, turn, ctx)] };
    }
  }
}

/** A procedure: an office to go to (the «Nơi nộp» section); info pages and actions get no «Nhắc tôi». */
const isProcedure = (topic: Topic): boolean =>
  topic.kind === 'info' && topic.sections['noi-nop'] !== undefined;

/**
 * Reminders (ARCHITECTURE §6): «Nhắc tôi» under procedures, «nhắc tôi …» typed, /nhacnho to list,
 * cancel and move them; the records and their jobs live behind the ReminderBook port.
 */
export const remindersFeature: Feature = {
  id: 'reminders',
  commands: [
    {
      words: [
        '/nhacnho',
        'nhắc nhở',
        'nhắc nhở của tôi',
        'lịch nhắc',
        'xem nhắc nhở',
        'my reminders',
        'reminders',
      ],
      handle: showList,
    },
    { words: [], prefixes: OPENING_WORDS, handle: fromText },
  ],
  payloads: [
    payloadKind({ prefix: REMINDER_PREFIX, parse: parseAction, handle: act }),
    // The form's own buttons: outside the form (an old message) they are stale.
    payloadKind({ prefix: STEP_PREFIX, formInput: true, parse: (a) => a, handle: () => undefined }),
  ],
  flows: [reminderFlow, snoozeFlow, deadlineFlow],
  actions: { 'nhac-lich': (turn, ctx) => startForm(undefined, turn, ctx) },
  topicButtons(topic, turn, ctx) {
    if (!isProcedure(topic)) return [];
    return [
      {
        label: ctx.t(turn.locale, 'reminder-button'),
        payload: buildPayload(REMINDER_PREFIX, 'new', topic.id),
      },
      ...(topic.deadline
        ? [
            {
              label: ctx.t(turn.locale, 'reminder-deadline-button'),
              payload: buildPayload(REMINDER_PREFIX, 'dl', topic.id),
            },
          ]
        : []),
    ];
  },
};

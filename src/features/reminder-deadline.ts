import type { Topic } from '../knowledge/schema';
import { addVnDays, parsePastDay, vnDayStart } from '../language/past-day';
import { formatDayIn } from '../language/when';
import type { FeatureContext } from './feature';
import type { Flow } from './flow-engine';
import { navigationRow, topicPayload } from './keyboards';
import { createdReply, webCalendarReply, whenWords } from './reminder-replies';
import { vnDayAt } from './reminder-time';
import type { Outcome, Turn } from './types';

export const DEADLINE_FLOW = 'reminder-deadline';
/** the reminder comes this many days before the legal deadline */
const DAYS_BEFORE = 7;

/** «Nhắc tôi trước hạn» under a procedure with a legal deadline (khai sinh 60 days, khai tử 15). */
export function deadlineStart(
  topicId: string,
  turn: Turn,
  ctx: FeatureContext,
): Promise<Outcome> | undefined {
  const topic = ctx.qa.topic(topicId);
  if (!topic?.deadline) return undefined;
  return ctx.flows.start(DEADLINE_FLOW, turn, ctx, { topic: topic.id });
}

const deadlineOf = (
  topicId: string | undefined,
  ctx: FeatureContext,
): (Topic['deadline'] & {}) | undefined => (topicId ? ctx.qa.topic(topicId)?.deadline : undefined);

export const deadlineFlow: Flow = {
  id: DEADLINE_FLOW,
  timeoutMs: 30 * 60_000,
  steps: [
    {
      id: 'event',
      ask(turn, data, ctx) {
        const deadline = deadlineOf(data.topic, ctx);
        return {
          text: ctx.t(turn.locale, 'reminder-deadline-ask', { event: deadline?.event ?? '' }),
          buttons: [[{ label: ctx.t(turn.locale, 'button-cancel'), payload: 'cancel' }]],
        };
      },
      accept(input, data, turn, ctx) {
        const day = parsePastDay(input.text ?? '', turn.now);
        if (!day) return { ok: false, reply: { text: ctx.t(turn.locale, 'reminder-deadline-unclear') } };
        return { ok: true, data: { ...data, event: `${day.y}-${day.m}-${day.d}` } };
      },
    },
  ],
  async complete(data, turn, ctx) {
    const topic = data.topic ? ctx.qa.topic(data.topic) : undefined;
    const [y, m, d] = (data.event ?? '').split('-').map(Number);
    if (!topic?.deadline || !y || !m || !d) return { replies: [ctx.mainMenu(turn)] };
    const last = addVnDays({ y, m, d }, topic.deadline.days);
    const lastWords = formatDayIn(last, turn.locale);
    const title = turn.locale === 'en' ? topic.title_en : topic.title;
    const endOfLastDay = vnDayStart(last, 17);
    if (endOfLastDay <= turn.now) {
      return {
        replies: [
          {
            text: ctx.t(turn.locale, 'reminder-deadline-passed', { title, date: lastWords }),
            buttons: [navigationRow(ctx.t, turn.locale, topicPayload(topic.id))],
          },
        ],
      };
    }
    // A week before, at 8:00; when that has passed, tomorrow morning (or the last day itself).
    const weekBefore = vnDayStart(addVnDays(last, -DAYS_BEFORE), 8);
    const tomorrow = vnDayAt(turn.now, 1, 8);
    const at = weekBefore > turn.now ? weekBefore : Math.min(tomorrow, vnDayStart(last, 8));
    if (at <= turn.now) {
      return {
        replies: [
          {
            text: ctx.t(turn.locale, 'reminder-deadline-today', { title, date: lastWords }),
            buttons: [navigationRow(ctx.t, turn.locale, topicPayload(topic.id))],
          },
        ],
      };
    }
    const what = ctx.t(turn.locale, 'reminder-deadline-what', { title, date: lastWords });
    const note = ctx.t(turn.locale, 'reminder-deadline-note', {
      title,
      date: lastWords,
      when: whenWords(at, turn.locale),
    });
    if (!ctx.canMessageLater(turn.event.user.channel)) {
      return { replies: [{ text: note }, webCalendarReply(what, at, turn, ctx)] };
    }
    const result = await ctx.reminders.add(
      { user: turn.event.user, text: what, at, locale: turn.locale },
      turn.now,
    );
    if (!result.ok) return { replies: [{ text: ctx.t(turn.locale, `reminder-refused-${result.reason}`) }] };
    return { replies: [{ text: note }, createdReply(result.reminder, turn, ctx)] };
  },
};

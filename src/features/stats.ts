import { isOffice } from '../core/roles';
import type { UsageReport } from '../core/usage-report';
import { userKey } from '../core/user';
import { vietnamDay } from '../core/vietnam-day';
import { answerQuestion } from './answer';
import type { Feature, FeatureContext } from './feature';
import type { Outcome, Turn } from './types';

/** This month so far and the whole of last month, as YYYY-MM-DD days in Vietnam. */
export function monthPeriods(now: number): {
  current: { from: string; to: string };
  previous: { from: string; to: string };
} {
  const today = vietnamDay(now);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(4, 6));
  const iso = (year: number, month: number, day: number) =>
    new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  return {
    current: { from: iso(y, m, 1), to: iso(y, m, Number(today.slice(6))) },
    previous: { from: iso(y, m - 1, 1), to: iso(y, m, 0) },
  };
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** One line per figure, this month beside last month. */
function summaryLines(now: UsageReport, before: UsageReport, turn: Turn, ctx: FeatureContext): string[] {
  const t = (key: string, args: Record<string, string | number>) => ctx.t(turn.locale, key, args);
  const feedback = now.feedback.up + now.feedback.down;
  const top = now.topics
    .slice(0, 3)
    .map((x) => `${ctx.qa.topic(x.topic)?.title ?? x.topic} (${x.count})`)
    .join(', ');
  return [
    t('stats-title', { month: now.from.slice(5, 7), year: now.from.slice(0, 4) }),
    t('stats-residents', { now: now.residents.unique, before: before.residents.unique }),
    t('stats-messages', { now: now.messages.received, before: before.messages.received }),
    t('stats-answered', {
      now: percent(now.questions.answered, now.questions.asked),
      asked: now.questions.asked,
      before: percent(before.questions.answered, before.questions.asked),
    }),
    feedback === 0
      ? t('stats-no-feedback', {})
      : t('stats-feedback', { share: percent(now.feedback.up, feedback), count: feedback }),
    ...(top ? [t('stats-top', { topics: top })] : []),
    t('stats-unanswered', { count: now.questions.unanswered }),
  ];
}

/** Refused politely, and written in the log. */
function refuse(turn: Turn, ctx: FeatureContext, action: string): Outcome {
  ctx.audit({ user: userKey(turn.event.user), action, outcome: 'refused' });
  return { replies: [{ text: ctx.t(turn.locale, 'stats-refused') }] };
}

/** Staff and admins only, checked on every call; the link is made for the one who asked. */
async function dashboardLink(turn: Turn, ctx: FeatureContext) {
  return {
    label: ctx.t(turn.locale, 'stats-dashboard-link'),
    url: await ctx.dashboardLinks.issue(turn.event.user),
  };
}

async function showStats(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const role = await ctx.roles.of(turn.event.user);
  if (!isOffice(role)) {
    // «thống kê dân số…» from a resident is a question; the bare command is refused.
    const text = turn.event.text ?? '';
    return text.trim().startsWith('/') ? refuse(turn, ctx, 'stats') : answerQuestion(text, turn, ctx);
  }
  const { current, previous } = monthPeriods(turn.now);
  const [now, before] = await Promise.all([
    ctx.reports.report(current.from, current.to),
    ctx.reports.report(previous.from, previous.to),
  ]);
  ctx.audit({ user: userKey(turn.event.user), action: 'stats', outcome: 'done' });
  return {
    replies: [
      {
        text: summaryLines(now, before, turn, ctx).join('\n'),
        links: [await dashboardLink(turn, ctx)],
      },
    ],
  };
}

async function openDashboard(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  if (!isOffice(await ctx.roles.of(turn.event.user))) return refuse(turn, ctx, 'dashboard');
  ctx.audit({ user: userKey(turn.event.user), action: 'dashboard', outcome: 'done' });
  return {
    replies: [{ text: ctx.t(turn.locale, 'stats-dashboard-intro'), links: [await dashboardLink(turn, ctx)] }],
  };
}

/** /thongke and /dashboard for office staff: the month in a few lines, and a login link to the charts. */
export const statsFeature: Feature = {
  id: 'stats',
  commands: [
    { words: ['/thongke', 'thong ke', 'xem thong ke', 'statistics'], handle: showStats },
    { words: ['/dashboard', '/trangthongke', 'trang thong ke'], handle: openDashboard },
  ],
};

import { HELP_OTHER_TOPIC } from '../core/help-log';
import type { Button } from '../core/reply';
import { isOffice, isPrivileged, type Role } from '../core/roles';
import { vietnamDay } from '../core/vietnam-day';
import { foldedWords } from '../language/normalize';
import { audience } from './announcement-replies';
import { answerQuestion } from './answer';
import { buildPayload, type Feature, type FeatureContext, payloadKind } from './feature';
import type { Flow, FlowStep, StepInput } from './flow-engine';
import { cancelRow as cancelButtons, chooseOption } from './form-input';
import { navigationRow, parseId, rows } from './keyboards';
import { refuse } from './team';
import type { Outcome, Turn } from './types';

const FLOW = 'help-log';
/** the form's buttons (a topic, a village, yes or no) */
const STEP = 'hlp';
/** «Ghi lượt khác»: a new form */
const AGAIN = 'hlp-new';
const ACTION = 'help-log';
const FORM_MS = 30 * 60_000;

/** The procedures village teams help with most, in the order of the buttons; then «Việc khác». */
const COMMON_TOPICS = [
  'khai-sinh',
  'can-cuoc',
  'vneid',
  'nop-truc-tuyen',
  'buu-chinh',
  'tai-khoan-dvc',
  'thuong-tru',
  'ket-hon',
] as const;

/** The topics offered: the common ones the knowledge base has, then «Việc khác». */
const topicChoices = (ctx: FeatureContext): string[] => [
  ...COMMON_TOPICS.filter((id) => ctx.qa.topic(id) !== undefined),
  HELP_OTHER_TOPIC,
];

function topicLabel(id: string, turn: Turn, ctx: FeatureContext): string {
  const topic = id === HELP_OTHER_TOPIC ? undefined : ctx.qa.topic(id);
  if (!topic) return ctx.t(turn.locale, 'help-other');
  return turn.locale === 'en' && topic.title_en ? topic.title_en : topic.title;
}

/** The villages a role may log for: a team member's own, every village for the office. */
function villagesOf(role: Role, ctx: FeatureContext): string[] {
  if (isOffice(role)) return ctx.kb.commune.villages.map((v) => v.id);
  return role.kind === 'team'
    ? role.villages.filter((v) => ctx.kb.commune.villages.some((x) => x.id === v))
    : [];
}

const words = (text: string | undefined): string => foldedWords(text ?? '');

const YES = new Set(['co', 'c', 'co a', 'da co', 'co roi', 'roi', 'u', 'vang', 'dung', 'yes', 'y']);
const NO = new Set(['khong', 'k', 'ko', 'kg', 'khong a', 'da khong', 'chua', 'chua a', 'no', 'n']);

/** A pressed «Có»/«Không» of this very step, or a typed có/co/không/khong/k. */
function yesNo(input: StepInput, step: string): boolean | undefined {
  if (input.payload === buildPayload(STEP, step, 'y')) return true;
  if (input.payload === buildPayload(STEP, step, 'n')) return false;
  if (input.payload !== undefined) return undefined;
  const said = words(input.text);
  return YES.has(said) ? true : NO.has(said) ? false : undefined;
}

const choose = (input: StepInput, kind: 't' | 'v', choices: readonly string[]) =>
  chooseOption(input, buildPayload(STEP, kind), choices);

const cancelRow = (turn: Turn, ctx: FeatureContext): Button[] => cancelButtons(ctx.t, turn.locale);

const topicStep: FlowStep = {
  id: 'topic',
  ask: (turn, _data, ctx) => ({
    text: ctx.t(turn.locale, 'help-ask-topic'),
    buttons: [
      ...rows(
        topicChoices(ctx).map((id) => ({
          label: topicLabel(id, turn, ctx),
          payload: buildPayload(STEP, 't', id),
        })),
        1,
      ),
      cancelRow(turn, ctx),
    ],
  }),
  accept(input, data, turn, ctx) {
    const topic =
      choose(input, 't', topicChoices(ctx)) ??
      (input.payload === undefined && ['viec khac', 'other'].includes(words(input.text))
        ? HELP_OTHER_TOPIC
        : undefined);
    if (!topic) return { ok: false, reply: { text: ctx.t(turn.locale, 'help-topic-unknown') } };
    return { ok: true, data: { ...data, topic } };
  },
};

const allowedOf = (data: Record<string, string>): string[] => (data.allowed ?? '').split(',').filter(Boolean);

const villageStep: FlowStep = {
  id: 'village',
  ask: (turn, data, ctx) => ({
    text: ctx.t(turn.locale, 'help-ask-village'),
    buttons: [
      ...rows(
        allowedOf(data).map((id) => ({
          label: audience([id], ctx.kb.commune),
          payload: buildPayload(STEP, 'v', id),
        })),
        2,
      ),
      cancelRow(turn, ctx),
    ],
  }),
  accept(input, data, turn, ctx) {
    const village = choose(input, 'v', allowedOf(data));
    if (!village) return { ok: false, reply: { text: ctx.t(turn.locale, 'help-village-unknown') } };
    return { ok: true, data: { ...data, village } };
  },
};

/** «Có»/«Không» to one question; the answer is kept as '1' or '0'. */
function yesNoStep(id: 'online' | 'postal' | 'vneid'): FlowStep {
  return {
    id,
    ask: (turn, _data, ctx) => ({
      text: ctx.t(turn.locale, `help-ask-${id}`),
      buttons: [
        [
          { label: ctx.t(turn.locale, 'help-yes'), payload: buildPayload(STEP, id, 'y') },
          { label: ctx.t(turn.locale, 'help-no'), payload: buildPayload(STEP, id, 'n') },
        ],
        cancelRow(turn, ctx),
      ],
    }),
    accept(input, data, turn, ctx) {
      const answer = yesNo(input, id);
      if (answer === undefined) return { ok: false, reply: { text: ctx.t(turn.locale, 'help-yes-no') } };
      return { ok: true, data: { ...data, [id]: answer ? '1' : '0' } };
    },
  };
}

/** The role is read again: a member revoked while the form was open records nothing. */
async function record(data: Record<string, string>, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const role = await ctx.roles.of(turn.event.user);
  const village = data.village ?? '';
  const topic = data.topic ?? '';
  if (!villagesOf(role, ctx).includes(village)) return refuse(turn, ctx, ACTION);
  if (!topicChoices(ctx).includes(topic)) return ctx.stale(turn);
  const session = {
    village,
    topic,
    filedOnline: data.online === '1',
    postalReturn: data.postal === '1',
    vneidActivated: data.vneid === '1',
    at: turn.now,
  };
  await ctx.helpLog.record(session);
  // No audit line for a session recorded: it would tie a member to a village, a topic and a time,
  // which is exactly what the log does not keep.
  const day = vietnamDay(turn.now);
  const today = (await ctx.helpLog.totals(day, day)).byVillage[village]?.sessions ?? 1;
  const yesOrNo = (yes: boolean) => ctx.t(turn.locale, yes ? 'help-yes' : 'help-no');
  return {
    replies: [
      {
        text: ctx.t(turn.locale, 'help-recorded', {
          topic: topicLabel(topic, turn, ctx),
          village: audience([village], ctx.kb.commune),
          online: yesOrNo(session.filedOnline),
          postal: yesOrNo(session.postalReturn),
          vneid: yesOrNo(session.vneidActivated),
          today,
        }),
        buttons: [
          [{ label: ctx.t(turn.locale, 'help-again'), payload: buildPayload(AGAIN) }],
          navigationRow(ctx.t, turn.locale),
        ],
      },
    ],
  };
}

const helpFlow: Flow = {
  id: FLOW,
  steps: [topicStep, villageStep, yesNoStep('online'), yesNoStep('postal'), yesNoStep('vneid')],
  timeoutMs: FORM_MS,
  complete: record,
};

/** A member with one village is not asked which: it is in the form's data from the start. */
async function start(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const role = await ctx.roles.of(turn.event.user);
  const villages = villagesOf(role, ctx);
  if (villages.length === 0) return refuse(turn, ctx, ACTION);
  return ctx.flows.start(FLOW, turn, ctx, {
    allowed: villages.join(','),
    ...(villages.length === 1 ? { village: villages[0]! } : {}),
  });
}

/**
 * The village teams' help log (/hotro): after helping a resident, a team member records the session in
 * a few taps — the procedure, the village, filed online?, result by post?, VNeID activated? — for the
 * commune's yearly report. Only counts are kept (core/help-log.ts): no resident, no member.
 */
export const helpLogFeature: Feature = {
  id: 'help-log',
  flows: [helpFlow],
  commands: [
    { words: ['/hotro', 'ghi ho tro', 'ghi nhan ho tro', 'ghi luot ho tro'], handle: start },
    {
      // «hỗ trợ» alone from a resident is a plea for help, not an attempt at a team command: it is answered.
      words: ['ho tro'],
      handle: async (turn, ctx) =>
        isPrivileged(await ctx.roles.of(turn.event.user))
          ? start(turn, ctx)
          : answerQuestion(turn.event.text ?? '', turn, ctx),
    },
  ],
  payloads: [
    // Outside the form (an old button) the answer is «this button is old».
    payloadKind({ prefix: STEP, formInput: true, parse: (a) => parseStep(a), handle: () => undefined }),
    payloadKind({
      prefix: AGAIN,
      parse: (a) => (a === undefined ? true : undefined),
      handle: (_a, turn, ctx) => start(turn, ctx),
    }),
  ],
};

/** `t:<topic>`, `v:<village>`, `<question>:y|n` */
function parseStep(args: string | undefined): string | undefined {
  const [kind, value, ...rest] = (args ?? '').split(':');
  if (rest.length > 0 || value === undefined) return undefined;
  if (kind === 't' || kind === 'v') return parseId(value) === undefined ? undefined : args;
  return ['online', 'postal', 'vneid'].includes(kind ?? '') && (value === 'y' || value === 'n')
    ? args
    : undefined;
}

import { maskPersonalNumbers } from '../core/privacy';
import type { Reply } from '../core/reply';
import type { UserProfile } from '../core/state';
import type { UsageEvent } from '../core/usage';
import { villageName } from '../knowledge/placeholders';
import { fold, syllables } from '../language/normalize';
import { answerQuestion } from './answer';
import { buildPayload, type Feature, type FeatureContext, payloadKind } from './feature';
import type { Flow, FlowStep } from './flow-engine';
import { parseId, rows } from './keyboards';
import { MAX_QUESTION_LENGTH } from './question-answering';
import type { FeatureDeps, Outcome, Turn } from './types';

const ONBOARDING = 'onboarding';
export const CHANGE_VILLAGE = 'change-village';
const CHANGE_VILLAGE_PAYLOAD = 'village';
const villagePayload = (id: string) => buildPayload('v', id);
const NO_VILLAGE = 'none';
const STEP_TIMEOUT_MS = 30 * 60_000;

/** The resident's village: a button, its number in the list ("2", "số 2") or its name, typed any way. */
function findVillage(input: { text?: string; payload?: string }, deps: FeatureDeps): string | undefined {
  const villages = deps.kb.commune.villages;
  const fromButton = input.payload?.startsWith('v:') ? input.payload.slice(2) : undefined;
  if (fromButton)
    return fromButton === NO_VILLAGE || villages.some((v) => v.id === fromButton) ? fromButton : undefined;
  const words = syllables(input.text ?? '').map(fold);
  if (words.length === 0) return undefined;
  const number = words.length <= 2 && /^\d+$/.test(words.at(-1)!) ? Number(words.at(-1)) : undefined;
  if (number !== undefined) return villages[number - 1]?.id;
  const said = words.join(' ');
  return villages.find((v) => {
    const name = syllables(v.name.replace(/\(.*?\)/g, ''))
      .map(fold)
      .join(' ');
    return name.length > 0 && (said === name || said.includes(name));
  })?.id;
}

/** A message the bot clearly understands as a question about a procedure (or a scam question). */
function isQuestion(text: string, deps: FeatureDeps): boolean {
  return deps.qa.scam(text) || deps.qa.decide(text).kind === 'answer';
}

const villageStep: FlowStep = {
  id: 'village',
  ask(turn, _data, deps) {
    const villages = deps.kb.commune.villages.map((v) => ({ label: v.name, payload: villagePayload(v.id) }));
    return {
      text: deps.t(turn.locale, 'onboarding-ask-village'),
      buttons: [
        ...rows(villages, 1),
        [{ label: deps.t(turn.locale, 'button-skip'), payload: villagePayload(NO_VILLAGE) }],
      ],
    };
  },
  accept(input, data, turn, deps) {
    const village = findVillage(input, deps);
    if (village) return { ok: true, data: { ...data, village } };
    // A newcomer's question instead of a village («đổi cccd ở đâu»): the village can wait, the question
    // cannot (it is answered right after the privacy note; the village can be chosen later in the menu).
    const text = input.text?.trim();
    if (!turn.profile && text && isQuestion(text, deps)) {
      const question = keptQuestion(text);
      // The newcomer's first message was a question too: both are answered, in the order asked.
      const asked: Record<string, string> = data.question
        ? { question: data.question, second: question }
        : { question };
      return { ok: true, data: { ...data, village: NO_VILLAGE, ...asked } };
    }
    return { ok: false, reply: { text: deps.t(turn.locale, 'onboarding-village-unknown') } };
  },
};

/**
 * A question kept with the form until it is answered: phone and ID numbers masked before it is cut (a
 * number cut in two would be too short to be masked); one character past the limit keeps the "too long"
 * note.
 */
function keptQuestion(text: string): string {
  return maskPersonalNumbers(text).slice(0, MAX_QUESTION_LENGTH + 1);
}

/** The questions kept with the form, answered one after the other (the last one's context stays). */
async function answerKept(data: Record<string, string>, turn: Turn, deps: FeatureContext): Promise<Outcome> {
  const questions = [data.question, data.second].filter((q): q is string => q !== undefined);
  const replies: Reply[] = [];
  const usage: UsageEvent[] = [];
  let current = turn;
  let session = turn.session;
  for (const question of questions) {
    const answered = await answerQuestion(question, current, deps);
    replies.push(...answered.replies);
    usage.push(...(answered.usage ?? []));
    if (answered.session) session = answered.session;
    current = { ...current, session };
  }
  return { replies, session, usage };
}

function profileWith(turn: Turn, village: string): UserProfile {
  const base: UserProfile = turn.profile ?? {
    user: turn.event.user,
    locale: turn.locale,
    firstSeen: turn.now,
    lastSeen: turn.now,
    active: true,
  };
  const { village: _old, ...rest } = base;
  return {
    ...rest,
    ...(village === NO_VILLAGE ? {} : { village }),
    consentAt: base.consentAt ?? turn.now,
    lastSeen: turn.now,
    active: true,
  };
}

const villageOf = (village: string, deps: FeatureDeps): string => villageName(deps.kb.commune, village, '');

export const onboardingFlow: Flow = {
  id: ONBOARDING,
  steps: [villageStep],
  timeoutMs: STEP_TIMEOUT_MS,
  async complete(data, turn, deps) {
    const village = data.village ?? NO_VILLAGE;
    const profile = profileWith(turn, village);
    const done: Turn = { ...turn, profile };
    const replies: Reply[] = [
      {
        text: [
          village === NO_VILLAGE
            ? deps.t(turn.locale, 'onboarding-done-no-village')
            : deps.t(turn.locale, 'onboarding-done', { village: villageOf(village, deps) }),
          deps.t(turn.locale, 'privacy-note'),
        ].join('\n\n'),
      },
    ];
    // A question asked before onboarding is answered right after it.
    if (data.question) {
      const answered = await answerKept(data, done, deps);
      return { ...answered, replies: [...replies, ...answered.replies], profile };
    }
    return { replies: [...replies, deps.mainMenu(done)], profile };
  },
};

export const changeVillageFlow: Flow = {
  id: CHANGE_VILLAGE,
  steps: [villageStep],
  timeoutMs: STEP_TIMEOUT_MS,
  complete(data, turn, deps) {
    // A resident without a profile (the web chat) who typed a question instead of a village: no village
    // was chosen, so nothing is kept; the question is answered.
    if (data.question) return answerKept(data, turn, deps);
    const village = data.village ?? NO_VILLAGE;
    const profile = profileWith(turn, village);
    return {
      replies: [
        {
          text:
            village === NO_VILLAGE
              ? deps.t(turn.locale, 'village-cleared')
              : deps.t(turn.locale, 'village-changed', { village: villageOf(village, deps) }),
        },
        deps.mainMenu({ ...turn, profile }),
      ],
      profile,
    };
  },
};

function greeting(turn: Turn, deps: FeatureDeps): Reply {
  return { text: deps.t(turn.locale, 'greeting', { commune: deps.kb.commune.name }) };
}

function validVillage(id: string | undefined, deps: FeatureDeps): string | undefined {
  return id && deps.kb.commune.villages.some((v) => v.id === id) ? id : undefined;
}

/**
 * /start, a QR deep link, or the very first message: greet, then ask the village (unless known). Where
 * the bot cannot message the resident later (the web chat), the village is not asked: a greeting, the
 * privacy note and the menu (a village from a QR link is still noted).
 */
async function start(
  turn: Turn,
  param: string | undefined,
  ctx: FeatureContext,
  question?: string,
): Promise<Outcome> {
  const village = validVillage(param, ctx);
  const hello = greeting(turn, ctx);
  if (turn.profile && !village) {
    return { replies: [hello, ctx.mainMenu(turn)], session: { misses: 0 } };
  }
  if (!village && !ctx.canMessageLater(turn.event.user.channel)) {
    const note = { text: [hello.text, ctx.t(turn.locale, 'privacy-note')].join('\n\n') };
    return { replies: [note, ctx.mainMenu(turn)], session: { misses: 0 } };
  }
  const data: Record<string, string> = {};
  if (village) data.village = village;
  // Kept with the form until the village is chosen (briefly: see PENDING_SESSION_SECONDS).
  if (question) data.question = keptQuestion(question);
  const started = await ctx.flows.start(
    turn.profile ? CHANGE_VILLAGE : ONBOARDING,
    { ...turn, session: { misses: 0 } },
    ctx,
    data,
  );
  return { ...started, replies: [hello, ...started.replies] };
}

/** Greeting, the village (from a QR poster, a button, its number or its name) and the privacy note. */
export const onboardingFeature: Feature = {
  id: 'onboarding',
  flows: [onboardingFlow, changeVillageFlow],
  start: (turn, param, ctx) => start(turn, param, ctx),
  // A question asked first is answered right after the village step.
  newResident: (turn, ctx) => {
    const text = turn.event.kind === 'text' ? turn.event.text : undefined;
    return start(turn, undefined, ctx, text && !ctx.isCommand(text) ? text : undefined);
  },
  commands: [
    { words: ['start', 'bat dau'], handle: (turn, ctx) => start(turn, undefined, ctx) },
    {
      words: ['doi thon', 'doi lang', 'chon thon', 'doi thon lang', 'change village'],
      handle: (turn, ctx) => ctx.flows.start(CHANGE_VILLAGE, turn, ctx),
    },
  ],
  payloads: [
    payloadKind({
      prefix: 'start',
      anyTime: true,
      parse: (args) =>
        args === undefined ? { param: undefined } : parseId(args) ? { param: args } : undefined,
      handle: ({ param }, turn, ctx) => start(turn, param, ctx),
    }),
    // A village button outside the village step is an old button.
    payloadKind({ prefix: 'v', formInput: true, parse: parseId, handle: () => undefined }),
    payloadKind({
      prefix: CHANGE_VILLAGE_PAYLOAD,
      parse: (args) => (args === undefined ? true : undefined),
      handle: (_village, turn, ctx) => ctx.flows.start(CHANGE_VILLAGE, turn, ctx),
    }),
  ],
  menu: [
    {
      row: 20,
      buttons: (turn, { t }) => [
        { label: t(turn.locale, 'button-change-village'), payload: CHANGE_VILLAGE_PAYLOAD },
      ],
    },
  ],
};

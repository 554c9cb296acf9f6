import { normalizePostalCode, POSTAL_STATUSES, type PostalStatus } from '../core/postal';
import { isOffice } from '../core/roles';
import { withoutCalling } from './addressed';
import { answerQuestion } from './answer';
import { buildPayload, type Feature, type FeatureContext, payloadKind } from './feature';
import type { Flow } from './flow-engine';
import { navigationRow } from './keyboards';
import { confirmStep, FORM, FORM_STEPS } from './postal-form';
import { REFUSE_FLOW, refuseReasonFlow } from './postal-refuse';
import { MOVE, REFUSE, staffCard, summary } from './postal-replies';
import { countedPostal, lookup, move } from './postal-staff';
import type { Outcome, Turn } from './types';

const FLOW = 'postal';
const START = 'pst-new';
const FORM_MS = 30 * 60_000;
/** the topic that explains the service: its answer ends with the button that opens the form */
const POSTAL_TOPIC = 'buu-chinh';

async function complete(data: Record<string, string>, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const request = await ctx.postal.create(
    {
      user: turn.event.user,
      locale: turn.locale,
      topic: data.topic ?? 'khac',
      ...(data.dossier ? { dossier: data.dossier } : {}),
      name: data.name ?? '',
      phone: data.phone ?? '',
      village: data.village ?? '',
      address: data.address ?? '',
    },
    turn.now,
  );
  await ctx.messenger.tellStaff(staffCard(request, ctx), `bd-${request.code}-moi`);
  return {
    replies: [
      {
        text: ctx.t(turn.locale, 'postal-registered', {
          code: request.code,
          phone: ctx.commune[turn.locale].phone ?? '',
        }),
        buttons: [navigationRow(ctx.t, turn.locale)],
      },
    ],
    usage: [countedPostal('created')],
  };
}

const postalFlow: Flow = {
  id: FLOW,
  steps: [...FORM_STEPS, confirmStep(summary)],
  timeoutMs: FORM_MS,
  complete,
};

/** The service explained honestly (the cost varies, some people pay less), then the form. */
function startForm(turn: Turn, ctx: FeatureContext, topic?: string): Promise<Outcome> {
  return ctx.flows
    .start(FLOW, turn, ctx, topic && topic !== POSTAL_TOPIC && ctx.qa.topic(topic) ? { topic } : {})
    .then((o) => ({
      ...o,
      replies: [
        { text: ctx.t(turn.locale, 'postal-intro', { post: ctx.commune[turn.locale].post ?? '' }) },
        ...o.replies,
      ],
    }));
}

/** «tra cứu BD-7K3Q»; «tra cứu» with anything else is a question (tra cứu hồ sơ trên Cổng…). */
function lookupCommand(turn: Turn, ctx: FeatureContext): Promise<Outcome> | Outcome {
  const text = turn.event.text ?? '';
  const called = withoutCalling(text).join(' ');
  const code = normalizePostalCode(
    called.replace(/^\/?\s*tra\s*c[ứu]u\s*/iu, '').replace(/^\/tracuu\s*/i, ''),
  );
  return code ? lookup(code, turn, ctx) : answerQuestion(text, turn, ctx);
}

const STATUS = new RegExp(`^(BD-[A-Z0-9]{4}):(${POSTAL_STATUSES.join('|')})$`);

/**
 * Results by post: the form (procedure, mã hồ sơ, name, mobile, village, address, confirm) → a code
 * `BD-XXXX`; the staff group gets the request with buttons to move it through the statuses; the
 * resident is told at each step on their own app, and can look it up with «tra cứu BD-XXXX».
 */
export const postalFeature: Feature = {
  id: 'postal',
  flows: [postalFlow, refuseReasonFlow],
  commands: [
    {
      words: ['/buudien', 'dang ky buu dien', 'dang ky nhan ket qua qua buu dien'],
      handle: (t, c) => startForm(t, c),
    },
    { words: [], prefixes: ['/tracuu', 'tra cuu'], handle: lookupCommand },
  ],
  topicButtons: (topic, turn, ctx) =>
    topic.id === POSTAL_TOPIC
      ? [{ label: ctx.t(turn.locale, 'postal-start-button'), payload: buildPayload(START) }]
      : [],
  intercept: (turn, ctx) => {
    // A code typed on its own («BD-7K3Q», «bd 7k3q»): looked up.
    const text = turn.event.kind === 'text' ? (turn.event.text ?? '') : '';
    const code = text.length <= 12 ? normalizePostalCode(text) : undefined;
    return code && !turn.session.flow ? lookup(code, turn, ctx) : undefined;
  },
  payloads: [
    payloadKind({ prefix: FORM, formInput: true, parse: (a) => a, handle: () => undefined }),
    payloadKind({ prefix: START, parse: () => true, handle: (_a, turn, ctx) => startForm(turn, ctx) }),
    payloadKind({
      prefix: MOVE,
      anyTime: true,
      parse: (a) => {
        const m = STATUS.exec(a ?? '');
        return m ? { code: m[1]!, to: m[2] as PostalStatus } : undefined;
      },
      handle: ({ code, to }, turn, ctx) => move(code, to, turn, ctx),
    }),
    payloadKind({
      prefix: REFUSE,
      anyTime: true,
      parse: (a) => normalizePostalCode(a ?? ''),
      handle: async (code, turn, ctx) => {
        if (!isOffice(await ctx.roles.of(turn.event.user))) return move(code, 'tu-choi', turn, ctx);
        return ctx.flows.start(REFUSE_FLOW, turn, ctx, { code });
      },
    }),
  ],
};

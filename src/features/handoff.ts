import { z } from 'zod';
import { ticketCodeIn } from '../core/handoff';
import { maskPersonalNumbers } from '../core/privacy';
import { isOffice } from '../core/roles';
import { userKey } from '../core/user';
import { foldedWords } from '../language/normalize';
import { buildPayload, type Feature, type FeatureContext, payloadKind } from './feature';
import { readFeatureState, writeFeatureState } from './feature-state';
import type { Flow } from './flow-engine';
import { closeByStaff, relayAnswer } from './handoff-relay';
import { END, openedReply, passedOn, staffTicket } from './handoff-replies';
import { MENU, navigationRow } from './keyboards';
import type { Outcome, Turn } from './types';

const ID = 'handoff';
const FLOW = 'handoff';
const TOPIC = 'gap-can-bo';
const stateSchema = z.object({ ticket: z.string().max(16) });
const MAX_QUESTION = 1000;
/** «Gửi cho cán bộ» under a question the resident typed with the request («cán bộ đến nhà được không»). */
const FORM = 'hf';
const SEND = buildPayload(FORM, 'send');
const SEND_WORDS = new Set(['gui', 'gui di', 'co', 'dong y', 'ok', 'yes', 'send']);

const said = (text: string | undefined): string => foldedWords(text ?? '');
const ENDING = new Set(['ket thuc', 'ketthuc', 'xong roi', 'thoi', 'end', 'stop']);
const isEnding = (turn: Turn): boolean =>
  turn.event.payload === END || (turn.event.kind === 'text' && ENDING.has(said(turn.event.text)));
/** «menu» in a talk: back to the bot, the question left open for staff (their answer still comes here). */
const LEAVING = new Set(['menu', 'menu chinh', 'quay lai', 'tro ve', 'hoi may']);
const isLeaving = (turn: Turn): boolean =>
  turn.event.payload === MENU || (turn.event.kind === 'text' && LEAVING.has(said(turn.event.text)));

const counted = (what: string) => ({ kind: 'handoff' as const, what });

/** «Gặp cán bộ»: the resident says what it is about (unless a talk is already open). */
async function begin(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const talk = await ctx.handoff.openOf(turn.event.user);
  if (talk) {
    return {
      replies: [openedReply(talk, turn.now, ctx, turn.locale)],
      session: writeFeatureState(turn.session, ID, { ticket: talk.code }),
    };
  }
  // «cán bộ đến nhà được không» already says what it is about: the bot offers to pass it on as it is (one
  // tap), not to ask again; not silently, since «chủ nhật có ai trực» may only ask the hours.
  const text = turn.event.kind === 'text' ? (turn.event.text ?? '').trim() : '';
  const saysWhat = text.length <= MAX_QUESTION && ctx.qa.wordsBeyond(TOPIC, text).length > 0;
  return ctx.flows.start(FLOW, turn, ctx, saysWhat ? { question: maskPersonalNumbers(text) } : {});
}

async function open(data: Record<string, string>, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const question = data.question ?? '';
  const context = (turn.session.recent ?? []).filter((m) => m !== question).slice(-3);
  const { ticket, isNew } = await ctx.handoff.open(
    { user: turn.event.user, village: turn.profile?.village, locale: turn.locale, question, context },
    turn.now,
  );
  if (isNew) await ctx.messenger.tellStaff(staffTicket(ticket, ctx), `ht-${ticket.code}-open`);
  return {
    replies: [openedReply(ticket, turn.now, ctx, turn.locale)],
    session: writeFeatureState(turn.session, ID, { ticket: ticket.code }),
    usage: isNew ? [counted('opened')] : [],
  };
}

const askFlow: Flow = {
  id: FLOW,
  timeoutMs: 30 * 60_000,
  steps: [
    {
      id: 'question',
      ask: (turn, _data, ctx) => ({
        text: ctx.t(turn.locale, 'handoff-ask'),
        buttons: [[{ label: ctx.t(turn.locale, 'button-cancel'), payload: buildPayload('cancel') }]],
      }),
      accept: (input, data, turn, ctx) => {
        const question = (input.text ?? '').trim();
        // Kept in the ticket and shown to staff: a phone or ID number typed in it is masked (the talk
        // goes on here, through the bot).
        // typed as the answer to «việc gì?»: meant for the staff, nothing to confirm
        return question.length >= 2 && question.length <= MAX_QUESTION
          ? { ok: true, data: { ...data, question: maskPersonalNumbers(question), confirmed: 'yes' } }
          : { ok: false, reply: { text: ctx.t(turn.locale, 'handoff-ask-again') } };
      },
    },
    {
      id: 'confirmed',
      ask: (turn, data, ctx) => ({
        text: ctx.t(turn.locale, 'handoff-confirm', { question: data.question ?? '' }),
        buttons: [
          [{ label: ctx.t(turn.locale, 'handoff-send'), payload: SEND }],
          [{ label: ctx.t(turn.locale, 'button-cancel'), payload: buildPayload('cancel') }],
        ],
      }),
      accept: (input, data, turn, ctx) =>
        input.payload === SEND || SEND_WORDS.has(said(input.text))
          ? { ok: true, data: { ...data, confirmed: 'yes' } }
          : { ok: false, reply: { text: ctx.t(turn.locale, 'handoff-confirm-again') } },
    },
  ],
  complete: open,
};

/** In the staff group: a reply to a ticket's message goes to that ticket's resident (staff only). */
async function staffAnswer(code: string, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const by = userKey(turn.event.user);
  if (!isOffice(await ctx.roles.of(turn.event.user))) {
    ctx.audit({ user: by, action: 'handoff-answer', outcome: 'refused', detail: code });
    return { replies: [{ text: ctx.t(turn.locale, 'handoff-staff-only') }] };
  }
  if (isEnding(turn)) {
    const closed = await closeByStaff(ctx, code, turn.now);
    return {
      replies: [
        { text: ctx.t(turn.locale, closed ? 'handoff-staff-closed' : 'handoff-already-closed', { code }) },
      ],
    };
  }
  // Message ids are unique per chat platform only together with who sent them.
  const messageId = `${turn.event.user.id}-${turn.event.messageId}`;
  const relay = await relayAnswer(ctx, code, turn.event.text ?? '', messageId, turn.now);
  ctx.audit({ user: by, action: 'handoff-answer', outcome: 'done', detail: code });
  return {
    replies: [
      { text: ctx.t(turn.locale, relay.ok ? 'handoff-relayed' : 'handoff-already-closed', { code }) },
    ],
  };
}

/**
 * A resident in a talk with staff: the bot passes each message on and says so, except «kết thúc» (ends the
 * talk) and «menu» (back to the bot; the ticket stays open for staff).
 */
async function inTalk(code: string, turn: Turn, ctx: FeatureContext): Promise<Outcome | undefined> {
  const ticket = await ctx.handoff.get(code);
  if (ticket?.status !== 'open' || userKey(ticket.user) !== userKey(turn.event.user)) return undefined;
  if (isEnding(turn)) {
    await ctx.handoff.close(code, 'resident', turn.now);
    await ctx.messenger.tellStaff(
      { text: ctx.t('vi', 'handoff-staff-resident-ended', { code }) },
      `ht-${code}-ended`,
    );
    return {
      replies: [{ text: ctx.t(turn.locale, 'handoff-ended', { code }) }, ctx.mainMenu(turn)],
      session: writeFeatureState(turn.session, ID, undefined),
      usage: [counted('closed-resident')],
    };
  }
  if (isLeaving(turn)) {
    return {
      replies: [{ text: ctx.t(turn.locale, 'handoff-left', { code }) }, ctx.mainMenu(turn)],
      session: writeFeatureState(turn.session, ID, undefined),
    };
  }
  // A button of an earlier answer is for the bot: answered, and the talk goes on.
  if (turn.event.kind === 'button') return undefined;
  if (turn.event.kind !== 'text' && turn.event.kind !== 'media') return { replies: [] };
  const text =
    turn.event.kind === 'text'
      ? maskPersonalNumbers(turn.event.text ?? '')
      : ctx.t('vi', 'handoff-resident-sent-media');
  await ctx.handoff.note(code, { from: 'resident', text, at: turn.now });
  await ctx.messenger.tellStaff(
    { text: ctx.t('vi', 'handoff-staff-more', { code, text }) },
    `ht-${code}-${turn.event.messageId}`,
  );
  // Said every time: a resident who hears nothing thinks the chat is broken (trial with residents).
  return { replies: [passedOn(code, ctx, turn.locale)] };
}

/**
 * «Gặp cán bộ» (topic gap-can-bo): a ticket `HT-XXXX` in the staff group with the question and the
 * last messages; a staff member's reply to it is relayed to the resident's own app; meanwhile the bot
 * passes the resident's messages on, until «kết thúc», «menu», a staff «kết thúc», or a quiet time
 * (handoff-relay.ts).
 */
export const handoffFeature: Feature = {
  id: ID,
  session: stateSchema,
  flows: [askFlow],
  actions: { [TOPIC]: begin },
  intercept(turn, ctx) {
    const staff = ctx.staffChat;
    if (staff && turn.event.user.channel === staff.channel && turn.event.chatId === staff.id) {
      const code = turn.event.kind === 'text' ? ticketCodeIn(turn.event.quoted) : undefined;
      return code ? staffAnswer(code, turn, ctx) : undefined;
    }
    const code = readFeatureState(turn.session, ID, stateSchema)?.ticket;
    return code ? inTalk(code, turn, ctx) : undefined;
  },
  payloads: [
    // «Gửi cho cán bộ»: an answer to the form's last step (an old one, after the form ended, does nothing)
    payloadKind({ prefix: FORM, formInput: true, parse: (a) => a, handle: () => undefined }),
    // «Kết thúc» on an old message, after the talk closed.
    payloadKind({
      prefix: END,
      parse: () => true,
      handle: (_a, turn, ctx) => ({
        replies: [
          { text: ctx.t(turn.locale, 'handoff-nothing-open'), buttons: [navigationRow(ctx.t, turn.locale)] },
        ],
      }),
    }),
  ],
};

import { z } from 'zod';
import { ALL_VILLAGES, ANNOUNCEMENT_TEXT_MAX, broadcastIdSchema } from '../core/broadcast';
import { isOffice, mayActFor, type Role } from '../core/roles';
import { userKey } from '../core/user';
import { parseWhen } from '../language/when';
import { announcementText, appName, audience } from './announcement-replies';
import { buildPayload, type Feature, type FeatureContext, payloadKind } from './feature';
import { readFeatureState, writeFeatureState } from './feature-state';
import type { Flow, FlowStep } from './flow-engine';
import { navigationRow, rows } from './keyboards';
import { whenRefusal, whenWords } from './reminder-replies';
import { refuse } from './team';
import { topicReply } from './topic-replies';
import type { Outcome, Turn } from './types';

const ID = 'announcements';
const FLOW = 'announce';
const PREFIX = 'ann';
const STEP = 'anw';
const DRAFT_MS = 30 * 60_000;

const draftSchema = z.object({
  text: z.string().min(1).max(ANNOUNCEMENT_TEXT_MAX),
  villages: z.array(z.string()).min(1),
  at: z.number(),
  until: z.number(),
});

/** The villages a role may write to ('*' for the whole commune). */
function allowedVillages(role: Role, ctx: FeatureContext): string[] {
  if (isOffice(role)) return [ALL_VILLAGES, ...ctx.kb.commune.villages.map((v) => v.id)];
  return role.kind === 'team' ? role.villages : [];
}

const villageLabel = (id: string, ctx: FeatureContext, turn: Turn): string =>
  id === ALL_VILLAGES ? ctx.t(turn.locale, 'announce-all-villages') : audience([id], ctx.kb.commune);

const textStep: FlowStep = {
  id: 'text',
  ask: (turn, _data, ctx) => ({
    text: ctx.t(turn.locale, 'announce-ask-text', { max: ANNOUNCEMENT_TEXT_MAX }),
    buttons: [[{ label: ctx.t(turn.locale, 'button-cancel'), payload: 'cancel' }]],
  }),
  accept(input, data, turn, ctx) {
    const text = (input.text ?? '').trim();
    if (text.length === 0) return { ok: false, reply: { text: ctx.t(turn.locale, 'announce-text-empty') } };
    if (text.length > ANNOUNCEMENT_TEXT_MAX) {
      return {
        ok: false,
        reply: {
          text: ctx.t(turn.locale, 'announce-text-long', { max: ANNOUNCEMENT_TEXT_MAX, length: text.length }),
        },
      };
    }
    return { ok: true, data: { ...data, text } };
  },
};

const villagesStep: FlowStep = {
  id: 'villages',
  ask(turn, data, ctx) {
    const allowed = (data.allowed ?? '').split(',').filter(Boolean);
    return {
      text: ctx.t(turn.locale, 'announce-ask-villages'),
      buttons: [
        ...rows(
          allowed.map((id) => ({
            label: villageLabel(id, ctx, turn),
            payload: buildPayload(STEP, 'v', id === ALL_VILLAGES ? 'all' : id),
          })),
          1,
        ),
        [{ label: ctx.t(turn.locale, 'button-cancel'), payload: 'cancel' }],
      ],
    };
  },
  accept(input, data, turn, ctx) {
    const allowed = (data.allowed ?? '').split(',').filter(Boolean);
    const fromButton = input.payload?.startsWith(`${STEP}:v:`)
      ? input.payload.slice(STEP.length + 3)
      : undefined;
    const typed = (input.text ?? '').trim();
    const number = /^\d{1,2}$/.test(typed) ? allowed[Number(typed) - 1] : undefined;
    const chosen =
      fromButton === 'all'
        ? ALL_VILLAGES
        : (fromButton ?? number ?? (allowed.includes(typed) ? typed : undefined));
    if (!chosen || !allowed.includes(chosen)) {
      return { ok: false, reply: { text: ctx.t(turn.locale, 'announce-villages-unknown') } };
    }
    return { ok: true, data: { ...data, villages: chosen } };
  },
};

const whenStep: FlowStep = {
  id: 'at',
  ask: (turn, _data, ctx) => ({
    text: ctx.t(turn.locale, 'announce-ask-when'),
    buttons: [
      [{ label: ctx.t(turn.locale, 'announce-now'), payload: buildPayload(STEP, 'now') }],
      [{ label: ctx.t(turn.locale, 'button-cancel'), payload: 'cancel' }],
    ],
  }),
  accept(input, data, turn, ctx) {
    if (input.payload === buildPayload(STEP, 'now'))
      return { ok: true, data: { ...data, at: String(turn.now) } };
    const parsed = parseWhen(input.text ?? '', new Date(turn.now));
    if (!parsed.ok) return { ok: false, reply: { text: whenRefusal(parsed, turn, ctx) } };
    return { ok: true, data: { ...data, at: String(parsed.at.getTime()) } };
  },
};

/** The preview: exactly what residents will read, how many will get it on each app, and when. */
async function preview(data: Record<string, string>, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const villages = (data.villages ?? '').split(',').filter(Boolean);
  const at = Number(data.at);
  const draft = { text: data.text ?? '', villages, at, until: turn.now + DRAFT_MS };
  const counts = await ctx.broadcasts.recipients(villages);
  const recipients = Object.entries(counts)
    .map(([channel, n]) => `${appName(channel)}: ${n}`)
    .join(', ');
  const when = at <= turn.now + 60_000 ? ctx.t(turn.locale, 'announce-when-now') : whenWords(at, turn.locale);
  return {
    replies: [
      {
        text: ctx.t(turn.locale, 'announce-preview', {
          message: announcementText(draft, ctx.kb.commune, ctx.t),
          recipients: recipients || '0',
          when,
        }),
        buttons: [
          [{ label: ctx.t(turn.locale, 'announce-send'), payload: buildPayload(PREFIX, 'send') }],
          [{ label: ctx.t(turn.locale, 'button-cancel'), payload: buildPayload(PREFIX, 'drop') }],
        ],
      },
    ],
    session: writeFeatureState(turn.session, ID, draft),
  };
}

const announceFlow: Flow = {
  id: FLOW,
  steps: [textStep, villagesStep, whenStep],
  timeoutMs: DRAFT_MS,
  complete: preview,
};

async function start(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const role = await ctx.roles.of(turn.event.user);
  const allowed = allowedVillages(role, ctx);
  if (allowed.length === 0) return refuse(turn, ctx, 'announce');
  return ctx.flows.start(FLOW, turn, ctx, {
    allowed: allowed.join(','),
    ...(allowed.length === 1 ? { villages: allowed[0]! } : {}),
  });
}

/** «Gửi»: the role is read again (it may have been revoked since the preview), then it is queued. */
async function send(turn: Turn, ctx: FeatureContext): Promise<Outcome | undefined> {
  const draft = readFeatureState(turn.session, ID, draftSchema);
  if (!draft || draft.until < turn.now) return undefined;
  const role = await ctx.roles.of(turn.event.user);
  if (!draft.villages.every((v) => (v === ALL_VILLAGES ? isOffice(role) : mayActFor(role, v)))) {
    return refuse(turn, ctx, 'announce');
  }
  const needsApproval = ctx.announcementApproval && role.kind === 'team';
  const b = await ctx.broadcasts.create(
    { text: draft.text, villages: draft.villages, at: draft.at, by: userKey(turn.event.user), needsApproval },
    turn.now,
  );
  ctx.audit({ user: userKey(turn.event.user), action: 'announce', outcome: 'done', detail: b.id });
  const key = needsApproval
    ? 'announce-awaiting'
    : b.at > turn.now + 60_000
      ? 'announce-scheduled'
      : 'announce-sending';
  return {
    replies: [
      {
        text: ctx.t(turn.locale, key, { id: b.id, when: whenWords(b.at, turn.locale) }),
        buttons: [
          [{ label: ctx.t(turn.locale, 'announce-cancel'), payload: buildPayload(PREFIX, 'x', b.id) }],
          navigationRow(ctx.t, turn.locale),
        ],
      },
    ],
    session: writeFeatureState(turn.session, ID, undefined),
  };
}

async function cancel(id: string, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  const [role, b] = await Promise.all([ctx.roles.of(turn.event.user), ctx.broadcasts.get(id)]);
  if (!b) return { replies: [{ text: ctx.t(turn.locale, 'announce-gone') }] };
  if (b.by !== userKey(turn.event.user) && !isOffice(role)) return refuse(turn, ctx, 'announce-cancel');
  const cancelled = await ctx.broadcasts.cancel(id);
  ctx.audit({ user: userKey(turn.event.user), action: 'announce-cancel', outcome: 'done', detail: id });
  return { replies: [{ text: ctx.t(turn.locale, cancelled ? 'announce-cancelled' : 'announce-too-late') }] };
}

async function approvals(turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  if (!isOffice(await ctx.roles.of(turn.event.user))) return refuse(turn, ctx, 'approve');
  const waiting = await ctx.broadcasts.awaitingApproval();
  if (waiting.length === 0) return { replies: [{ text: ctx.t(turn.locale, 'announce-none-waiting') }] };
  return {
    replies: waiting.slice(0, 10).map((b) => ({
      text: `${announcementText(b, ctx.kb.commune, ctx.t)}\n\n(${b.by}, ${whenWords(b.at, turn.locale)})`,
      buttons: [
        [
          { label: ctx.t(turn.locale, 'announce-approve'), payload: buildPayload(PREFIX, 'ok', b.id) },
          { label: ctx.t(turn.locale, 'announce-cancel'), payload: buildPayload(PREFIX, 'x', b.id) },
        ],
      ],
    })),
  };
}

async function approve(id: string, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
  if (!isOffice(await ctx.roles.of(turn.event.user))) return refuse(turn, ctx, 'approve');
  const b = await ctx.broadcasts.approve(id, turn.now);
  ctx.audit({ user: userKey(turn.event.user), action: 'approve', outcome: 'done', detail: id });
  return { replies: [{ text: ctx.t(turn.locale, b ? 'announce-approved' : 'announce-gone') }] };
}

const actionSchema = z.union([
  z.object({ do: z.enum(['send', 'drop']) }),
  z.object({ do: z.enum(['x', 'ok']), id: broadcastIdSchema }),
]);

/**
 * Announcements to a village (ARCHITECTURE §6, broadcasts): a team member writes → chooses the village
 * → when → sees a preview with the recipients per app → sends; staff may approve team announcements
 * first (ANNOUNCEMENT_APPROVAL) and write to every village.
 */
export const announcementsFeature: Feature = {
  id: ID,
  session: draftSchema,
  flows: [announceFlow],
  commands: [
    { words: ['/thongbao', 'gui thong bao', 'soan thong bao', 'tao thong bao', 'announce'], handle: start },
    { words: ['/duyet', 'duyet thong bao'], handle: approvals },
  ],
  actions: {
    // «thông báo» typed by a team member opens the form; a resident reads how to receive them.
    'thong-bao': async (turn, ctx) => {
      const role = await ctx.roles.of(turn.event.user);
      if (allowedVillages(role, ctx).length > 0) return start(turn, ctx);
      const topic = ctx.qa.topic('thong-bao');
      return topic
        ? {
            replies: [topicReply(topic, { t: ctx.t, locale: turn.locale, values: ctx.commune[turn.locale] })],
          }
        : { replies: [ctx.mainMenu(turn)] };
    },
  },
  payloads: [
    payloadKind({
      prefix: PREFIX,
      parse: (args) => {
        const [what, id] = (args ?? '').split(':');
        const parsed = actionSchema.safeParse(id === undefined ? { do: what } : { do: what, id });
        return parsed.success ? parsed.data : undefined;
      },
      handle: (a, turn, ctx) => {
        switch (a.do) {
          case 'send':
            return send(turn, ctx);
          case 'drop':
            return {
              replies: [{ text: ctx.t(turn.locale, 'flow-cancelled') }],
              session: writeFeatureState(turn.session, ID, undefined),
            };
          case 'x':
            return cancel(a.id, turn, ctx);
          case 'ok':
            return approve(a.id, turn, ctx);
        }
      },
    }),
    payloadKind({ prefix: STEP, formInput: true, parse: (a) => a, handle: () => undefined }),
  ],
};

import { normalizeDossierCode, normalizeMobile, OUTSIDE_COMMUNE } from '../core/postal';
import type { Button, Reply } from '../core/reply';
import { villageName } from '../knowledge/placeholders';
import { foldedWords } from '../language/normalize';
import { buildPayload, type FeatureContext } from './feature';
import type { FlowStep, StepInput, StepResult } from './flow-engine';
import { cancelRow as cancelButtons, chooseOption } from './form-input';
import { rows } from './keyboards';
import type { Turn } from './types';

/** The form's buttons: `pf:<step>:<value>`. */
export const FORM = 'pf';
/** a procedure none of the buttons names */
export const OTHER_TOPIC = 'khac';

/** Procedures whose result a commune commonly sends back by post, in the order of the buttons. */
const COMMON = [
  'khai-sinh',
  'khai-tu',
  'ket-hon',
  'trich-luc-ho-tich',
  'xac-nhan-hon-nhan',
  'chung-thuc-ban-sao',
  'ly-lich-tu-phap',
  'cai-chinh-ho-tich',
] as const;

export const topicChoices = (ctx: FeatureContext): string[] => [
  ...COMMON.filter((id) => ctx.qa.topic(id) !== undefined),
  OTHER_TOPIC,
];

export function topicTitle(id: string, turn: Turn, ctx: FeatureContext): string {
  const topic = ctx.qa.topic(id);
  if (!topic) return ctx.t(turn.locale, 'postal-other-topic');
  return turn.locale === 'en' ? topic.title_en : topic.title;
}

const words = (text: string | undefined): string => foldedWords(text ?? '');

const cancelRow = (turn: Turn, ctx: FeatureContext): Button[] => cancelButtons(ctx.t, turn.locale);

const ask = (turn: Turn, ctx: FeatureContext, key: string, buttons: Button[][] = []): Reply => ({
  text: ctx.t(turn.locale, key),
  buttons: [...buttons, cancelRow(turn, ctx)],
});

const wrong = (turn: Turn, ctx: FeatureContext, key: string): StepResult => ({
  ok: false,
  reply: { text: ctx.t(turn.locale, key) },
});

const choose = (input: StepInput, step: string, choices: readonly string[]) =>
  chooseOption(input, buildPayload(FORM, step), choices);

/** A step answered by one of a list (a button, its number or its words). */
function choiceStep(o: {
  id: string;
  askKey: string;
  wrongKey: string;
  perRow: number;
  choices: (ctx: FeatureContext) => readonly string[];
  label: (id: string, turn: Turn, ctx: FeatureContext) => string;
}): FlowStep {
  return {
    id: o.id,
    ask: (turn, _data, ctx) =>
      ask(
        turn,
        ctx,
        o.askKey,
        rows(
          o
            .choices(ctx)
            .map((id) => ({ label: o.label(id, turn, ctx), payload: buildPayload(FORM, o.id, id) })),
          o.perRow,
        ),
      ),
    accept(input, data, turn, ctx) {
      const picked = choose(input, o.id, o.choices(ctx));
      return picked ? { ok: true, data: { ...data, [o.id]: picked } } : wrong(turn, ctx, o.wrongKey);
    },
  };
}

const topicStep = choiceStep({
  id: 'topic',
  askKey: 'postal-ask-topic',
  wrongKey: 'postal-topic-unknown',
  perRow: 1,
  choices: topicChoices,
  label: topicTitle,
});

const NO_CODE = ['chua co', 'chua co ma', 'khong co', 'khong co ma', 'khong', 'chua', 'no', 'none'];

const dossierStep: FlowStep = {
  id: 'dossier',
  ask: (turn, _data, ctx) =>
    ask(turn, ctx, 'postal-ask-dossier', [
      [{ label: ctx.t(turn.locale, 'postal-no-dossier'), payload: buildPayload(FORM, 'dossier', 'none') }],
    ]),
  accept(input, data, turn, ctx) {
    if (input.payload === buildPayload(FORM, 'dossier', 'none') || NO_CODE.includes(words(input.text)))
      return { ok: true, data: { ...data, dossier: '' } };
    const code = input.text ? normalizeDossierCode(input.text) : undefined;
    return code ? { ok: true, data: { ...data, dossier: code } } : wrong(turn, ctx, 'postal-dossier-wrong');
  },
};

const nameStep: FlowStep = {
  id: 'name',
  ask: (turn, _data, ctx) => ask(turn, ctx, 'postal-ask-name'),
  accept(input, data, turn, ctx) {
    const name = (input.text ?? '').trim().replace(/\s+/g, ' ');
    const ok = name.length >= 2 && name.length <= 80 && /^[\p{L}][\p{L}\s.'-]*$/u.test(name);
    return ok ? { ok: true, data: { ...data, name } } : wrong(turn, ctx, 'postal-name-wrong');
  },
};

const phoneStep: FlowStep = {
  id: 'phone',
  ask: (turn, _data, ctx) => ask(turn, ctx, 'postal-ask-phone'),
  accept(input, data, turn, ctx) {
    const phone = input.text ? normalizeMobile(input.text) : undefined;
    return phone ? { ok: true, data: { ...data, phone } } : wrong(turn, ctx, 'postal-phone-wrong');
  },
};

/** Where the result goes, as residents and staff read it: a village of the commune, or «ngoài xã». */
export const placeName = (id: string, turn: Pick<Turn, 'locale'>, ctx: FeatureContext): string =>
  id === OUTSIDE_COMMUNE ? ctx.t(turn.locale, 'postal-outside-place') : villageName(ctx.kb.commune, id);

// Asked even when the resident's village is known: many who want the result by post live away from it.
const villageStep = choiceStep({
  id: 'village',
  askKey: 'postal-ask-village',
  wrongKey: 'postal-village-unknown',
  perRow: 2,
  choices: (ctx) => [...ctx.kb.commune.villages.map((v) => v.id), OUTSIDE_COMMUNE],
  label: (id, turn, ctx) =>
    id === OUTSIDE_COMMUNE ? ctx.t(turn.locale, 'postal-outside-button') : villageName(ctx.kb.commune, id),
});

const addressStep: FlowStep = {
  id: 'address',
  ask: (turn, data, ctx) =>
    ask(turn, ctx, data.village === OUTSIDE_COMMUNE ? 'postal-ask-address-outside' : 'postal-ask-address'),
  accept(input, data, turn, ctx) {
    const address = (input.text ?? '').trim().replace(/\s+/g, ' ');
    return address.length >= 3 && address.length <= 200
      ? { ok: true, data: { ...data, address } }
      : wrong(turn, ctx, 'postal-address-wrong');
  },
};

const YES = ['dung', 'dung roi', 'xac nhan', 'gui', 'ok', 'co', 'yes'];

/** The whole request read back; «Đúng, gửi» sends it. */
export const confirmStep = (
  summary: (data: Record<string, string>, turn: Turn, ctx: FeatureContext) => string,
): FlowStep => ({
  id: 'confirmed',
  ask: (turn, data, ctx) => ({
    text: summary(data, turn, ctx),
    buttons: [
      [{ label: ctx.t(turn.locale, 'postal-confirm'), payload: buildPayload(FORM, 'confirmed', 'yes') }],
      cancelRow(turn, ctx),
    ],
  }),
  accept(input, data, turn, ctx) {
    const yes = input.payload === buildPayload(FORM, 'confirmed', 'yes') || YES.includes(words(input.text));
    return yes ? { ok: true, data: { ...data, confirmed: 'yes' } } : wrong(turn, ctx, 'postal-confirm-again');
  },
});

export const FORM_STEPS: readonly FlowStep[] = [
  topicStep,
  dossierStep,
  nameStep,
  phoneStep,
  villageStep,
  addressStep,
];

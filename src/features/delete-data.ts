import { z } from 'zod';
import { buildPayload, type Feature, type FeatureContext, payloadKind } from './feature';
import { readFeatureState, writeFeatureState } from './feature-state';
import { navigationRow } from './keyboards';
import type { Outcome, Turn } from './types';

const ID = 'delete-data';
const PREFIX = 'del';
/** How long the "Có, xóa hết" button stays valid after the bot asks. */
const CONFIRM_WINDOW_MS = 5 * 60_000;
/** a deletion waiting for the resident's confirmation, until this time */
const stateSchema = z.object({ confirmUntil: z.number() });

/** "xóa dữ liệu của tôi": asks to confirm first; nothing is deleted by a stray tap. */
function askToDelete(turn: Turn, ctx: FeatureContext): Outcome {
  return {
    replies: [
      {
        text: ctx.t(turn.locale, 'delete-confirm'),
        buttons: [
          [{ label: ctx.t(turn.locale, 'button-delete-yes'), payload: buildPayload(PREFIX, 'yes') }],
          [{ label: ctx.t(turn.locale, 'button-delete-no'), payload: buildPayload(PREFIX, 'no') }],
        ],
      },
    ],
    session: writeFeatureState(turn.session, ID, { confirmUntil: turn.now + CONFIRM_WINDOW_MS }),
  };
}

function answerDelete(yes: boolean, turn: Turn, ctx: FeatureContext): Outcome {
  const pending = (readFeatureState(turn.session, ID, stateSchema)?.confirmUntil ?? 0) >= turn.now;
  if (yes && pending) {
    // profile: null → the conversation deletes every key that names the resident.
    return { replies: [{ text: ctx.t(turn.locale, 'delete-done') }], profile: null };
  }
  if (yes) return askToDelete(turn, ctx);
  return {
    replies: [{ text: ctx.t(turn.locale, 'delete-kept'), buttons: [navigationRow(ctx.t, turn.locale)] }],
    session: writeFeatureState(turn.session, ID, undefined),
  };
}

/** «Xóa dữ liệu của tôi»: everything the bot keeps about the resident, after a confirmation. */
export const deleteDataFeature: Feature = {
  id: ID,
  session: stateSchema,
  commands: [
    {
      words: ['xoa du lieu cua toi', 'xoa du lieu', 'delete my data', 'xoa thong tin cua toi'],
      // A resident may take their data back at any step, even while the bot waits for their village.
      anyTime: true,
      handle: askToDelete,
    },
  ],
  payloads: [
    payloadKind({
      prefix: PREFIX,
      anyTime: true,
      parse: (args) => (args === undefined ? 'ask' : args === 'yes' || args === 'no' ? args : undefined),
      handle: (answer, turn, ctx) =>
        answer === 'ask' ? askToDelete(turn, ctx) : answerDelete(answer === 'yes', turn, ctx),
    }),
  ],
  menu: [
    {
      row: 30,
      buttons: (turn, { t }) => [{ label: t(turn.locale, 'button-delete-data'), payload: PREFIX }],
    },
  ],
};

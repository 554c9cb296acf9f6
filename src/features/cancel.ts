import type { FeatureContext } from './feature';
import { type Feature, payloadKind } from './feature';
import type { Outcome, Turn } from './types';

/** «hủy» with no form in progress (inside a form, the flow engine cancels it). */
const nothingToCancel = (turn: Turn, ctx: FeatureContext): Outcome => ({
  replies: [{ text: ctx.t(turn.locale, 'nothing-to-cancel') }],
});

export const cancelFeature: Feature = {
  id: 'cancel',
  commands: [{ words: ['cancel', 'huy bo'], handle: nothingToCancel }],
  payloads: [
    payloadKind({
      prefix: 'cancel',
      formInput: true,
      parse: (args) => (args === undefined ? true : undefined),
      handle: (_cancel, turn, ctx) => nothingToCancel(turn, ctx),
    }),
  ],
};

import { buildPayload } from './feature';
import type { Flow } from './flow-engine';
import { move } from './postal-staff';

export const REFUSE_FLOW = 'postal-refuse';

/**
 * A staff member refusing a request says why (the resident is told): one step. In the staff group the
 * bot reads only messages that answer it, so the question asks to reply to it.
 */
export const refuseReasonFlow: Flow = {
  id: REFUSE_FLOW,
  timeoutMs: 15 * 60_000,
  steps: [
    {
      id: 'reason',
      ask: (turn, data, ctx) => ({
        text: ctx.t(turn.locale, 'postal-ask-refuse-reason', { code: data.code ?? '' }),
        buttons: [[{ label: ctx.t(turn.locale, 'button-cancel'), payload: buildPayload('cancel') }]],
      }),
      accept: (input, data, turn, ctx) => {
        const reason = (input.text ?? '').trim().replace(/\s+/g, ' ');
        return reason.length >= 3 && reason.length <= 300
          ? { ok: true, data: { ...data, reason } }
          : { ok: false, reply: { text: ctx.t(turn.locale, 'postal-refuse-reason-wrong') } };
      },
    },
  ],
  complete: (data, turn, ctx) => move(data.code ?? '', 'tu-choi', turn, ctx, data.reason),
};

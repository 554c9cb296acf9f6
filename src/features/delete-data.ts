import { navigationRow } from './keyboards';
import { payload } from './payloads';
import type { FeatureDeps, Outcome, Turn } from './types';

/** How long the "Có, xóa hết" button stays valid after the bot asks. */
const CONFIRM_WINDOW_MS = 5 * 60_000;

/** "xóa dữ liệu của tôi": asks to confirm first; nothing is deleted by a stray tap. */
export function askToDelete(turn: Turn, deps: FeatureDeps): Outcome {
  return {
    replies: [
      {
        text: deps.t(turn.locale, 'delete-confirm'),
        buttons: [
          [{ label: deps.t(turn.locale, 'button-delete-yes'), payload: payload.deleteYes }],
          [{ label: deps.t(turn.locale, 'button-delete-no'), payload: payload.deleteNo }],
        ],
      },
    ],
    session: { ...turn.session, confirmDeleteUntil: turn.now + CONFIRM_WINDOW_MS },
  };
}

export function answerDelete(yes: boolean, turn: Turn, deps: FeatureDeps): Outcome {
  const pending = (turn.session.confirmDeleteUntil ?? 0) >= turn.now;
  if (yes && pending) {
    // profile: null → the conversation deletes the profile, the session and everything keyed by the user.
    return { replies: [{ text: deps.t(turn.locale, 'delete-done') }], profile: null };
  }
  if (yes) return askToDelete(turn, deps);
  const { confirmDeleteUntil: _dropped, ...session } = turn.session;
  return {
    replies: [{ text: deps.t(turn.locale, 'delete-kept'), buttons: [navigationRow(deps.t, turn.locale)] }],
    session,
  };
}

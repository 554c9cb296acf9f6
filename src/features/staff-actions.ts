import type { StaffActions } from '../core/staff-actions';
import { closeByStaff, relayAnswer } from './handoff-relay';
import { changePostalStatus } from './postal-staff';
import type { FeatureDeps } from './types';

/**
 * The staff actions for the dashboard, through the same code as the staff group in chat (postal-staff,
 * handoff-relay). `deps` is read on every call: the content may have been reloaded.
 */
export function staffActions(deps: () => FeatureDeps, now: () => number): StaffActions {
  return {
    movePostal: (code, to, by, reason) => changePostalStatus(deps(), code, to, by, now(), reason),
    answerTicket: async (code, text, _by, messageId) =>
      (await relayAnswer(deps(), code, text, messageId, now())).ok,
    closeTicket: async (code) => (await closeByStaff(deps(), code, now())) !== undefined,
  };
}

import type { HandoffDesk, Ticket } from '../core/handoff';
import type { Messenger } from '../core/messenger';
import type { UsageLog } from '../core/usage';
import type { Translate } from '../i18n';
import type { KnowledgeBase } from '../knowledge/schema';
import { buildPayload } from './feature';
import { END } from './handoff-replies';

/** What relaying needs; the chat feature and the dashboard both relay through here. */
export interface RelayDeps {
  readonly handoff: HandoffDesk;
  readonly messenger: Messenger;
  readonly t: Translate;
  readonly usage: UsageLog;
  readonly kb: KnowledgeBase;
}

export type RelayResult =
  | { readonly ok: true; readonly ticket: Ticket }
  | { readonly ok: false; readonly reason: 'closed' };

const endButton = (d: RelayDeps, t: Ticket) => [
  [{ label: d.t(t.locale, 'handoff-end-button'), payload: buildPayload(END) }],
];

/**
 * A staff member's answer to a ticket: logged (the ticket's quiet time starts again) and sent to the
 * resident on their own app under an id made from the staff message, so a resend sends once; two staff
 * answering at once both reach the resident, in the order they were logged.
 */
export async function relayAnswer(
  d: RelayDeps,
  code: string,
  text: string,
  messageId: string,
  now: number,
): Promise<RelayResult> {
  const ticket = await d.handoff.note(code, { from: 'staff', text, at: now });
  if (!ticket) return { ok: false, reason: 'closed' };
  await d.messenger.tell(
    ticket.user,
    { text: d.t(ticket.locale, 'handoff-staff-says', { text }), buttons: endButton(d, ticket) },
    `ht-${code}-${messageId}`,
  );
  d.usage.record({ kind: 'handoff', what: 'staff-reply' }, now);
  return { ok: true, ticket };
}

/** Staff close a ticket (in the group or on the dashboard): the resident is told the bot is back. */
export async function closeByStaff(d: RelayDeps, code: string, now: number): Promise<Ticket | undefined> {
  const ticket = await d.handoff.close(code, 'staff', now);
  if (!ticket) return undefined;
  await d.messenger.tell(
    ticket.user,
    { text: d.t(ticket.locale, 'handoff-closed-by-staff', { code }) },
    `ht-${code}-closed`,
  );
  d.usage.record({ kind: 'handoff', what: 'closed-staff' }, now);
  return ticket;
}

/** Tickets without a message for `hours` close by themselves; resident and staff are told. */
export async function closeQuietTickets(d: RelayDeps, now: number, hours: number): Promise<number> {
  const codes = await d.handoff.quietSince(now - hours * 3_600_000);
  let closed = 0;
  for (const code of codes) {
    const ticket = await d.handoff.close(code, 'timeout', now);
    if (!ticket) continue;
    closed++;
    await d.messenger.tell(
      ticket.user,
      { text: d.t(ticket.locale, 'handoff-timed-out', { code }) },
      `ht-${code}-timeout`,
    );
    await d.messenger.tellStaff(
      { text: d.t('vi', 'handoff-staff-timed-out', { code }) },
      `ht-${code}-timeout`,
    );
    d.usage.record({ kind: 'handoff', what: 'timeout' }, now);
  }
  return closed;
}

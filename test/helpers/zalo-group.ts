import { type FakeZalo, type ZaloUpdate, zaloText } from './fake-zalo-api';

/** A text a member writes in a Zalo group chat (chat id ≠ the member's user id). */
export function zaloGroupText(groupId: string, memberId: string, text: string): ZaloUpdate {
  return zaloText(groupId, text, { chatType: 'GROUP', userId: memberId, displayName: 'Trần Thị B' });
}

/**
 * Bodies Zalo may send that are not message updates: setWebhook's probe (undocumented; `{}` here), an
 * event the bot does not know, an event without its message. For the webhook and for getUpdates.
 */
export const zaloOddBodies = {
  probe: (): object => ({}),
  unknownEvent: (chatId: string): object => ({
    ...zaloText(chatId, 'hi'),
    event_name: 'message.reaction.received',
  }),
  noMessage: (): object => ({ event_name: 'message.text.received' }),
  /** a shape nobody documented: no event_name at all */
  unknownShape: (): object => ({ update_kind: 'bot.added', group: { id: 'g1' } }),
};

/** Queues any body for getUpdates, whatever its shape (the fake's pushUpdate is typed for updates). */
export function pushRawUpdate(fake: FakeZalo, body: object): void {
  fake.pushUpdate(body as Parameters<FakeZalo['pushUpdate']>[0]);
}

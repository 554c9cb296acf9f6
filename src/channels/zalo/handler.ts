import { type InboundEvent, inboundEventSchema } from '../../core/inbound';
import type { ChoiceStore, DedupeStore } from '../../core/ports';
import type { Reply } from '../../core/reply';
import type { UserRef } from '../../core/user';
import type { Logger } from '../../logger';
import { pickOption } from './choices';
import { toInboundEvent } from './inbound';
import { unwrapUpdate, zaloUpdateSchema } from './schemas';
import type { ZaloSender } from './sender';

/** No update id on Zalo and no acknowledgement: remember message ids for a day. */
const DEDUPE_SECONDS = 25 * 60 * 60;

export interface ZaloHandlerOptions {
  readonly handle: (event: InboundEvent) => Promise<Reply[]>;
  readonly dedupe: DedupeStore;
  readonly choices: ChoiceStore;
  readonly sender: ZaloSender;
  readonly onBlocked: (user: UserRef) => Promise<void>;
  readonly logger: Logger;
}

export type ZaloUpdateResult = 'handled' | 'duplicate' | 'ignored' | 'invalid';

/** One Zalo update (wrapped or flat), from the webhook or from polling, handled once. */
export function createZaloHandler(o: ZaloHandlerOptions): (body: unknown) => Promise<ZaloUpdateResult> {
  return async (body) => {
    const parsed = zaloUpdateSchema.safeParse(unwrapUpdate(body));
    if (!parsed.success) return 'invalid';
    const update = parsed.data;
    if (
      !(await o.dedupe.firstTime(
        `zalo-msg:${update.event_name}:${update.message.message_id}`,
        DEDUPE_SECONDS,
      ))
    ) {
      return 'duplicate';
    }
    let event = toInboundEvent(update, Date.now());
    if (!event) {
      o.logger.info({ event: update.event_name }, 'zalo event ignored');
      return 'ignored';
    }
    if (event.kind === 'text' && event.text) {
      const picked = pickOption(event.text, (await o.choices.get(event.user)) ?? []);
      if (picked) event = { ...event, kind: 'button', payload: picked.payload };
    }
    const valid = inboundEventSchema.safeParse(event);
    if (!valid.success) return 'invalid';
    const replies = await o.handle(valid.data);
    for (const reply of replies) {
      try {
        await o.sender.send(valid.data.chatId, reply);
      } catch (err) {
        if ((err as { code?: string }).code === 'blocked') {
          await o.onBlocked(valid.data.user);
          break;
        }
        throw err;
      }
    }
    return 'handled';
  };
}

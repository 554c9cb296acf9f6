import type { InboundRoute, ParsedUpdate } from '../../core/channel';
import { inboundEventSchema } from '../../core/inbound';
import type { ChoiceStore, SkippedUpdates } from '../../core/ports';
import type { Logger } from '../../logger';
import { pickOption } from './choices';
import { toInboundEvent } from './inbound';
import { stripMention } from './mention';
import { unwrapUpdate, type ZaloUpdate, zaloUpdateId, zaloUpdateSchema } from './schemas';
import { bodyKeys, skipReason, unknownEvent } from './skipped';

export interface ZaloParserOptions {
  readonly choices: ChoiceStore;
  /** where bodies that are not messages the bot reads are counted, per reason */
  readonly skipped?: SkippedUpdates | undefined;
  readonly logger: Logger;
  /** the names that mention the bot in a group («@Trợ lý DVC»), from getMe */
  readonly botNames: () => Promise<readonly string[]>;
}

/** A message update's id and chat, for the inbound queue; anything else is parsed at once (logged, counted). */
export function zaloRoute(raw: unknown): InboundRoute | undefined {
  const parsed = zaloUpdateSchema.safeParse(unwrapUpdate(raw));
  return parsed.success ? { id: zaloUpdateId(parsed.data), chat: parsed.data.message.chat.id } : undefined;
}

/**
 * A raw Zalo body (webhook or getUpdates) → what the pipeline acts on. Bodies that are not message
 * updates (setWebhook's probe, other events, unknown shapes) are logged with their keys and counted.
 */
export function createZaloParser(o: ZaloParserOptions): (raw: unknown, now: number) => Promise<ParsedUpdate> {
  async function skip(kind: 'ignored' | 'invalid', reason: string, raw: unknown): Promise<ParsedUpdate> {
    const level = reason === 'from-bot' ? 'debug' : 'info';
    o.logger[level]({ reason, ...bodyKeys(raw) }, 'zalo: update not acted on');
    await o.skipped
      ?.count('zalo', reason)
      .catch((err: unknown) => o.logger.warn({ err: String(err) }, 'zalo: skipped update not counted'));
    return { kind, reason };
  }

  /** «@Trợ lý DVC 2» → «2»: the bot's own mention is not part of what the member asks. */
  async function withoutMention(update: ZaloUpdate): Promise<ZaloUpdate> {
    const text = update.message.text;
    if (!text?.includes('@')) return update;
    const stripped = stripMention(text, await o.botNames());
    return stripped === text ? update : { ...update, message: { ...update.message, text: stripped } };
  }

  return async function parse(raw, now) {
    const body = unwrapUpdate(raw);
    const parsed = zaloUpdateSchema.safeParse(body);
    if (!parsed.success) return skip('invalid', skipReason(body), raw);
    const update = await withoutMention(parsed.data);
    let event = toInboundEvent(update, now);
    if (!event) {
      return skip('ignored', update.message.from.is_bot ? 'from-bot' : unknownEvent(update.event_name), raw);
    }
    if (event.kind === 'text' && event.text) {
      // Options are kept per chat, where the sender saved them: in a private chat the chat id is the
      // resident's id; in a group, a member's «2» picks from what the bot last showed the group.
      const shown = await o.choices.get({ channel: 'zalo', id: event.chatId });
      const picked = pickOption(event.text, shown ?? []);
      if (picked) event = { ...event, kind: 'button', payload: picked.payload };
    }
    const valid = inboundEventSchema.safeParse(event);
    if (!valid.success) return skip('invalid', 'bad-message', raw);
    return { kind: 'event', dedupeKey: zaloUpdateId(update), event: valid.data };
  };
}

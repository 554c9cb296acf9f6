import { type Button, type Reply, textWithLinks } from '../../core/reply';
import { splitText } from '../../core/split-text';

/**
 * Zalo allows 1–2000 characters per message; whether it counts code points or UTF-16 units is not
 * confirmed (reference §1.2), so stay under 2000 in both.
 */
export const ZALO_TEXT_LIMIT = 1900;

export interface RenderedReply {
  readonly texts: string[];
  /** the options in the order they are numbered (empty when the reply has no buttons) */
  readonly options: Button[];
}

/**
 * Zalo has no buttons: a reply's buttons become numbered lines ("1. Giấy tờ cần có") and a hint how to
 * answer ("Trả lời 1, 2 hoặc 3 để chọn"). Text is NFC; links stay written out in full.
 */
export function renderForZalo(reply: Reply, hint: (count: number) => string): RenderedReply {
  const options = (reply.buttons ?? []).flat();
  const menu =
    options.length > 0
      ? `\n\n${options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}\n${hint(options.length)}`
      : '';
  return { texts: splitText(`${textWithLinks(reply)}${menu}`.normalize('NFC'), ZALO_TEXT_LIMIT), options };
}

import { z } from 'zod';
import type { Locale } from './user';

/** A button a resident can press; the payload comes back to the bot (≤ 64 bytes for Telegram). */
export const buttonSchema = z.object({
  label: z.string().min(1).max(64),
  payload: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII'),
});
export type Button = z.infer<typeof buttonSchema>;

/** One message to a resident, channel-neutral; each adapter renders it its own way. */
export interface Reply {
  readonly text: string;
  readonly buttons?: Button[][];
  /**
   * Links to open or download (a calendar file, the bot on another app); a path without a host is on
   * the web chat's own server, and only the web chat shows those.
   */
  readonly links?: readonly { readonly label: string; readonly url: string }[];
  /** the language it is written in (the web page shows its own words in it) */
  readonly locale?: Locale;
}

/**
 * The text with the reply's links written out, for channels that show links in the text (Telegram and
 * Zalo make a bare address clickable). A path on the web chat's own server means nothing there: left out.
 */
export function textWithLinks(reply: Reply): string {
  const links = (reply.links ?? []).filter((l) => /^https?:\/\//i.test(l.url));
  return links.length > 0
    ? `${reply.text}\n\n${links.map((l) => `🔗 ${l.label}: ${l.url}`).join('\n')}`
    : reply.text;
}

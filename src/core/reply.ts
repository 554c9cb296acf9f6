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
  /** the language it is written in (the web page shows its own words in it) */
  readonly locale?: Locale;
}

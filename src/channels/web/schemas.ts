import { z } from 'zod';

/** POST /api/web/messages: a typed text or a pressed button's payload, exactly one of them. */
export const webMessageSchema = z.union([
  z.object({ text: z.string({ message: 'text phải là chuỗi ký tự' }) }).strict(),
  z
    .object({
      payload: z
        .string({ message: 'payload phải là chuỗi ký tự' })
        .min(1, 'payload không được để trống')
        .max(64, 'payload dài quá 64 ký tự'),
    })
    .strict(),
]);
export type WebMessage = z.infer<typeof webMessageSchema>;

export interface WebReply {
  readonly text: string;
  readonly buttons?: { label: string; payload: string }[][];
  /** links to open or download (a calendar file); paths are on the chat's own server */
  readonly links?: { label: string; url: string }[];
}

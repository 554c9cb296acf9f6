import { z } from 'zod';

/** The envelope of every Zalo Bot API answer; errors come with HTTP 200 and ok: false. */
export const envelopeSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.looseObject({ retry_after: z.number().optional() }).optional(),
});

export const botInfoSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  account_name: z.string().optional(),
  /** not in the docs' sample; read when present (older clients typed `name`) */
  display_name: z.string().optional(),
  name: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
export type ZaloBotInfo = z.infer<typeof botInfoSchema>;

export const sentSchema = z
  .looseObject({ message_id: z.union([z.string(), z.number()]).optional(), date: z.number().optional() })
  .or(z.boolean())
  .or(z.null())
  .optional();

export const webhookInfoSchema = z.looseObject({ url: z.string(), updated_at: z.number().optional() });

const idSchema = z.union([z.string(), z.number()]).transform(String);

/** One message event; several fields are optional because the sources disagree (reference §1.3). */
export const zaloMessageSchema = z.looseObject({
  from: z.looseObject({ id: idSchema, display_name: z.string().optional(), is_bot: z.boolean().optional() }),
  chat: z.looseObject({ id: idSchema, chat_type: z.string().optional() }),
  message_id: idSchema,
  date: z.number().optional(),
  text: z.string().optional(),
});

export const zaloUpdateSchema = z.looseObject({ event_name: z.string().min(1), message: zaloMessageSchema });
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

/** The docs show a wrapped body {ok, result: {...}}; teams saw the flat {event_name, message} in production. */
export function unwrapUpdate(body: unknown): unknown {
  if (body && typeof body === 'object' && 'result' in body && (body as { ok?: unknown }).ok === true) {
    return (body as { result: unknown }).result;
  }
  return body;
}

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

/**
 * Zalo's probe of a webhook URL, as setWebhook returns it (reference, «Checked against public sources,
 * December 2026»). Outcomes seen in sources: webhook.ok, webhook.http.403|404|5xx|other,
 * webhook.err.tls|dns|timeout|conn|proxy|blocked|other. UNDOCUMENTED: the types of status_code and
 * latency_ms, so every field but ok is optional, and a verification of another shape is dropped rather
 * than failing the call (the URL was saved either way).
 */
export const webhookVerificationSchema = z.looseObject({
  ok: z.boolean(),
  outcome: z.string().optional(),
  status_code: z.number().nullable().optional(),
  latency_ms: z.number().nullable().optional(),
  hint: z.string().nullable().optional(),
});
export type ZaloWebhookVerification = z.infer<typeof webhookVerificationSchema>;

/**
 * setWebhook and getWebhookInfo: `{url, updated_at}` (documented), plus `verification` from setWebhook.
 * UNDOCUMENTED: whether getWebhookInfo also carries the last verification (read it when it does).
 */
export const webhookInfoSchema = z.looseObject({
  url: z.string(),
  updated_at: z.number().optional(),
  verification: webhookVerificationSchema.optional().catch(undefined),
});

/** testWebhook (one secondary source: `{ok, url, outcome, hint}`; status_code and latency_ms as setWebhook's). */
export const testWebhookSchema = webhookVerificationSchema.extend({ url: z.string().optional() });

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

/** No update id on Zalo: the message id (per event type) is what a redelivery repeats. */
export const zaloUpdateId = (update: ZaloUpdate): string =>
  `${update.event_name}:${update.message.message_id}`;

/** The docs show a wrapped body {ok, result: {...}}; teams saw the flat {event_name, message} in production. */
export function unwrapUpdate(body: unknown): unknown {
  if (body && typeof body === 'object' && 'result' in body && (body as { ok?: unknown }).ok === true) {
    return (body as { result: unknown }).result;
  }
  return body;
}

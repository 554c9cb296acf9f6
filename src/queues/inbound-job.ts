import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';

export const INBOUND_JOB_NAME = 'update';

/** What is kept of a platform update until it is handled. */
export const inboundJobSchema = z.object({
  /** the platform's body, as it came (parsed again by the channel's adapter, with zod, when handled) */
  raw: z.unknown(),
  /** when the bot received it (ms): "in 5 minutes" counts from here, not from when it is handled */
  receivedAt: z.number().int().nonnegative(),
  /** the chat it came from: «xóa dữ liệu của tôi» finds the resident's failed updates by it */
  chat: z.string().optional(),
});
export type InboundJobData = z.infer<typeof inboundJobSchema>;

/** For the worker: data that is not an inbound job never gets better on retry. */
export function parseInboundJob(data: unknown): InboundJobData {
  const parsed = inboundJobSchema.safeParse(data);
  if (!parsed.success || parsed.data.raw === undefined) {
    throw new UnrecoverableError('invalid inbound job data');
  }
  return parsed.data;
}

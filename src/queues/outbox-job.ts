import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { buttonSchema } from '../core/reply';

export const OUTBOX_JOB_NAME = 'send';

export const outboxJobSchema = z.object({
  chatId: z.string().min(1).max(128),
  reply: z.object({
    text: z.string().min(1).max(20_000),
    buttons: z.array(z.array(buttonSchema)).optional(),
  }),
  /** `channel:id` of the resident, so a blocked bot can mark them inactive */
  userKey: z.string().min(1).max(160).optional(),
  /** what sent it ('reminder', 'broadcast', 'staff', …), for statistics */
  kind: z.string().min(1).max(32).optional(),
  /** what it is about within its kind (a reminder id), so its sender hears when it could not go out */
  ref: z.string().min(1).max(64).optional(),
});
export type OutboxJobData = z.infer<typeof outboxJobSchema>;

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** For producers: a bad message is the caller's bug, so it throws before anything reaches Redis. */
export function validateOutboxJob(data: unknown): OutboxJobData {
  const parsed = outboxJobSchema.safeParse(data);
  if (!parsed.success) throw new TypeError(`invalid outbox job data: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** For the worker: bad data never gets better on retry, so the job fails for good. */
export function parseOutboxJob(data: unknown): OutboxJobData {
  const parsed = outboxJobSchema.safeParse(data);
  if (!parsed.success)
    throw new UnrecoverableError(`invalid outbox job data: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** BullMQ refuses ids with ':' and all-digit ids ("Custom Id cannot be integers"). */
export function assertJobId(jobId: string): void {
  if (jobId.length === 0 || jobId.length > 256)
    throw new TypeError('outbox job id must be 1..256 characters');
  if (jobId.includes(':')) throw new TypeError(`outbox job id must not contain ':', got '${jobId}'`);
  if (/^\d+$/.test(jobId)) throw new TypeError(`outbox job id must not be all digits, got '${jobId}'`);
}

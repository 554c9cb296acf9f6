import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REMINDER_TEXT_MAX } from '../core/reminder';
import { calendarFile } from './ics';

/**
 * «Thêm vào lịch điện thoại» on the web chat: the link carries the reminder itself, signed, so nothing is
 * stored about the visitor and nobody can make the commune's site serve a file with words of their own.
 */
export const CALENDAR_PATH = '/lich.ics';

const payloadSchema = z.object({
  t: z.string().min(1).max(REMINDER_TEXT_MAX),
  a: z.number().int().positive(),
});

const sign = (secret: string, data: string): string =>
  createHmac('sha256', `calendar:${secret}`).update(data).digest('base64url').slice(0, 32);

export function calendarPath(secret: string, text: string, at: number): string {
  const data = Buffer.from(JSON.stringify({ t: text, a: at })).toString('base64url');
  return `${CALENDAR_PATH}?d=${data}&s=${sign(secret, data)}`;
}

const querySchema = z.object({
  d: z
    .string()
    .min(1)
    .max(2000)
    .regex(/^[A-Za-z0-9_-]+$/),
  s: z
    .string()
    .length(32)
    .regex(/^[A-Za-z0-9_-]+$/),
});

function verify(secret: string, query: unknown): z.infer<typeof payloadSchema> | string {
  const q = querySchema.safeParse(query);
  if (!q.success) return 'the link is incomplete';
  const expected = Buffer.from(sign(secret, q.data.d));
  const given = Buffer.from(q.data.s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'the link is not ours';
  try {
    const payload = payloadSchema.safeParse(JSON.parse(Buffer.from(q.data.d, 'base64url').toString('utf8')));
    return payload.success ? payload.data : 'the link is damaged';
  } catch {
    return 'the link is damaged';
  }
}

export function registerCalendarRoute(app: FastifyInstance, secret: string, now: () => number): void {
  app.get(CALENDAR_PATH, async (request, reply) => {
    const event = verify(secret, request.query);
    if (typeof event === 'string') {
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send(`Liên kết lịch không dùng được (${event}). Bà con đặt lại lời nhắc trong khung chat nhé.`);
    }
    const uid = `${createHash('sha256').update(`${event.t}|${event.a}`).digest('hex').slice(0, 24)}@tro-ly-dvc`;
    return reply
      .header('content-disposition', 'attachment; filename="nhac-viec.ics"')
      .header('cache-control', 'private, no-store')
      .type('text/calendar; charset=utf-8')
      .send(calendarFile({ uid, summary: event.t, start: event.a, stamp: now() }));
  });
}

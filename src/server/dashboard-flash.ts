import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { POSTAL_STATUSES } from '../core/postal';
import type { ReportLabels } from '../stats/report-labels';
import { wordsOf } from './dashboard-html';

/**
 * A one-line message shown at the top of a page after a form's redirect (it rides in a short-lived
 * cookie, read once) or on the page a form answered with (something changed meanwhile).
 */
const FLASH_TONES = {
  'dashboard-flash-moved': 'ok',
  'dashboard-flash-refused': 'ok',
  'dashboard-flash-answered': 'ok',
  'dashboard-flash-closed': 'ok',
  'dashboard-flash-already-sent': 'warn',
  'dashboard-postal-stale': 'warn',
  'dashboard-ticket-closed': 'warn',
} as const;
type FlashKey = keyof typeof FLASH_TONES;

const flashSchema = z.object({
  key: z.enum(Object.keys(FLASH_TONES) as [FlashKey, ...FlashKey[]]),
  code: z.string().regex(/^(BD|HT)-[0-9A-Z]{4}$/),
  status: z.enum(POSTAL_STATUSES).optional(),
});
export type Flash = z.infer<typeof flashSchema>;

const COOKIE = 'dvc_flash';
const COOKIE_OPTIONS = { path: '/dashboard', httpOnly: true, sameSite: 'strict' } as const;

export function setFlash(reply: FastifyReply, flash: Flash, secure: boolean): void {
  const value = Buffer.from(JSON.stringify(flash)).toString('base64url');
  reply.setCookie(COOKIE, value, { ...COOKIE_OPTIONS, secure, maxAge: 60 });
}

/** The flash a redirect left, once: it is cleared as it is read. Anything odd in it is ignored. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply, secure: boolean): Flash | undefined {
  const value = request.cookies[COOKIE];
  if (!value) return undefined;
  reply.clearCookie(COOKIE, { ...COOKIE_OPTIONS, secure });
  try {
    const parsed = flashSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The flash as a status line, in the page's language. */
export function flashHtml(labels: ReportLabels, flash: Flash | undefined): string {
  if (!flash) return '';
  const { t, locale } = labels;
  const status = flash.status ? t(locale, `postal-status-${flash.status}`) : '';
  const text = wordsOf(t, locale)(flash.key, { code: flash.code, status });
  return `<p id="flash" class="flash ${FLASH_TONES[flash.key]}" role="status">${text}</p>`;
}

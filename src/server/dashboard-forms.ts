import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ReportLabels } from '../stats/report-labels';
import { type BackLink, problemPage } from './dashboard-html';

export const HTML = 'text/html; charset=utf-8';

/** The largest form body: a 2,000-character answer, percent-encoded (emoji too), with room to spare. */
export const FORM_BODY_LIMIT = 32 * 1024;

/**
 * HTML forms' bodies (application/x-www-form-urlencoded) as a record of strings; each route checks its
 * own with zod. (@fastify/formbody is not installed; URLSearchParams reads the format exactly.)
 */
export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}

/** A random id written into a form when it is shown: the same form sent twice is carried out once. */
export const newFormId = (): string => randomBytes(16).toString('base64url');
export const formIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,43}$/);

/** A staff action, for the log as the staff group's are logged: who, what, which code (no personal data). */
export function audit(request: FastifyRequest, user: string, action: string, detail: string): void {
  request.log.info({ audit: { user, action, outcome: 'done', detail } }, 'privileged action');
}

export const sendPage = (reply: FastifyReply, status: number, html: string): FastifyReply =>
  reply.code(status).type(HTML).send(html);

/** A 400/404 page: what is wrong, and the way back to the list. */
export const sendProblem = (
  reply: FastifyReply,
  status: number,
  labels: ReportLabels,
  message: string,
  back: BackLink,
): FastifyReply => sendPage(reply, status, problemPage(labels.t, labels.locale, message, back));

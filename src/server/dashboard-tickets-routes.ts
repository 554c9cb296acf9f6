import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ticketCodeIn } from '../core/handoff';
import { userKey } from '../core/user';
import { type Flash, setFlash, takeFlash } from './dashboard-flash';
import { audit, formIdSchema, newFormId, sendPage, sendProblem } from './dashboard-forms';
import { type Asked, staffOnly, staffPost } from './dashboard-guard';
import type { BackLink } from './dashboard-html';
import { langQuery, staffCounts } from './dashboard-nav';
import type { DashboardOptions } from './dashboard-options';
import { TICKETS_PATH, ticketsPage } from './dashboard-tickets-page';

/** The most tickets one page shows. */
const LIST_LIMIT = 100;
/** How long a sent answer form's id is remembered (a resend of it after that would send again). */
const FORM_ID_TTL_SECONDS = 86_400;

const paramsSchema = z.object({ code: z.string().max(16) });
const answerSchema = z.object({
  text: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1).max(2000)),
  messageId: formIdSchema,
});

async function sendList(
  reply: FastifyReply,
  status: number,
  o: DashboardOptions,
  asked: Asked,
  flash: Flash | undefined,
): Promise<FastifyReply> {
  const [open, counts] = await Promise.all([o.tickets.listOpen(LIST_LIMIT), staffCounts(o)]);
  const tickets = await Promise.all(
    open.map(async (ticket) => ({ ticket, log: await o.tickets.log(ticket.code), formId: newFormId() })),
  );
  return sendPage(reply, status, ticketsPage({ labels: asked.labels, counts, tickets, flash }));
}

const backOf = (asked: Asked): BackLink => ({
  href: `${TICKETS_PATH}${langQuery(asked.labels.locale)}`,
  label: asked.labels.t(asked.labels.locale, 'dashboard-back-tickets'),
});

/** The open ticket a form names, or undefined with a 404 (unknown) or 409 (closed: the list says so) sent. */
async function openTicketOf(
  request: FastifyRequest,
  reply: FastifyReply,
  o: DashboardOptions,
  asked: Asked,
): Promise<string | undefined> {
  const { t, locale } = asked.labels;
  const params = paramsSchema.safeParse(request.params);
  const named = params.success ? params.data.code.toUpperCase() : '';
  const ticket = ticketCodeIn(named) === named ? await o.tickets.get(named) : undefined;
  if (!ticket) {
    await sendProblem(
      reply,
      404,
      asked.labels,
      t(locale, 'dashboard-ticket-unknown', { code: named }),
      backOf(asked),
    );
    return undefined;
  }
  if (ticket.status === 'open') return ticket.code;
  await sendList(reply, 409, o, asked, { key: 'dashboard-ticket-closed', code: ticket.code });
  return undefined;
}

/** «Hỗ trợ»: GET the open tickets; POST …/:code/tra-loi (text, messageId) and …/:code/ket-thuc. */
export function registerTickets(app: FastifyInstance, o: DashboardOptions): void {
  app.get(TICKETS_PATH, async (request, reply) => {
    const asked = await staffOnly(request, reply, o, 'page');
    if (!asked) return reply;
    return sendList(reply, 200, o, asked, takeFlash(request, reply, o.secureCookies));
  });

  app.post(`${TICKETS_PATH}/:code/tra-loi`, async (request, reply) => {
    const asked = await staffPost(request, reply, o);
    if (!asked) return reply;
    const code = await openTicketOf(request, reply, o, asked);
    if (!code) return reply;
    const { t, locale } = asked.labels;
    const body = answerSchema.safeParse(request.body);
    if (!body.success) {
      const textWrong = body.error.issues.some((issue) => issue.path[0] === 'text');
      const key = textWrong ? 'dashboard-ticket-bad-text' : 'dashboard-ticket-bad-form';
      return sendProblem(reply, 400, asked.labels, t(locale, key), backOf(asked));
    }
    const { text, messageId } = body.data;
    const by = userKey(asked.user);
    // The same form sent twice (a double click, a resend after a slow answer) is carried out once.
    const key = `dash-form:${messageId}`;
    const claim = await o.forms.claim(key, FORM_ID_TTL_SECONDS);
    if (claim.state !== 'claimed') {
      setFlash(reply, { key: 'dashboard-flash-already-sent', code }, o.secureCookies);
      return reply.redirect(backOf(asked).href, 303);
    }
    let sent: boolean;
    try {
      sent = await o.actions.answerTicket(code, text, by, messageId);
    } catch (err) {
      await o.forms.release(key, claim.token);
      throw err;
    }
    if (!sent) {
      await o.forms.release(key, claim.token);
      return sendList(reply, 409, o, asked, { key: 'dashboard-ticket-closed', code });
    }
    await o.forms.confirm(key, FORM_ID_TTL_SECONDS);
    audit(request, by, 'ticket-answer', code);
    setFlash(reply, { key: 'dashboard-flash-answered', code }, o.secureCookies);
    return reply.redirect(backOf(asked).href, 303);
  });

  app.post(`${TICKETS_PATH}/:code/ket-thuc`, async (request, reply) => {
    const asked = await staffPost(request, reply, o);
    if (!asked) return reply;
    const code = await openTicketOf(request, reply, o, asked);
    if (!code) return reply;
    const by = userKey(asked.user);
    if (!(await o.actions.closeTicket(code, by))) {
      return sendList(reply, 409, o, asked, { key: 'dashboard-ticket-closed', code });
    }
    audit(request, by, 'ticket-close', code);
    setFlash(reply, { key: 'dashboard-flash-closed', code }, o.secureCookies);
    return reply.redirect(backOf(asked).href, 303);
  });
}

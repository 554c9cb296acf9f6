import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isFinalStatus, normalizePostalCode, type PostalRequest } from '../core/postal';
import { userKey } from '../core/user';
import { type Flash, setFlash, takeFlash } from './dashboard-flash';
import { audit, sendPage, sendProblem } from './dashboard-forms';
import { type Asked, staffOnly, staffPost } from './dashboard-guard';
import { staffCounts } from './dashboard-nav';
import type { DashboardOptions } from './dashboard-options';
import {
  POSTAL_FILTERS,
  POSTAL_PATH,
  type PostalFilter,
  postalPage,
  postalQuery,
} from './dashboard-postal-page';

/** The most requests one page shows. */
const LIST_LIMIT = 200;

const filterSchema = z.object({ xem: z.enum(POSTAL_FILTERS).catch('dang-xu-ly') });
const paramsSchema = z.object({ code: z.string().max(16) });
const moveSchema = z.object({ to: z.enum(['da-tiep-nhan', 'da-gui-buu-dien', 'da-giao', 'tu-choi']) });
/** what the resident reads: one line, 3–300 characters */
const reasonSchema = z.object({
  reason: z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(3).max(300)),
});

const filterOf = (request: FastifyRequest): PostalFilter => {
  const query = filterSchema.safeParse(request.query);
  return query.success ? query.data.xem : 'dang-xu-ly';
};

/** Open requests, newest first; with «tất cả», the finished ones after them. */
async function requestsFor(o: DashboardOptions, filter: PostalFilter): Promise<PostalRequest[]> {
  const requests = await o.postal.list({ open: filter === 'dang-xu-ly', limit: LIST_LIMIT });
  if (filter === 'dang-xu-ly') return requests;
  return [
    ...requests.filter((r) => !isFinalStatus(r.status)),
    ...requests.filter((r) => isFinalStatus(r.status)),
  ];
}

async function sendList(
  reply: FastifyReply,
  status: number,
  o: DashboardOptions,
  asked: Asked,
  filter: PostalFilter,
  flash: Flash | undefined,
): Promise<FastifyReply> {
  const [requests, counts] = await Promise.all([requestsFor(o, filter), staffCounts(o)]);
  return sendPage(reply, status, postalPage({ labels: asked.labels, counts, filter, requests, flash }));
}

/** «Bưu điện»: GET the list; POST /dashboard/buu-dien/:code `to=<status>` (and `reason` to refuse). */
export function registerPostal(app: FastifyInstance, o: DashboardOptions): void {
  app.get(POSTAL_PATH, async (request, reply) => {
    const asked = await staffOnly(request, reply, o, 'page');
    if (!asked) return reply;
    const flash = takeFlash(request, reply, o.secureCookies);
    return sendList(reply, 200, o, asked, filterOf(request), flash);
  });

  app.post(`${POSTAL_PATH}/:code`, async (request, reply) => {
    const asked = await staffPost(request, reply, o);
    if (!asked) return reply;
    const { t, locale } = asked.labels;
    const filter = filterOf(request);
    const back = {
      href: `${POSTAL_PATH}${postalQuery(filter, locale)}`,
      label: t(locale, 'dashboard-back-postal'),
    };
    const params = paramsSchema.safeParse(request.params);
    const named = params.success ? params.data.code : '';
    const code = normalizePostalCode(named);
    if (!code) {
      return sendProblem(
        reply,
        404,
        asked.labels,
        t(locale, 'dashboard-postal-unknown', { code: named }),
        back,
      );
    }
    const move = moveSchema.safeParse(request.body);
    if (!move.success)
      return sendProblem(reply, 400, asked.labels, t(locale, 'dashboard-postal-bad-status'), back);
    const { to } = move.data;
    let reason: string | undefined;
    if (to === 'tu-choi') {
      const refusal = reasonSchema.safeParse(request.body);
      if (!refusal.success) {
        return sendProblem(reply, 400, asked.labels, t(locale, 'dashboard-postal-bad-reason'), back);
      }
      reason = refusal.data.reason;
    }
    const by = userKey(asked.user);
    const moved = await o.actions.movePostal(code, to, by, reason);
    if (!moved.ok && moved.reason === 'unknown') {
      return sendProblem(reply, 404, asked.labels, t(locale, 'dashboard-postal-unknown', { code }), back);
    }
    if (!moved.ok) {
      // Someone else moved it first: the list as it is now, and why nothing changed.
      const stale: Flash = { key: 'dashboard-postal-stale', code, status: moved.request?.status };
      return sendList(reply, 409, o, asked, filter, stale);
    }
    audit(request, by, 'postal-status', `${code} ${to}`);
    const done: Flash =
      to === 'tu-choi'
        ? { key: 'dashboard-flash-refused', code }
        : { key: 'dashboard-flash-moved', code, status: to };
    setFlash(reply, done, o.secureCookies);
    return reply.redirect(back.href, 303);
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UsageReport } from '../core/usage-report';
import type { UserRef } from '../core/user';
import type { ReportLabels } from '../stats/report-labels';
import { fromOwnPage, staffOf } from './dashboard-auth';
import { howToLogin, problemPage, refusedPage } from './dashboard-html';
import type { DashboardOptions } from './dashboard-options';
import { dashboardQuerySchema, isProblem, localeOf, type Period, periodOf } from './dashboard-period';
import { clientError } from './errors';

/** How a refusal is answered: a page for a navigation, JSON for the page's script. */
export type Answer = 'page' | 'json';

export interface Asked {
  readonly user: UserRef;
  readonly labels: ReportLabels;
}

const HTML = 'text/html; charset=utf-8';

/** The query's language (Vietnamese unless ?lang=en); never fails. */
export function labelsOf(request: FastifyRequest, o: DashboardOptions): ReportLabels {
  const query = dashboardQuerySchema.safeParse(request.query);
  return o.labels(query.success ? localeOf(query.data) : 'vi');
}

/** The staff member of the request, or a 401 already sent (with how to get a new link). */
export async function staffOnly(
  request: FastifyRequest,
  reply: FastifyReply,
  o: DashboardOptions,
  answer: Answer,
): Promise<Asked | undefined> {
  const labels = labelsOf(request, o);
  const user = await staffOf(request, o);
  if (user) return { user, labels };
  const { t, locale } = labels;
  if (answer === 'json') {
    const message = `${t(locale, 'dashboard-refused-session')} ${howToLogin(t, locale)}`;
    await reply.code(401).send(clientError('unauthorized', message));
  } else {
    // Once only: the reload is a same-site navigation, which carries the cookie if there is one.
    const crossSite = request.method === 'GET' && request.headers['sec-fetch-site'] === 'cross-site';
    await reply
      .code(401)
      .type(HTML)
      .send(refusedPage(t, locale, 'session', crossSite));
  }
  return undefined;
}

/**
 * A state-changing request (logout, a form post) must come from the dashboard's own page; otherwise
 * a 403 page is sent and false returned.
 */
export async function ownPageOnly(
  request: FastifyRequest,
  reply: FastifyReply,
  o: DashboardOptions,
): Promise<boolean> {
  if (fromOwnPage(request)) return true;
  const { t, locale } = labelsOf(request, o);
  await reply
    .code(403)
    .type(HTML)
    .send(problemPage(t, locale, t(locale, 'dashboard-bad-origin')));
  return false;
}

/** A staff member's form post: from the dashboard's own page, by someone who is staff now; or refused. */
export async function staffPost(
  request: FastifyRequest,
  reply: FastifyReply,
  o: DashboardOptions,
): Promise<Asked | undefined> {
  if (!(await ownPageOnly(request, reply, o))) return undefined;
  return staffOnly(request, reply, o, 'page');
}

/** The asked period's report for a staff member, or a 401/400 already sent. */
export async function staffReport(
  request: FastifyRequest,
  reply: FastifyReply,
  o: DashboardOptions,
  answer: Answer,
): Promise<(Asked & { report: UsageReport; period: Period }) | undefined> {
  const asked = await staffOnly(request, reply, o, answer);
  if (!asked) return undefined;
  const { t, locale } = asked.labels;
  const query = dashboardQuerySchema.safeParse(request.query);
  const period = query.success ? periodOf(query.data, o.clock.now()) : { key: 'dashboard-bad-date' };
  if (isProblem(period)) {
    const message = t(locale, period.key, period.args);
    if (answer === 'json') await reply.code(400).send(clientError('bad-period', message));
    else
      await reply
        .code(400)
        .type(HTML)
        .send(problemPage(t, locale, message));
    return undefined;
  }
  const report = await o.reports.report(period.from, period.to);
  return { ...asked, report, period };
}

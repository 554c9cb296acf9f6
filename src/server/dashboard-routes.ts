import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isOffice } from '../core/roles';
import { registerDashboardAssets } from './dashboard-assets';
import { clearSessionCookie, isPreviewRobot, sessionIdOf, setSessionCookie } from './dashboard-auth';
import { dashboardData, unansweredRows } from './dashboard-data';
import { registerDownloads } from './dashboard-downloads';
import { registerFormParser } from './dashboard-forms';
import { labelsOf, ownPageOnly, staffOnly, staffReport } from './dashboard-guard';
import { loggedOutPage, previewPage, refusedPage } from './dashboard-html';
import { staffCounts } from './dashboard-nav';
import type { DashboardOptions } from './dashboard-options';
import { dashboardPage } from './dashboard-page';
import { dashboardQuerySchema, isProblem, periodOf, thisMonth, today } from './dashboard-period';
import { registerPostal } from './dashboard-postal-routes';
import { printPage } from './dashboard-print';
import { registerTickets } from './dashboard-tickets-routes';

export type { DashboardOptions } from './dashboard-options';

const HTML = 'text/html; charset=utf-8';
const loginQuerySchema = z.object({ t: z.string().max(100) });

/**
 * The staff dashboard under /dashboard (issue «Dashboard»): login through a one-time link from the
 * bot, a session cookie, the page and its JSON, downloads, a printable view, logout; «Bưu điện» and
 * «Hỗ trợ» (issue «Results by post, and a person…»), whose forms move requests and answer tickets.
 * Nothing behind the login is cached or framed; the role is read on every request, and every form post
 * must come from the dashboard's own page.
 */
export async function registerDashboard(app: FastifyInstance, o: DashboardOptions): Promise<void> {
  registerDashboardAssets(app);
  await app.register(async (scope) => {
    // Plain HTML forms post the logout, the postal moves and the answers; each route checks its body.
    registerFormParser(scope);
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') {
        reply.header(
          'content-security-policy',
          csp.replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'"),
        );
      }
      return payload;
    });
    registerLogin(scope, o);
    registerPages(scope, o);
    registerDownloads(scope, o);
    registerPostal(scope, o);
    registerTickets(scope, o);
  });
}

function registerLogin(app: FastifyInstance, o: DashboardOptions): void {
  app.get('/dashboard/login', async (request, reply) => {
    const { t, locale } = labelsOf(request, o);
    if (isPreviewRobot(request)) return reply.type(HTML).send(previewPage(t, locale));
    const query = loginQuerySchema.safeParse(request.query);
    const user = query.success ? await o.sessions.redeem(query.data.t) : undefined;
    // A link made for someone who is (no longer) staff is refused like a dead one.
    if (!user || !isOffice(await o.roles.of(user))) {
      return reply
        .code(401)
        .type(HTML)
        .send(refusedPage(t, locale, 'link'));
    }
    setSessionCookie(reply, await o.sessions.open(user), o.secureCookies);
    return reply.redirect(locale === 'vi' ? '/dashboard' : `/dashboard?lang=${locale}`, 303);
  });

  app.post('/dashboard/logout', async (request, reply) => {
    if (!(await ownPageOnly(request, reply, o))) return reply;
    const { t, locale } = labelsOf(request, o);
    const id = sessionIdOf(request);
    if (id) await o.sessions.close(id);
    clearSessionCookie(reply, o.secureCookies);
    return reply.type(HTML).send(loggedOutPage(t, locale));
  });
}

function registerPages(app: FastifyInstance, o: DashboardOptions): void {
  app.get('/dashboard', async (request, reply) => {
    const asked = await staffOnly(request, reply, o, 'page');
    if (!asked) return reply;
    // A bad period in the address still shows the page (this month); the picker says what is wrong.
    const query = dashboardQuerySchema.safeParse(request.query);
    const asking = query.success ? periodOf(query.data, o.clock.now()) : undefined;
    const period = asking && !isProblem(asking) ? asking : thisMonth(o.clock.now());
    return reply.type(HTML).send(dashboardPage(asked.labels, period, await staffCounts(o)));
  });

  app.get('/dashboard/api/report', async (request, reply) => {
    const asked = await staffReport(request, reply, o, 'json');
    if (!asked) return reply;
    return reply.send(dashboardData(asked.report, asked.labels, o.nearestTopics, today(o.clock.now())));
  });

  app.get('/dashboard/in', async (request, reply) => {
    const asked = await staffReport(request, reply, o, 'page');
    if (!asked) return reply;
    const rows = unansweredRows(asked.report, asked.labels, o.nearestTopics);
    return reply.type(HTML).send(printPage(asked.report, asked.labels, rows));
  });
}

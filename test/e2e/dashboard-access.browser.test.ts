// Who gets into the staff dashboard, in a real browser: only a staff member with a fresh, unused link;
// every other way in gets a 401 page that says how to get a link, and losing the role ends access at once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UserRef } from '../../src/core/user';
import { keys } from '../../src/storage/redis-keys';
import { launchBrowser, openVisitor, type VisitorPage } from '../helpers/browser';
import { waitForPeriod } from '../helpers/dashboard-browser';
import { linkPath } from '../helpers/dashboard-link';
import { months } from '../helpers/dashboard-seed';
import { startTestServer, type TestServer } from '../helpers/test-server';

const HOW_TO_LOGIN = 'Gửi /dashboard cho Trợ lý DVC trên Telegram hoặc Zalo';

let browser: Browser;
let server: TestServer;
const visitors: VisitorPage[] = [];
let staffCount = 0;
const { thisMonth } = months(Date.now());

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterEach(async () => {
  for (const visitor of visitors.splice(0)) await visitor.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visitor(): Promise<VisitorPage> {
  const v = await openVisitor(browser, { baseURL: server.url });
  visitors.push(v);
  return v;
}

/** A new staff member, granted as in chat. */
async function newStaff(): Promise<UserRef> {
  const user = { channel: 'zalo', id: `staff-${++staffCount}` };
  await server.services.roles.grant(user, { kind: 'staff' });
  return user;
}

const link = async (user: UserRef): Promise<string> => linkPath(await server.services.dashboard.issue(user));
const nonceOf = (path: string): string => new URL(path, server.url).searchParams.get('t')!;

async function logIn(page: Page, user: UserRef): Promise<void> {
  await page.goto(await link(user));
  await waitForPeriod(page, thisMonth);
}

/** A 401 page that says how to get a new link, and no session cookie. */
async function expectRefused(v: VisitorPage, response: { status(): number } | null): Promise<void> {
  expect(response?.status()).toBe(401);
  expect(await v.page.locator('body').textContent()).toContain(HOW_TO_LOGIN);
  await expect(v.page.locator('h1').textContent()).resolves.toBe('Cần đăng nhập');
}

const cookieOf = async (v: VisitorPage) =>
  (await v.context.cookies()).find((c) => c.name === 'dvc_dash')?.value;

describe('who gets into the dashboard', { timeout: 60_000 }, () => {
  it('refuses a visit without a cookie: the page, the API, the downloads and the printable view', async () => {
    const v = await visitor();
    await expectRefused(v, await v.page.goto('/dashboard'));
    for (const path of ['/dashboard/in', '/dashboard/bao-cao.csv', '/dashboard/bao-cao.docx']) {
      await expectRefused(v, await v.page.goto(path));
    }
    const api = await fetch(`${server.url}/dashboard/api/report`);
    expect(api.status).toBe(401);
    expect(((await api.json()) as { message: string }).message).toContain(HOW_TO_LOGIN);
    expect(api.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a forged, an expired and a used link', async () => {
    const staff = await newStaff();
    const forged = await visitor();
    await expectRefused(forged, await forged.page.goto(`/dashboard/login?t=${'A'.repeat(32)}`));
    await expectRefused(forged, await forged.page.goto('/dashboard/login?t=<script>'));
    await expectRefused(forged, await forged.page.goto('/dashboard/login'));
    expect(await cookieOf(forged)).toBeUndefined();

    const expiring = await link(staff);
    const key = keys(server.prefix).dashboardLink(nonceOf(expiring));
    const ttl = await server.redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(15 * 60);
    // What Redis does when the link's time is up.
    await server.redis.pexpire(key, 1);
    await new Promise((r) => setTimeout(r, 20));
    const late = await visitor();
    await expectRefused(late, await late.page.goto(expiring));

    const once = await link(staff);
    const first = await visitor();
    await first.page.goto(once);
    await waitForPeriod(first.page, thisMonth);
    const second = await visitor();
    await expectRefused(second, await second.page.goto(once));
    expect(await cookieOf(second)).toBeUndefined();
  });

  it('gives no way in to a resident or a village team member, even with a link made for them', async () => {
    for (const [user, grant] of [
      [{ channel: 'telegram', id: 'resident-1' }, undefined],
      [
        { channel: 'telegram', id: 'team-1' },
        { kind: 'team', villages: ['thon-1'] },
      ],
    ] as const) {
      if (grant) await server.services.roles.grant(user, { kind: grant.kind, villages: [...grant.villages] });
      const v = await visitor();
      await expectRefused(v, await v.page.goto(await link(user)));
      expect(await cookieOf(v)).toBeUndefined();
    }
  });

  it('ends access at once for a staff member revoked in chat', async () => {
    const staff = await newStaff();
    const v = await visitor();
    await logIn(v.page, staff);
    await server.services.roles.revoke(staff);
    // The next request, even the page's own fetch of another period, is refused.
    await v.page.getByRole('button', { name: 'Tháng trước' }).click();
    await v.page.getByRole('heading', { name: 'Cần đăng nhập' }).waitFor();
    expect(await v.page.locator('body').textContent()).toContain(HOW_TO_LOGIN);
    // Granted again, the old session stays closed: a new link is needed.
    await server.services.roles.grant(staff, { kind: 'staff' });
    await expectRefused(v, await v.page.goto('/dashboard'));
  });

  it('logs out: the session is deleted, the cookie cleared, the page refused after', async () => {
    const staff = await newStaff();
    const v = await visitor();
    await logIn(v.page, staff);
    const session = await cookieOf(v);
    await v.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await v.page.getByRole('heading', { name: 'Đã đăng xuất.' }).waitFor();
    expect(await v.page.locator('body').textContent()).toContain(HOW_TO_LOGIN);
    expect(await cookieOf(v)).toBeUndefined();
    await expectRefused(v, await v.page.goto('/dashboard'));
    const replayed = await fetch(`${server.url}/dashboard/api/report`, {
      headers: { cookie: `dvc_dash=${session}` },
    });
    expect(replayed.status, 'the old session id is dead').toBe(401);
  });

  it('refuses a logout posted from another site, and the session stays', async () => {
    const staff = await newStaff();
    const v = await visitor();
    await logIn(v.page, staff);
    const cookie = `dvc_dash=${await cookieOf(v)}`;
    const forged = await fetch(`${server.url}/dashboard/logout`, {
      method: 'POST',
      headers: {
        cookie,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    expect(forged.status).toBe(403);
    const still = await fetch(`${server.url}/dashboard/api/report`, { headers: { cookie } });
    expect(still.status).toBe(200);
  });

  it('logs in from a link clicked on another site (Telegram Web), though the cookie is SameSite=Strict', async () => {
    const staff = await newStaff();
    const target = `${server.url}${await link(staff)}`.replace('127.0.0.1', 'localhost');
    const site: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><a id="go" href="${target}">Bảng số liệu</a>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const v = await visitor();
      await v.page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      await v.page.locator('#go').click();
      await waitForPeriod(v.page, thisMonth);
    } finally {
      site.closeAllConnections();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    }
  });

  it('lets a chat app preview the link without using it up', async () => {
    const staff = await newStaff();
    const path = await link(staff);
    const preview = await fetch(`${server.url}${path}`, {
      headers: { 'user-agent': 'TelegramBot (like TwitterBot)' },
      redirect: 'manual',
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('set-cookie')).toBeNull();
    const v = await visitor();
    await logIn(v.page, staff);
  });

  it('sends nothing behind the login to a cache or a frame; the page runs only its own scripts', async () => {
    const staff = await newStaff();
    const v = await visitor();
    const response = await v.page.goto(await link(staff));
    const headers = await response!.allHeaders();
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});

describe('the session cookie behind HTTPS', () => {
  it('is Secure, HttpOnly, SameSite=Strict, on /dashboard, for the session time; the login redirects with 303', async () => {
    const secure = await startTestServer({ secureCookies: true });
    try {
      const staff = { channel: 'telegram', id: 'staff-https' };
      await secure.services.roles.grant(staff, { kind: 'staff' });
      const response = await fetch(`${secure.url}${linkPath(await secure.services.dashboard.issue(staff))}`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/dashboard');
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^dvc_dash=[A-Za-z0-9_-]{32};/);
      for (const part of ['Max-Age=28800', 'Path=/dashboard', 'HttpOnly', 'Secure', 'SameSite=Strict']) {
        expect(cookie).toContain(part);
      }
    } finally {
      await secure.close();
    }
  });
});

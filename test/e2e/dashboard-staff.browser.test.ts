// «Bưu điện» and «Hỗ trợ» on the staff dashboard, in a real browser against the real app and Redis: staff
// move postal requests and answer «Gặp cán bộ» tickets; the resident is told through their channel's
// outbox; every form post is checked for the session, the role and the site it came from.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { UserRef } from '../../src/core/user';
import { launchBrowser, type VisitorPage } from '../helpers/browser';
import { scrollWidth, strictVisitors, waitForPeriod } from '../helpers/dashboard-browser';
import { linkPath } from '../helpers/dashboard-link';
import { HOSTILE_QUESTION, months } from '../helpers/dashboard-seed';
import {
  outboxTexts,
  postalRequest,
  postForm,
  ticketRequest,
  vietnamMinute,
} from '../helpers/dashboard-staff';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { startTestServer, type TestServer } from '../helpers/test-server';

const HOW_TO_LOGIN = 'Gửi /dashboard cho Trợ lý DVC trên Telegram hoặc Zalo';
const OUTPUT_DIR = join(import.meta.dirname, '..', '..', 'test-output');
const khaiSinh = (parse(readFileSync('content/topics/khai-sinh.yaml', 'utf8')) as { title: string }).title;

let browser: Browser;
let fake: FakeZalo;
let server: TestServer;
const pages = strictVisitors(
  () => browser,
  () => server.url,
);
const visitor = pages.visitor;
const staff: UserRef = { channel: 'telegram', id: 'staff-post' };
const { thisMonth } = months(Date.now());

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  browser = await launchBrowser();
  fake = await startFakeZalo();
  server = await startTestServer({
    zalo: { apiBase: fake.url, token: fake.token, webhookSecret: 'zalo_webhook_secret_for_tests' },
  });
  await server.services.roles.grant(staff, { kind: 'staff' });
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fake?.close();
});

/** Logs in through a fresh link as the bot sends it; the session cookie, for posts made outside the page. */
async function logIn(v: VisitorPage, user: UserRef = staff): Promise<string> {
  await v.page.goto(linkPath(await server.services.dashboard.issue(user)));
  await waitForPeriod(v.page, thisMonth);
  const session = (await v.context.cookies()).find((c) => c.name === 'dvc_dash');
  return `dvc_dash=${session?.value}`;
}

const article = (page: Page, code: string) => page.locator(`article[data-code="${code}"]`);
const flash = (page: Page) => page.locator('#flash');
const newPostal = async (overrides = {}) =>
  server.services.postal.create(postalRequest(overrides), Date.now());
const newTicket = async (overrides = {}) =>
  (await server.services.handoff.open(ticketRequest(overrides), Date.now())).ticket;

describe('«Bưu điện»: staff move postal requests on', { timeout: 60_000 }, () => {
  it('shows a request with its details and moves it on; the resident is told', async () => {
    const r = await newPostal();
    const v = await visitor();
    await logIn(v);
    const waiting = (await server.services.postal.list({ open: true, limit: 500 })).filter(
      (x) => x.status === 'moi',
    ).length;
    await expect(v.page.locator('[data-badge="postal"]').textContent()).resolves.toBe(String(waiting));
    await v.page.locator('#nav-postal').click();
    await v.page.getByRole('heading', { name: 'Bưu điện', level: 1 }).waitFor();
    const item = article(v.page, r.code);
    const text = await item.textContent();
    for (const shown of [
      r.code,
      'Mới gửi',
      khaiSinh,
      'H23.34-241201-0001',
      'Nguyễn Thị Lan',
      '0912345678',
      'Thôn/làng 2',
      'Số 5, xóm Đình, gần trạm y tế',
      'Zalo',
      vietnamMinute(r.createdAt),
    ]) {
      expect(text).toContain(shown);
    }
    await item.getByRole('button', { name: 'Đã tiếp nhận' }).click();
    await expect(flash(v.page).textContent()).resolves.toBe(
      `Đã chuyển ${r.code} sang "Xã đã tiếp nhận"; bà con đã được báo.`,
    );
    expect(new URL(v.page.url()).pathname).toBe('/dashboard/buu-dien');
    await expect(item.getAttribute('data-status')).resolves.toBe('da-tiep-nhan');
    await expect(item.locator('.history li').count()).resolves.toBe(2);
    await expect(item.getByRole('button', { name: 'Đã gửi bưu điện' }).count()).resolves.toBe(1);
    const told = await outboxTexts(server, 'zalo', r.user.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`${r.code}: xã đã tiếp nhận`);
    expect((await server.services.postal.get(r.code))?.history.at(-1)?.by).toBe('telegram:staff-post');
    // The flash is shown once.
    await v.page.reload();
    await expect(flash(v.page).count()).resolves.toBe(0);
    await v.page.locator('#nav-report').click();
    await waitForPeriod(v.page, thisMonth);
  });

  it('refuses with a reason; without one, or with an unknown status or code, nothing changes', async () => {
    const r = await newPostal();
    const v = await visitor();
    await logIn(v);
    const path = `/dashboard/buu-dien/${r.code}`;
    const noReason = await v.page.request.post(path, {
      form: { to: 'tu-choi', reason: '  ' },
      maxRedirects: 0,
    });
    expect(noReason.status()).toBe(400);
    expect(await noReason.text()).toContain('Từ chối thì cần ghi lý do, từ 3 đến 300 ký tự');
    const badStatus = await v.page.request.post(path, { form: { to: 'da-mat' }, maxRedirects: 0 });
    expect(badStatus.status()).toBe(400);
    expect(await badStatus.text()).toContain('Trạng thái muốn chuyển sang không đúng');
    const unknown = await v.page.request.post('/dashboard/buu-dien/BD-2222', {
      form: { to: 'da-tiep-nhan' },
      maxRedirects: 0,
    });
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain('Không tìm thấy yêu cầu BD-2222');
    expect((await server.services.postal.get(r.code))?.status).toBe('moi');

    await v.page.goto('/dashboard/buu-dien');
    const item = article(v.page, r.code);
    await item.locator('summary').click();
    await item.getByLabel('Lý do từ chối').fill('Hồ sơ chưa đủ giấy tờ, bà con mang bản chính lên xã');
    await item.getByRole('button', { name: 'Từ chối và báo bà con' }).click();
    await expect(flash(v.page).textContent()).resolves.toBe(
      `Đã từ chối ${r.code}; bà con đã được báo kèm lý do.`,
    );
    await expect(item.count()).resolves.toBe(0);
    await v.page.locator('#filter-tat-ca').click();
    await expect(item.getAttribute('data-status')).resolves.toBe('tu-choi');
    await v.page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-postal.png'), fullPage: true });
    expect(await item.textContent()).toContain('lý do: Hồ sơ chưa đủ giấy tờ');
    const told = await outboxTexts(server, 'zalo', r.user.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Lý do: Hồ sơ chưa đủ giấy tờ, bà con mang bản chính lên xã');
  });

  it('says so when someone else moved the request first, and changes nothing', async () => {
    const r = await newPostal();
    const v = await visitor();
    await logIn(v);
    await v.page.goto('/dashboard/buu-dien');
    // Another staff member takes it on while this page is open.
    const first = await v.page.request.post(`/dashboard/buu-dien/${r.code}`, {
      form: { to: 'da-tiep-nhan' },
      maxRedirects: 0,
    });
    expect(first.status()).toBe(303);
    const [response] = await Promise.all([
      v.page.waitForResponse((res) => res.request().method() === 'POST'),
      article(v.page, r.code).getByRole('button', { name: 'Đã tiếp nhận' }).click(),
    ]);
    expect(response.status()).toBe(409);
    await expect(flash(v.page).textContent()).resolves.toContain(
      `${r.code} đã ở trạng thái "Xã đã tiếp nhận" rồi`,
    );
    await expect(article(v.page, r.code).getAttribute('data-status')).resolves.toBe('da-tiep-nhan');
    expect((await server.services.postal.get(r.code))?.history).toHaveLength(2);
    expect(await outboxTexts(server, 'zalo', r.user.id)).toHaveLength(1);
  });
});

describe('«Hỗ trợ»: staff answer and close tickets', { timeout: 60_000 }, () => {
  it('lists an open ticket, sends an answer once, and closes it', async () => {
    const ticket = await newTicket();
    const v = await visitor();
    await logIn(v);
    const open = (await server.services.handoff.listOpen(500)).length;
    await expect(v.page.locator('[data-badge="tickets"]').textContent()).resolves.toBe(String(open));
    await v.page.locator('#nav-tickets').click();
    const item = article(v.page, ticket.code);
    const text = await item.textContent();
    for (const shown of [
      ticket.question,
      'cải chính hộ tịch',
      'Zalo',
      'Thôn/làng 1',
      vietnamMinute(ticket.openedAt),
    ]) {
      expect(text).toContain(shown);
    }
    const answer = 'Bà con mang giấy khai sinh bản chính và CCCD lên xã sáng thứ Hai nhé.';
    const messageId = await item.locator('input[name="messageId"]').inputValue();
    await item.getByLabel('Trả lời bà con').fill(answer);
    await item.getByRole('button', { name: 'Gửi cho bà con' }).click();
    await expect(flash(v.page).textContent()).resolves.toBe(
      `Đã gửi câu trả lời cho bà con (${ticket.code}).`,
    );
    await expect(item.locator('.log li.from-staff').textContent()).resolves.toContain(answer);
    await v.page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-tickets.png'), fullPage: true });
    expect(await outboxTexts(server, 'zalo', ticket.user.id)).toEqual([`👤 Cán bộ xã: ${answer}`]);

    // The same form sent again (a double click, a resend): carried out once.
    const again = await v.page.request.post(`/dashboard/ho-tro/${ticket.code}/tra-loi`, {
      form: { text: answer, messageId },
    });
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain('đã gửi cho bà con rồi');
    expect(await outboxTexts(server, 'zalo', ticket.user.id)).toHaveLength(1);
    const log = await server.services.handoff.log(ticket.code);
    expect(log.filter((e) => e.from === 'staff')).toHaveLength(1);

    await v.page.reload();
    await item.getByRole('button', { name: 'Kết thúc' }).click();
    await expect(flash(v.page).textContent()).resolves.toBe(
      `Đã kết thúc ${ticket.code}; bà con đã được báo.`,
    );
    await expect(item.count()).resolves.toBe(0);
    expect((await server.services.handoff.get(ticket.code))?.status).toBe('closed');
    const told = await outboxTexts(server, 'zalo', ticket.user.id);
    expect(told.at(-1)).toContain(`cán bộ xã đã kết thúc trò chuyện (${ticket.code})`);

    const late = await v.page.request.post(`/dashboard/ho-tro/${ticket.code}/tra-loi`, {
      form: { text: 'Còn một việc nữa', messageId: 'A'.repeat(22) },
    });
    expect(late.status()).toBe(409);
    expect(await late.text()).toContain(`${ticket.code} đã kết thúc rồi`);
    expect(await outboxTexts(server, 'zalo', ticket.user.id)).toHaveLength(2);
    const unknown = await v.page.request.post('/dashboard/ho-tro/HT-2222/ket-thuc', { form: {} });
    expect(unknown.status()).toBe(404);
  });

  it('refuses an empty answer', async () => {
    const ticket = await newTicket();
    const v = await visitor();
    await logIn(v);
    const empty = await v.page.request.post(`/dashboard/ho-tro/${ticket.code}/tra-loi`, {
      form: { text: '   ', messageId: 'B'.repeat(22) },
    });
    expect(empty.status()).toBe(400);
    expect(await empty.text()).toContain('Câu trả lời cần có chữ');
    expect(await outboxTexts(server, 'zalo', ticket.user.id)).toEqual([]);
  });
});

describe('who may use the forms', { timeout: 60_000 }, () => {
  it('refuses the pages and the forms without a staff session (none, a team member, a revoked member)', async () => {
    const r = await newPostal();
    const ticket = await newTicket();
    const v = await visitor();
    for (const path of ['/dashboard/buu-dien', '/dashboard/ho-tro']) {
      const response = await v.page.goto(path);
      expect(response?.status()).toBe(401);
      expect(await v.page.locator('body').textContent()).toContain(HOW_TO_LOGIN);
    }
    const team: UserRef = { channel: 'zalo', id: 'team-post' };
    await server.services.roles.grant(team, { kind: 'team', villages: ['thon-1'] });
    const teamSession = `dvc_dash=${await server.services.dashboard.open(team)}`;
    const revoked: UserRef = { channel: 'telegram', id: 'staff-revoked' };
    await server.services.roles.grant(revoked, { kind: 'staff' });
    const revokedSession = await logIn(v, revoked);
    await server.services.roles.revoke(revoked);
    for (const cookie of ['', teamSession, revokedSession]) {
      const moved = await postForm(server, `/dashboard/buu-dien/${r.code}`, cookie, { to: 'da-tiep-nhan' });
      expect(moved.status).toBe(401);
      expect(await moved.text()).toContain(HOW_TO_LOGIN);
      const answered = await postForm(server, `/dashboard/ho-tro/${ticket.code}/tra-loi`, cookie, {
        text: 'xin chào',
        messageId: 'C'.repeat(22),
      });
      expect(answered.status).toBe(401);
      const closed = await postForm(server, `/dashboard/ho-tro/${ticket.code}/ket-thuc`, cookie, {});
      expect(closed.status).toBe(401);
    }
    expect((await server.services.postal.get(r.code))?.status).toBe('moi');
    expect((await server.services.handoff.get(ticket.code))?.status).toBe('open');
    expect(await server.services.handoff.log(ticket.code)).toHaveLength(1);
  });

  it('refuses a form posted from another site with 403, and nothing changes', async () => {
    const r = await newPostal();
    const ticket = await newTicket();
    const v = await visitor();
    const cookie = await logIn(v);
    const sites: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
    ];
    for (const foreign of sites) {
      const moved = await postForm(
        server,
        `/dashboard/buu-dien/${r.code}`,
        cookie,
        { to: 'da-tiep-nhan' },
        foreign,
      );
      expect(moved.status).toBe(403);
      const answered = await postForm(
        server,
        `/dashboard/ho-tro/${ticket.code}/tra-loi`,
        cookie,
        { text: 'xin chào', messageId: 'D'.repeat(22) },
        foreign,
      );
      expect(answered.status).toBe(403);
      const closed = await postForm(server, `/dashboard/ho-tro/${ticket.code}/ket-thuc`, cookie, {}, foreign);
      expect(closed.status).toBe(403);
      expect(closed.headers.get('cache-control')).toBe('no-store');
    }
    expect((await server.services.postal.get(r.code))?.status).toBe('moi');
    expect((await server.services.handoff.get(ticket.code))?.status).toBe('open');
    expect(await outboxTexts(server, 'zalo', r.user.id)).toEqual([]);
    expect(await outboxTexts(server, 'zalo', ticket.user.id)).toEqual([]);
    // The same post from the page's own site goes through.
    const own = await postForm(
      server,
      `/dashboard/buu-dien/${r.code}`,
      cookie,
      { to: 'da-tiep-nhan' },
      {
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(own.status).toBe(303);
  });
});

describe('residents’ text and a phone’s width', { timeout: 60_000 }, () => {
  it('shows hostile names and questions as text, and fits 360 px without sideways scrolling', async () => {
    const r = await newPostal({
      name: HOSTILE_QUESTION,
      address: '<script>alert(1)</script> xóm Trên, ngõ 123456789012345678901234567890',
    });
    const ticket = await newTicket({ question: `${HOSTILE_QUESTION} ${'rất-dài-'.repeat(20)}` });
    const v = await visitor({ width: 360, height: 740 });
    await logIn(v);
    expect(await scrollWidth(v.page)).toBeLessThanOrEqual(360);
    await v.page.goto('/dashboard/buu-dien');
    const item = article(v.page, r.code);
    expect(await item.textContent()).toContain(HOSTILE_QUESTION);
    expect(await item.textContent()).toContain('<script>alert(1)</script>');
    await expect(v.page.locator('main img, main script').count()).resolves.toBe(0);
    expect(await scrollWidth(v.page)).toBeLessThanOrEqual(360);
    await v.page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-postal-mobile.png'), fullPage: true });
    await v.page.goto('/dashboard/ho-tro');
    expect(await article(v.page, ticket.code).textContent()).toContain(HOSTILE_QUESTION);
    await expect(v.page.locator('main img').count()).resolves.toBe(0);
    expect(await scrollWidth(v.page)).toBeLessThanOrEqual(360);
    await v.page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-tickets-mobile.png'), fullPage: true });
  });

  it('speaks English with ?lang=en, and the forms keep it', async () => {
    const r = await newPostal();
    const v = await visitor();
    await logIn(v);
    await v.page.goto('/dashboard/buu-dien?lang=en');
    await expect(v.page.locator('h1').textContent()).resolves.toBe('Post');
    await article(v.page, r.code).getByRole('button', { name: 'Accepted' }).click();
    await expect(flash(v.page).textContent()).resolves.toBe(
      `${r.code} moved to "Accepted by the commune"; the resident has been told.`,
    );
    expect(new URL(v.page.url()).search).toBe('?lang=en');
    await v.page.locator('#lang-link').click();
    await expect(v.page.locator('h1').textContent()).resolves.toBe('Bưu điện');
  });
});

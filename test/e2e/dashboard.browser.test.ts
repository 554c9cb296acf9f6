// The staff dashboard in a real browser (system Chromium driven by playwright-core), against the real
// app and Redis: login through the bot's one-time link, the figures and charts of a known seed, the
// period picker, downloads, the printable view, a phone's width, and every way in that must be refused.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { UserRef } from '../../src/core/user';
import { villageName } from '../../src/knowledge/placeholders';
import { communeSchema } from '../../src/knowledge/schema';
import { launchBrowser } from '../helpers/browser';
import { parseCsv } from '../helpers/csv';
import {
  cards,
  chartNumbers,
  scrollWidth,
  strictVisitors,
  waitForPeriod,
} from '../helpers/dashboard-browser';
import { linkPath } from '../helpers/dashboard-link';
import {
  HOSTILE_QUESTION,
  months,
  ODD_QUESTION,
  OUTSIDE_QUESTION,
  SEEDED,
  seedUsage,
} from '../helpers/dashboard-seed';
import { startTestServer, type TestServer } from '../helpers/test-server';

const OUTPUT_DIR = join(import.meta.dirname, '..', '..', 'test-output');
const title = (id: string): string =>
  (parse(readFileSync(`content/topics/${id}.yaml`, 'utf8')) as { title: string }).title;
const commune = communeSchema.parse(parse(readFileSync('content/commune.yaml', 'utf8')));

let browser: Browser;
let server: TestServer;
const pages = strictVisitors(
  () => browser,
  () => server.url,
);
const visitor = pages.visitor;
const staff: UserRef = { channel: 'telegram', id: 'staff-1' };
const { thisMonth, lastMonth, year } = months(Date.now());

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  browser = await launchBrowser();
  server = await startTestServer();
  await server.services.roles.grant(staff, { kind: 'staff' });
  await seedUsage(server, Date.now());
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const link = async (user: UserRef = staff): Promise<string> =>
  linkPath(await server.services.dashboard.issue(user));

/** Opens a fresh login link as the bot sends it and waits for this month's figures. */
async function logIn(page: Page, user: UserRef = staff): Promise<void> {
  const response = await page.goto(await link(user));
  expect(new URL(page.url()).pathname).toBe('/dashboard');
  expect(response?.status()).toBe(200);
  await waitForPeriod(page, thisMonth);
}

describe('staff dashboard in a browser', { timeout: 60_000 }, () => {
  it('logs in through the link and shows the seeded figures in the cards and the charts', async () => {
    const { page, context } = await visitor();
    await logIn(page);
    const cookie = (await context.cookies()).find((c) => c.name === 'dvc_dash');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/dashboard', secure: false });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(7.9 * 3600_000);

    const s = SEEDED.thisMonth;
    expect(await cards(page)).toEqual({
      residents: '5',
      messages: '10',
      asked: '8',
      answered: '50%',
      satisfaction: '75%',
      reminders: '2',
      announcements: '1',
      help: '1',
    });
    const activity = await chartNumbers(page, 'activity');
    expect(activity.labels[0]).toBe(thisMonth.from);
    expect(activity.labels.at(-1)).toBe(thisMonth.to);
    const days = activity.labels.length;
    const zeros = (n: number) => Array.from({ length: n }, () => 0);
    expect(activity.datasets).toEqual([
      { label: 'Tin nhắn', data: [...s.messagesPerDay, ...zeros(days - 2)] },
      { label: 'Người dùng', data: [...s.residentsPerDay, ...zeros(days - 2)] },
    ]);
    expect(await chartNumbers(page, 'topics')).toEqual({
      labels: [title('khai-sinh'), title('ket-hon')],
      datasets: [{ label: 'Lượt trả lời', data: [3, 1] }],
    });
    const channels = await chartNumbers(page, 'channels');
    expect(channels.labels).toEqual(['Telegram', 'Zalo', 'Trang web']);
    expect(channels.datasets.map((d) => d.data)).toEqual([s.byChannel.messages, s.byChannel.residents]);
    expect(await chartNumbers(page, 'villages')).toMatchObject({
      labels: Object.keys(s.byVillage).map((v) => villageName(commune, v)),
      datasets: [{ data: Object.values(s.byVillage) }],
    });
    const q = s.questions;
    expect((await chartNumbers(page, 'questions')).datasets[0]!.data).toEqual([
      q.answered,
      q.clarified,
      q.unanswered,
      q.outOfScope,
    ]);
    expect((await chartNumbers(page, 'feedback')).datasets[0]!.data).toEqual([
      s.feedback.up,
      s.feedback.down,
    ]);
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-desktop.png'), fullPage: true });
  });

  it('lists the unanswered questions as text, with the nearest topics beside them', async () => {
    let dialogs = 0;
    const { page } = await visitor();
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await logIn(page);
    const rows = page.locator('#table-unanswered tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    const hostile = rows.filter({ hasText: HOSTILE_QUESTION });
    await expect(hostile.locator('td').first().textContent()).resolves.toBe(HOSTILE_QUESTION);
    await expect(page.locator('#table-unanswered img').count()).resolves.toBe(0);
    const odd = rows.filter({ hasText: ODD_QUESTION });
    await expect(odd.locator('td').nth(1).textContent()).resolves.toBe('1');
    await expect(page.locator('#table-outside tbody').textContent()).resolves.toContain(OUTSIDE_QUESTION);

    const data = await page.evaluate(() => fetch('/dashboard/api/report').then((r) => r.json()));
    const nearest = (data as { unanswered: { text: string; nearest: { title: string }[] }[] }).unanswered;
    expect(nearest.map((u) => u.text).sort()).toEqual([HOSTILE_QUESTION, ODD_QUESTION].sort());
    for (const u of nearest) expect(u.nearest.length).toBeLessThanOrEqual(3);
    const shown = await page.locator('#table-unanswered tbody td:nth-child(3) li').count();
    expect(shown).toBe(nearest.reduce((n, u) => n + u.nearest.length, 0));
    expect(dialogs, 'no script from a resident ran').toBe(0);
  });

  it('changes the period with the quick buttons and the date fields; a bad period is explained', async () => {
    const { page } = await visitor();
    await logIn(page);
    await page.getByRole('button', { name: 'Tháng trước' }).click();
    await waitForPeriod(page, lastMonth);
    expect(await cards(page)).toMatchObject({ messages: '2', residents: '1', asked: '1', answered: '100%' });
    expect(new URL(page.url()).search).toBe(`?from=${lastMonth.from}&to=${lastMonth.to}`);
    await expect(page.locator('#download-docx').getAttribute('href')).resolves.toBe(
      `/dashboard/bao-cao.docx?from=${lastMonth.from}&to=${lastMonth.to}`,
    );

    await page.getByRole('button', { name: 'Năm nay' }).click();
    await waitForPeriod(page, { from: `${year}-01-01`, to: `${year}-12-31` });
    const monthly = await chartNumbers(page, 'activity');
    expect(monthly.labels).toHaveLength(12);
    const inYear = lastMonth.from.startsWith(year);
    const perMonth = monthly.datasets[0]!.data;
    expect(perMonth[Number(thisMonth.from.slice(5, 7)) - 1]).toBe(SEEDED.thisMonth.messages);
    expect(perMonth.reduce((a, b) => a + b, 0)).toBe(SEEDED.thisMonth.messages + (inYear ? 2 : 0));
    await expect(page.locator('#title-activity').textContent()).resolves.toBe(
      'Tin nhắn và người dùng theo tháng',
    );

    await page.locator('#from').fill(thisMonth.to);
    await page.locator('#to').fill(thisMonth.from);
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect(page.locator('#status.error').textContent()).resolves.toBe(
      'Ngày bắt đầu phải trước ngày kết thúc.',
    );
    await page.getByRole('button', { name: 'Tháng này' }).click();
    await waitForPeriod(page, thisMonth);
    expect((await cards(page)).messages).toBe('10');
  });

  it('says so when the figures cannot be fetched, and the page is no longer busy', async () => {
    const { page } = await visitor();
    await logIn(page);
    // the network drops the next request for figures (a phone losing its signal)
    await page.route('**/dashboard/api/report**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Tháng trước' }).click();
    await expect(page.locator('#status.error').textContent()).resolves.toBe(
      'Không tải được số liệu. Thử lại sau ít phút.',
    );
    await page.locator('#dashboard[aria-busy="false"]').waitFor({ state: 'attached' });
    // this month's figures are still shown; with the network back, the next choice loads
    expect((await cards(page)).messages).toBe('10');
    await page.unroute('**/dashboard/api/report**');
    await page.getByRole('button', { name: 'Tháng trước' }).click();
    await waitForPeriod(page, lastMonth);
  });

  it('answers a bad period on the API with 400 and the reason in Vietnamese', async () => {
    const { page } = await visitor();
    await logIn(page);
    const ask = (q: string) =>
      page.evaluate(
        (query) =>
          fetch(`/dashboard/api/report${query}`).then(async (r) => ({
            status: r.status,
            message: ((await r.json()) as { message: string }).message,
          })),
        q,
      );
    await expect(ask('?from=2026-02-30&to=2026-03-01')).resolves.toEqual({
      status: 400,
      message: 'Ngày không đúng: cần dạng năm-tháng-ngày, ví dụ 2026-01-31.',
    });
    await expect(ask('?from=2026-03-01&to=2026-02-01')).resolves.toMatchObject({ status: 400 });
    await expect(ask('?from=2026-03-01')).resolves.toMatchObject({
      status: 400,
      message: 'Cần cả ngày bắt đầu và ngày kết thúc.',
    });
    await expect(ask('?from=2000-01-01&to=2026-01-01')).resolves.toMatchObject({
      status: 400,
      message: expect.stringContaining('Khoảng thời gian dài quá'),
    });
  });

  it('downloads the CSV and it parses (needs the report renderers)', async () => {
    const { page } = await visitor();
    await logIn(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bao-cao-${thisMonth.from}-${thisMonth.to}.csv`);
    expect(await download.failure()).toBeNull();
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows.length).toBeGreaterThan(5);
    const cells = rows.flat();
    expect(cells).toContain(thisMonth.from);
    expect(cells).toContain(String(SEEDED.thisMonth.messages));
  });

  it('downloads the DOCX and it opens as a Word document with the title (needs the report renderers)', async () => {
    const { page } = await visitor();
    await logIn(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-docx').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bao-cao-${thisMonth.from}-${thisMonth.to}.docx`);
    expect(await download.failure()).toBeNull();
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml, 'word/document.xml').toBeDefined();
    const text = [...xml!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('Báo cáo sử dụng Trợ lý DVC');
  });

  it('serves the Markdown download with its type and file name (needs the report renderers)', async () => {
    const { page } = await visitor();
    await logIn(page);
    const response = await page.request.get(
      `/dashboard/bao-cao.md?from=${thisMonth.from}&to=${thisMonth.to}`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers()['content-disposition']).toBe(
      `attachment; filename="bao-cao-${thisMonth.from}-${thisMonth.to}.md"`,
    );
    expect(response.headers()['cache-control']).toBe('no-store');
  });

  it('has a printable view with the tables, resident text escaped', async () => {
    const { page } = await visitor();
    await logIn(page);
    await page.locator('#print-link').click();
    await page.locator('main.print').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard/in');
    const tables = page.locator('main.print table');
    expect(await tables.count()).toBe(8);
    const summary = await tables.first().locator('tbody tr').allTextContents();
    expect(summary).toContain('Tin nhắn10');
    expect(summary).toContain('Tỉ lệ trả lời được50%');
    const body = (await page.locator('main.print').textContent()) ?? '';
    for (const text of [HOSTILE_QUESTION, ODD_QUESTION, OUTSIDE_QUESTION, title('khai-sinh')]) {
      expect(body).toContain(text);
    }
    await expect(page.locator('main.print img').count()).resolves.toBe(0);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#print-now').isVisible()).resolves.toBe(false);
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const { page } = await visitor({ width: 360, height: 740 });
    await logIn(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    const box = await page.locator('#chart-activity').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    expect(box!.width).toBeGreaterThan(250);
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-mobile.png'), fullPage: true });
    await page.goto(`/dashboard/in?from=${thisMonth.from}&to=${thisMonth.to}`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
  });

  it('switches the page words to English with ?lang=en', async () => {
    const { page } = await visitor();
    await logIn(page);
    await page.locator('#lang-link').click();
    await waitForPeriod(page, thisMonth);
    await expect(page.locator('h1').textContent()).resolves.toBe('Trợ lý DVC dashboard');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect((await chartNumbers(page, 'channels')).labels).toEqual(['Telegram', 'Zalo', 'Web chat']);
  });
});

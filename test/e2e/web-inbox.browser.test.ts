// Messages the bot sends later to a web visitor (a staff reply, a postal notice) reach the page in a real
// browser: the page asks GET /api/web/updates while the server says so, and when it opens or comes back.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readVisitorToken, VISITOR_HEADER } from '../../src/channels/web/visitor';
import type { Reply } from '../../src/core/reply';
import { RedisWebInbox } from '../../src/storage/redis-web-inbox';
import { launchBrowser, openVisitor, startCommuneSite, type VisitorPage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

const T = 15_000;
const TEST_TIMEOUT = 60_000;
/** the page asks every 4 s: this is more than two of its intervals */
const QUIET_MS = 9_000;
const FIRST_MENU_BUTTON = 'Hộ tịch (khai sinh, khai tử, kết hôn)';
const STAFF_REPLY: Reply = {
  text: 'Cán bộ Lan: hồ sơ khai sinh của bà con đã đủ, mai mời bà con lên nhận.',
  buttons: [[{ label: 'Về menu chính', payload: 'menu' }]],
};
const POSTAL_NOTICE: Reply = { text: 'Bưu điện đã nhận hồ sơ của bà con (mã BD-1234).' };

type ChatRoot = Pick<Page, 'locator'> | FrameLocator;

let browser: Browser;
let server: TestServer;
let inbox: RedisWebInbox;
let hostSite: { origin: string; close(): Promise<void> };
/** the visitors whose page the server tells to keep asking */
const polling = new Set<string>();
const visitors: VisitorPage[] = [];

async function visible(root: ChatRoot, locator: Locator, what: string): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible', timeout: T });
  } catch (error) {
    const said = await root.locator('#log > *').allTextContents();
    throw new Error(`${what} did not appear within ${T} ms. In the chat:\n${said.join('\n')}`, {
      cause: error,
    });
  }
  return locator;
}

const botSays = (root: ChatRoot, text: string) =>
  visible(root, root.locator('#log .msg.bot').filter({ hasText: text }).last(), `A bot message "${text}"`);
const waitIdle = (root: ChatRoot) =>
  visible(root, root.locator('#log[aria-busy="false"]'), 'The end of the bot’s answer');

async function ask(root: ChatRoot, text: string): Promise<void> {
  await root.locator('#input').fill(text);
  await root.locator('#input').press('Enter');
}

/** Every GET /api/web/updates the page (or its frame) sends, with the visitor token it carried. */
function recordUpdates(page: Page): { token: string }[] {
  const sent: { token: string }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/web/updates') && request.method() === 'GET') {
      sent.push({ token: request.headers()[VISITOR_HEADER] ?? '' });
    }
  });
  return sent;
}

/** The visitor id of the token the chat got in its last answer (header X-Visitor-Token). */
function recordVisitor(page: Page): () => string {
  let token = '';
  page.on('response', (response) => {
    if (response.url().endsWith('/api/web/messages')) token = response.headers()[VISITOR_HEADER] ?? token;
  });
  return () => readVisitorToken(server.cookieSecret, token, Date.now()) ?? '';
}

async function newVisitor(): Promise<VisitorPage> {
  const visitor = await openVisitor(browser, { baseURL: server.url, viewport: { width: 1280, height: 900 } });
  visitors.push(visitor);
  return visitor;
}

async function openChat(page: Page): Promise<void> {
  await page.goto('/');
  await botSays(page, 'Xin chào bà con');
  await waitIdle(page);
}

/** Makes the tab look hidden or visible to the page, as switching tabs does. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    // Runs in the page; typed without the DOM library, which the tests do not load.
    const doc = (globalThis as { document?: EventTarget }).document;
    if (!doc) return;
    Object.defineProperty(doc, 'visibilityState', {
      configurable: true,
      get: () => (h ? 'hidden' : 'visible'),
    });
    doc.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  let botUrl = '';
  hostSite = await startCommuneSite(() => botUrl, 'localhost');
  browser = await launchBrowser();
  server = await startTestServer({
    allowedOrigins: [hostSite.origin],
    keepPolling: async (id) => polling.has(id),
  });
  botUrl = server.url;
  inbox = new RedisWebInbox(server.redis, server.prefix);
});

afterEach(async () => {
  polling.clear();
  for (const visitor of visitors.splice(0)) {
    const errors = [...visitor.pageErrors];
    await visitor.close();
    expect(errors, 'uncaught JavaScript errors on the page').toEqual([]);
  }
});

afterAll(async () => {
  await browser?.close();
  await hostSite?.close();
  await server?.close();
});

describe('messages sent later, in the web chat', { timeout: TEST_TIMEOUT }, () => {
  it('shows a staff reply without the visitor doing anything, then stops asking when told', async () => {
    const { page } = await newVisitor();
    const asked = recordUpdates(page);
    const visitorId = recordVisitor(page);
    await openChat(page);
    expect(asked, 'a new visitor’s page does not ask for updates').toEqual([]);

    polling.add(visitorId());
    await ask(page, 'gặp cán bộ');
    await waitIdle(page);
    await inbox.push(visitorId(), STAFF_REPLY, 'handoff-1');
    const reply = await botSays(page, 'Cán bộ Lan');
    // In the log, which screen readers announce (a polite live region), like every answer.
    expect(await reply.evaluate((el) => el.closest('#log')?.getAttribute('aria-live'))).toBe('polite');
    const menus = await page.locator('#log .reply-button', { hasText: FIRST_MENU_BUTTON }).count();
    await page.locator('#log .reply-button', { hasText: 'Về menu chính' }).click();
    await visible(
      page,
      page.locator('#log .reply-button', { hasText: FIRST_MENU_BUTTON }).nth(menus),
      'The menu after the staff reply’s button',
    );

    // The conversation with staff is over: the next answer says so, and the page stops asking.
    polling.delete(visitorId());
    await page.waitForResponse(
      async (r) => r.url().endsWith('/api/web/updates') && (await r.json()).poll === false,
      { timeout: T },
    );
    const count = asked.length;
    await sleep(QUIET_MS);
    expect(asked.length, 'requests after poll: false').toBe(count);
  });

  it('asks only while the tab is visible, and at once when it comes back', async () => {
    const { page } = await newVisitor();
    const asked = recordUpdates(page);
    const visitorId = recordVisitor(page);
    await openChat(page);
    polling.add(visitorId());
    await ask(page, 'gặp cán bộ');
    await page.waitForRequest((r) => r.url().endsWith('/api/web/updates'), { timeout: T });

    await setHidden(page, true);
    await sleep(500);
    const count = asked.length;
    await inbox.push(visitorId(), STAFF_REPLY, 'handoff-2');
    await sleep(QUIET_MS);
    expect(asked.length, 'requests while hidden').toBe(count);
    expect(await page.locator('#log .msg.bot', { hasText: 'Cán bộ Lan' }).count()).toBe(0);

    await setHidden(page, false);
    await botSays(page, 'Cán bộ Lan');
  });

  it('asks less often while the server cannot answer, and shows the reply once it can', async () => {
    const { page } = await newVisitor();
    const visitorId = recordVisitor(page);
    await openChat(page);
    const times: number[] = [];
    let down = true;
    await page.route('**/api/web/updates', async (route) => {
      times.push(Date.now());
      if (!down) return route.continue();
      return route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
        body: JSON.stringify({ error: 'unavailable', message: 'Hệ thống đang bận một chút.' }),
      });
    });
    polling.add(visitorId());
    const posted = Date.now();
    await ask(page, 'gặp cán bộ');
    await inbox.push(visitorId(), STAFF_REPLY, 'handoff-4');
    await expect.poll(() => times.length, { timeout: T, interval: 200 }).toBeGreaterThanOrEqual(2);
    const [first = 0, second = 0] = times;
    expect(first - posted, 'the first request after the usual 4 s').toBeLessThan(6_000);
    expect(second - first, 'the next one after twice as long').toBeGreaterThan(7_000);
    expect(await page.locator('#log .msg.error').count(), 'no error shown for a background request').toBe(0);
    down = false;
    await setHidden(page, false);
    await botSays(page, 'Cán bộ Lan');
  });

  it('shows a notice that came while no page was asking when the page is opened again', async () => {
    const { page } = await newVisitor();
    const asked = recordUpdates(page);
    const visitorId = recordVisitor(page);
    await openChat(page);
    await ask(page, 'làm giấy khai sinh');
    await waitIdle(page);
    await inbox.push(visitorId(), POSTAL_NOTICE, 'postal-BD-1234-sent');
    await sleep(QUIET_MS);
    expect(asked, 'no request while the server does not ask for them').toEqual([]);

    await page.reload();
    await botSays(page, 'Bưu điện đã nhận hồ sơ');
    const said = await page.locator('#log .msg.bot').allTextContents();
    expect(said.findIndex((t) => t.includes('Bưu điện'))).toBeGreaterThan(
      said.findIndex((t) => t.includes('Xin chào bà con')),
    );
    expect(asked.length).toBe(1);
    expect(await inbox.take(visitorId()), 'the notice was taken').toEqual([]);
  });

  it('reaches the chat in the widget on another site, by the token the frame keeps', async () => {
    const { page } = await newVisitor();
    const asked = recordUpdates(page);
    const visitorId = recordVisitor(page);
    await page.goto(`${hostSite.origin}/`);
    await page.getByRole('button', { name: 'Hỏi đáp thủ tục' }).click();
    const frame = page.frameLocator('iframe[title="Trợ lý thủ tục hành chính"]');
    await botSays(frame, 'Xin chào bà con');
    await waitIdle(frame);

    polling.add(visitorId());
    await ask(frame, 'gặp cán bộ');
    await waitIdle(frame);
    await inbox.push(visitorId(), STAFF_REPLY, 'handoff-3');
    await botSays(frame, 'Cán bộ Lan');
    expect(asked.length).toBeGreaterThan(0);
    expect(readVisitorToken(server.cookieSecret, asked[0]?.token, Date.now())).toBe(visitorId());
  });
});

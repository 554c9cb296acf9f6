import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openVisitor, startCommuneSite, type VisitorPage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

const T = 15_000;
const TEST_TIMEOUT = 60_000;
const FRAME = 'iframe[title="Trợ lý thủ tục hành chính"]';
const VILLAGE_1 = /^Thôn\/làng 1\b/;

/** Ask Chromium to block third-party cookies (it does by default in recent versions; this makes sure). */
const BLOCK_THIRD_PARTY_COOKIES = ['--test-third-party-cookie-phaseout'];
/**
 * Playwright turns storage partitioning off with its own --disable-features list, and Chromium keeps only
 * the last --disable-features switch: this one replaces that list (keeping plain HTTP on HTTP), so the
 * frame gets localStorage of its own, as in Chrome, Firefox and Safari today.
 */
const PARTITIONED_STORAGE = ['--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable'];

/** What the resident reads in the frame, for failure messages. */
async function transcript(frame: FrameLocator): Promise<string> {
  const lines = await frame
    .locator('#log > *')
    .evaluateAll((els) => els.map((el) => String(el.textContent ?? '').replace(/\s+/g, ' ')));
  return lines.join('\n') || '(nothing in the log)';
}

async function visible(frame: FrameLocator, locator: Locator, what: string): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible', timeout: T });
  } catch (error) {
    throw new Error(`${what} did not appear within ${T} ms. In the chat:\n${await transcript(frame)}`, {
      cause: error,
    });
  }
  return locator;
}

const botSays = (frame: FrameLocator, text: string | RegExp) =>
  visible(frame, frame.locator('#log .msg.bot').filter({ hasText: text }).last(), `A bot message ${text}`);
const replyButton = (frame: FrameLocator, label: string | RegExp) =>
  visible(
    frame,
    frame.locator('#log .reply-button').filter({ hasText: label }).last(),
    `The button ${label}`,
  );
const waitIdle = (frame: FrameLocator) =>
  visible(frame, frame.locator('#log[aria-busy="false"]'), 'The end of the bot’s answer');

/** Opens the launcher on the host page and returns the chat frame once the bot has greeted. */
async function openChat(page: Page, hostOrigin: string): Promise<FrameLocator> {
  await page.goto(`${hostOrigin}/`);
  const launcher = page.getByRole('button', { name: 'Hỏi đáp thủ tục' });
  await launcher.waitFor({ state: 'visible', timeout: T });
  await launcher.click();
  const frame = page.frameLocator(FRAME);
  await botSays(frame, 'Xin chào bà con');
  await waitIdle(frame);
  return frame;
}

/** The X-Visitor-Token header of each chat message the page sent ('' when none). */
function recordTokens(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/web/messages') && request.method() === 'POST') {
      sent.push(request.headers()['x-visitor-token'] ?? '');
    }
  });
  return sent;
}

let bot: TestServer;
let hostSite: { origin: string; close(): Promise<void> };
const browsers: Browser[] = [];
const visitors: VisitorPage[] = [];

async function visitorIn(extraArgs: string[]): Promise<VisitorPage> {
  const browser = await launchBrowser(extraArgs);
  browsers.push(browser);
  const visitor = await openVisitor(browser, { viewport: { width: 1280, height: 900 } });
  visitors.push(visitor);
  // Also through DevTools (applies to pages loaded afterwards: the host page is not loaded yet).
  const cdp = await visitor.context.newCDPSession(visitor.page);
  await cdp.send('Network.setCookieControls', { enableThirdPartyCookieRestriction: true });
  return visitor;
}

/** Web residents the bot keeps anything of: a profile, or only a session (a visitor who chose no village). */
async function webVisitors(): Promise<number> {
  const found = [
    ...(await bot.redis.keys(`${bot.prefix}user:web:*`)),
    ...(await bot.redis.keys(`${bot.prefix}session:web:*`)),
  ];
  return new Set(found.map((key) => key.slice(key.indexOf('web:')))).size;
}

beforeAll(async () => {
  let botUrl = '';
  hostSite = await startCommuneSite(() => botUrl, 'localhost');
  bot = await startTestServer({ allowedOrigins: [hostSite.origin] });
  botUrl = bot.url;
  expect(new URL(hostSite.origin).hostname).toBe('localhost');
  expect(new URL(bot.url).hostname).toBe('127.0.0.1');
});

afterEach(async () => {
  for (const visitor of visitors.splice(0)) {
    const errors = [...visitor.pageErrors];
    await visitor.close();
    expect(errors, 'uncaught JavaScript errors on the page').toEqual([]);
  }
  for (const browser of browsers.splice(0)) await browser.close();
  // Each test counts the visitors the bot saw from zero.
  const keys = await bot.redis.keys(`${bot.prefix}*`);
  if (keys.length > 0) await bot.redis.del(...keys);
});

afterAll(async () => {
  for (const browser of browsers.splice(0)) await browser.close().catch(() => {});
  await hostSite?.close();
  await bot?.close();
});

describe('the widget embedded on another site, without third-party cookies', {
  timeout: TEST_TIMEOUT,
}, () => {
  it('holds a conversation as one visitor through the token kept in memory', async () => {
    // Third-party cookies blocked and (Playwright's default) no storage partitioning: the frame may not
    // use localStorage either, so the page keeps the token in memory.
    const { context, page } = await visitorIn(BLOCK_THIRD_PARTY_COOKIES);
    const sent = recordTokens(page);
    const frame = await openChat(page, hostSite.origin);
    // No village question: the first typed question is answered at once.
    expect((await frame.locator('#log .msg.bot').allTextContents()).join('\n')).not.toMatch(
      /thôn\/làng nào/i,
    );

    await frame.locator('#input').fill('làm giấy khai sinh');
    await frame.locator('#input').press('Enter');
    await botSays(frame, /^Đăng ký khai sinh/);
    await waitIdle(frame);
    await (await replyButton(frame, 'Giấy tờ cần có')).click();
    await botSays(frame, 'Đăng ký khai sinh — Giấy tờ cần có');
    await waitIdle(frame);

    expect(await context.cookies(), 'the browser kept no cookie for the chat').toEqual([]);
    expect(sent.length).toBe(3);
    expect(sent[0], 'the first message has no token yet').toBe('');
    const token = sent[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]+$/);
    expect(sent.slice(1), 'later messages carry the same token').toEqual([token, token]);
    expect(await webVisitors(), 'visitors the bot saw').toBe(1);
  });

  it('remembers the visitor across page loads when the frame has (partitioned) storage', async () => {
    const { context, page } = await visitorIn([...BLOCK_THIRD_PARTY_COOKIES, ...PARTITIONED_STORAGE]);
    const sent = recordTokens(page);
    let frame = await openChat(page, hostSite.origin);
    // The village, chosen from the menu (the chat does not ask it up front).
    await (await replyButton(frame, 'Đổi thôn/làng')).click();
    await (await replyButton(frame, VILLAGE_1)).click();
    await botSays(frame, 'Thôn/làng 1');
    await waitIdle(frame);
    expect(await context.cookies(), 'the browser kept no cookie for the chat').toEqual([]);
    expect(await bot.redis.keys(`${bot.prefix}user:web:*`), 'the resident with a village').toHaveLength(1);

    // A later visit to the commune's page: the chat knows the resident and their village.
    frame = await openChat(page, hostSite.origin);
    const said = (await frame.locator('#log .msg.bot').allTextContents()).join('\n');
    expect(said).not.toMatch(/thôn\/làng nào/i);
    expect(sent.length).toBe(4);
    expect(sent[3], 'the reopened chat sends the stored token').toBe(sent[1]);
    expect(await webVisitors(), 'visitors the bot saw').toBe(1);
  });
});

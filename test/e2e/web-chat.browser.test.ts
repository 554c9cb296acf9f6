// End-to-end tests of the web chat in a real browser (system Chromium driven by playwright-core),
// against the real app and Redis. Each test is a new visitor (a fresh browser context).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openVisitor, startCommuneSite, type VisitorPage } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** generous wait for anything the resident should see */
const T = 15_000;
const TEST_TIMEOUT = 60_000;
const OUTPUT_DIR = join(import.meta.dirname, '..', '..', 'test-output');

const VILLAGE_1 = /^Thôn\/làng 1\b/;
const ASKS_VILLAGE = /thôn\/làng nào/i;
const PRIVACY_NOTE = 'Tôi chỉ lưu';
const FIRST_MENU_BUTTON = 'Hộ tịch (khai sinh, khai tử, kết hôn)';
const QUESTION = 'lam giay khai sinh cho con';

/** The page itself or the chat inside the widget's iframe. */
type ChatRoot = Pick<Page, 'locator'> | FrameLocator;

/** What a resident reads in the log, in order: "bot: …", "me: …", "[buttons] …". */
async function transcript(root: ChatRoot): Promise<string> {
  const lines = await root.locator('#log > *').evaluateAll((els) =>
    els.map((el): string => {
      const text = String(el.textContent ?? '').replace(/\s+/g, ' ');
      if (el.classList.contains('reply-buttons')) {
        const labels = Array.from(
          el.querySelectorAll('button'),
          (b: { textContent: string }) => b.textContent,
        );
        return `  [buttons] ${labels.join(' | ')}`;
      }
      return `${el.classList.contains('me') ? 'me' : 'bot'}: ${text}`;
    }),
  );
  return lines.join('\n') || '(nothing in the log)';
}

/** Waits for a visible element; on timeout fails with what the resident saw instead. */
async function expectVisible(root: ChatRoot, locator: Locator, what: string): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible', timeout: T });
  } catch (error) {
    throw new Error(
      `${what} did not appear within ${T} ms. The conversation so far:\n${await transcript(root)}`,
      {
        cause: error,
      },
    );
  }
  return locator;
}

/** The latest bot message containing text. */
function botSays(root: ChatRoot, text: string | RegExp): Promise<Locator> {
  return expectVisible(
    root,
    root.locator('#log .msg.bot').filter({ hasText: text }).last(),
    `A bot message with ${String(text)}`,
  );
}

/** The latest reply button with exactly this label (or matching the pattern). */
function replyButton(root: ChatRoot, label: string | RegExp): Promise<Locator> {
  const button =
    typeof label === 'string'
      ? root.locator('#log .reply-button').getByText(label, { exact: true })
      : root.locator('#log .reply-button').filter({ hasText: label });
  return expectVisible(root, button.last(), `The button "${String(label)}"`);
}

/** Waits until no request is in flight (the "đang trả lời…" line is gone). */
async function waitIdle(root: ChatRoot): Promise<void> {
  await expectVisible(root, root.locator('#log[aria-busy="false"]'), 'The end of the bot’s answer');
}

/**
 * Opening the page: greeting, privacy note and main menu, with no village question (the web chat cannot
 * message a resident later, so the village is not asked up front); returns when the bot is ready.
 */
async function openChat(page: Page): Promise<void> {
  await page.goto('/');
  await botSays(page, 'Xin chào bà con');
  await botSays(page, PRIVACY_NOTE);
  await replyButton(page, FIRST_MENU_BUTTON);
  await waitIdle(page);
  const said = (await page.locator('#log .msg.bot').allTextContents()).join('\n');
  expect(said, 'the page does not open with the village question').not.toMatch(ASKS_VILLAGE);
  expect(await page.locator('#log .msg.me').count(), 'the resident has said nothing yet').toBe(0);
}

/** Types into the text box and presses Enter, like a resident. */
async function ask(page: Page, text: string): Promise<void> {
  await page.locator('#input').fill(text);
  await page.locator('#input').press('Enter');
}

let browser: Browser;
let server: TestServer;
const visitors: VisitorPage[] = [];
const cleanups: (() => Promise<void>)[] = [];

async function newVisitor(options: Parameters<typeof openVisitor>[1] = {}): Promise<VisitorPage> {
  const visitor = await openVisitor(browser, {
    baseURL: server.url,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  visitors.push(visitor);
  return visitor;
}

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  browser = await launchBrowser();
  server = await startTestServer();
});

afterEach(async () => {
  for (const visitor of visitors.splice(0)) {
    const errors = [...visitor.pageErrors];
    await visitor.close();
    expect(errors, 'uncaught JavaScript errors on the page').toEqual([]);
  }
});

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('web chat in a browser', { timeout: TEST_TIMEOUT }, () => {
  it('answers a question on a desktop: greeting without a form, answer, section, feedback', async () => {
    const { page } = await newVisitor();
    await page.goto('/');
    await botSays(page, 'Xin chào bà con');
    await botSays(page, PRIVACY_NOTE);
    await replyButton(page, FIRST_MENU_BUTTON);
    await waitIdle(page);
    expect(
      (await page.locator('#log .msg.bot').allTextContents()).join('\n'),
      'no village question when the page opens',
    ).not.toMatch(ASKS_VILLAGE);

    await ask(page, QUESTION);
    await expectVisible(
      page,
      page.locator('#log .msg.me').filter({ hasText: QUESTION }),
      'The resident’s own question in the log',
    );
    expect(await page.locator('#input').inputValue(), 'the text box is emptied after sending').toBe('');
    await botSays(page, /^Đăng ký khai sinh/);
    const answerButtons = page.locator('#log .reply-buttons').last();
    for (const label of ['Giấy tờ cần có', 'Lệ phí', '👍 Có ích', '👎 Chưa rõ', 'Quay lại', 'Menu chính']) {
      await expectVisible(
        page,
        answerButtons.getByRole('button', { name: label, exact: true }),
        `The button "${label}" under the answer`,
      );
    }
    await waitIdle(page);

    await (await replyButton(page, 'Giấy tờ cần có')).click();
    await botSays(page, 'Đăng ký khai sinh — Giấy tờ cần có');
    await waitIdle(page);

    await (await replyButton(page, '👍 Có ích')).click();
    await botSays(page, 'Cảm ơn bà con đã cho biết!');
    await waitIdle(page);

    await page.screenshot({ path: join(OUTPUT_DIR, 'web-chat-desktop.png'), fullPage: true });
  });

  it('fits a 360 px phone: no sideways scrolling, big reply buttons, composer on screen', async () => {
    const width = 360;
    const height = 740;
    const { page } = await newVisitor({
      viewport: { width, height },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await openChat(page);
    await (await replyButton(page, FIRST_MENU_BUTTON)).tap();
    await replyButton(page, 'Đăng ký khai sinh');
    await waitIdle(page);
    await ask(page, QUESTION);
    await botSays(page, /^Đăng ký khai sinh/);
    await replyButton(page, 'Giấy tờ cần có');
    await waitIdle(page);

    const scroll = await page
      .locator('html')
      .evaluate((html) => ({ scrollWidth: html.ownerDocument.scrollingElement.scrollWidth as number }));
    expect(scroll.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(width);

    const buttons: { label: string; left: number; right: number; height: number }[] = await page
      .locator('#log .reply-button')
      .evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { label: el.textContent, left: r.left, right: r.right, height: r.height };
        }),
      );
    expect(buttons.length).toBeGreaterThan(5);
    const tooSmall = buttons.filter((b) => b.height < 44);
    expect(tooSmall, 'reply buttons shorter than 44 px').toEqual([]);
    const cutOff = buttons.filter((b) => b.left < 0 || b.right > width);
    expect(cutOff, 'reply buttons sticking out of the screen').toEqual([]);

    for (const selector of ['#input', '#send']) {
      const control = page.locator(selector);
      expect(await control.isVisible(), `${selector} is visible`).toBe(true);
      const box = await control.boundingBox();
      expect(box, `${selector} has a box`).not.toBeNull();
      if (!box) continue;
      expect(box.x, `${selector} left edge`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${selector} right edge`).toBeLessThanOrEqual(width);
      expect(box.y, `${selector} top edge`).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `${selector} bottom edge`).toBeLessThanOrEqual(height);
      expect(box.height, `${selector} height`).toBeGreaterThanOrEqual(44);
    }

    await page.screenshot({ path: join(OUTPUT_DIR, 'web-chat-360.png'), fullPage: true });
  });

  it('a first typed question is answered at once; the village can be chosen later from the menu', async () => {
    const { page } = await newVisitor();
    await openChat(page);
    await ask(page, QUESTION);
    await botSays(page, /^Đăng ký khai sinh/);
    await waitIdle(page);
    expect((await page.locator('#log .msg.bot').allTextContents()).join('\n')).not.toMatch(ASKS_VILLAGE);

    await (await replyButton(page, 'Menu chính')).click();
    await (await replyButton(page, 'Đổi thôn/làng')).click();
    await botSays(page, ASKS_VILLAGE);
    await (await replyButton(page, VILLAGE_1)).click();
    await botSays(page, 'Thôn/làng 1');
    await waitIdle(page);
    const meTexts = await page.locator('#log .msg.me').allTextContents();
    expect(meTexts.at(-1), 'the pressed village shows as the resident’s message').toMatch(VILLAGE_1);
  });

  it('a reminder on the web chat ends with a calendar file the phone can open', async () => {
    const { page } = await newVisitor();
    await openChat(page);
    await ask(page, 'nhắc tôi thứ 6 8h lên xã nộp hồ sơ');
    await botSays(page, 'Đúng không ạ?');
    await (await replyButton(page, '✅ Đúng, đặt nhắc')).click();
    await botSays(page, 'không tự nhắn lại');
    const link = await expectVisible(
      page,
      page.locator('#log a.reply-link').filter({ hasText: 'Thêm vào lịch điện thoại' }).last(),
      'The calendar link',
    );
    expect(await link.getAttribute('download')).not.toBeNull();
    const href = (await link.evaluate((a) => (a as unknown as { href: string }).href)) as string;
    expect(href.startsWith(`${server.url}/lich.ics?d=`)).toBe(true);
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(await file.text()).toMatch(/DTSTART;TZID=Asia\/Ho_Chi_Minh:\d{8}T080000/);
  });

  it('a village QR link greets the resident of that village without asking', async () => {
    const { page } = await newVisitor();
    await page.goto('/?thon=thon-3');
    await botSays(page, 'Thôn/làng 3');
    await waitIdle(page);
    const said = (await page.locator('#log .msg.bot').allTextContents()).join('\n');
    expect(said).toContain('Thôn/làng 3');
    expect(said).not.toMatch(ASKS_VILLAGE);
    expect(
      await page
        .locator('#log .reply-button')
        .filter({ hasText: /^\d+\. Thôn\/làng/ })
        .count(),
      'village choice buttons',
    ).toBe(0);
  });

  it(
    'switches the page’s own words to English when the resident chooses English',
    async () => {
      const { page } = await newVisitor();
      await page.goto('/?thon=thon-1');
      await botSays(page, 'Thôn/làng 1');
      await waitIdle(page);
      expect(await page.locator('#input').getAttribute('placeholder')).toContain('ví dụ');
      await ask(page, 'english');
      await botSays(page, /English/);
      await waitIdle(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('#input').getAttribute('placeholder')).toBe(
        'Type a question, e.g. birth registration',
      );
      expect(await page.locator('#send').textContent()).toBe('Send');
      await ask(page, 'birth registration');
      await botSays(page, /^Birth registration/);
    },
    TEST_TIMEOUT,
  );

  it('shows typed HTML and script as plain text and never runs it', async () => {
    const { context, page } = await newVisitor();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    // Records any write to window.__pwned, and any inline code the CSP had to block.
    await context.addInitScript(() => {
      const g = globalThis as unknown as Record<string, unknown> & {
        addEventListener(type: string, listener: (event: { violatedDirective: string }) => void): void;
      };
      const writes: unknown[] = [];
      const violations: string[] = [];
      Object.defineProperty(g, '__pwnedWrites', { value: writes });
      Object.defineProperty(g, '__cspViolations', { value: violations });
      Object.defineProperty(g, '__pwned', {
        configurable: true,
        get: () => (writes.length > 0 ? writes.at(-1) : undefined),
        set: (value: unknown) => {
          writes.push(value);
        },
      });
      g.addEventListener('securitypolicyviolation', (event) => {
        violations.push(event.violatedDirective);
      });
    });

    await openChat(page);
    const attack =
      '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(1)"> <b>đậm</b>';
    const botCount = await page.locator('#log .msg.bot').count();
    await ask(page, attack);
    const mine = page.locator('#log .msg.me').last();
    await expectVisible(page, mine.filter({ hasText: '<script>' }), 'The typed text with "<script>"');
    expect(await mine.textContent()).toBe(attack);
    expect(await mine.textContent()).toContain('<script>');
    await expectVisible(page, page.locator('#log .msg.bot').nth(botCount), 'A bot reply to the typed HTML');
    await waitIdle(page);
    await page.waitForTimeout(300); // time for a (wrongly) created <img> to fail loading

    expect(await page.locator('#log img').count(), '<img> elements in the log').toBe(0);
    expect(await page.locator('#log b').count(), '<b> elements in the log').toBe(0);
    expect(await page.locator('#log script').count(), '<script> elements in the log').toBe(0);

    // The bot may repeat the question in its answer: still text only.
    await ask(page, '<b>khai sinh</b>');
    await expectVisible(
      page,
      page.locator('#log .msg.me').last().filter({ hasText: '<b>khai sinh</b>' }),
      'The typed "<b>khai sinh</b>" as text',
    );
    await expectVisible(
      page,
      page.locator('#log .msg.bot').nth(botCount + 1),
      'A bot reply to "<b>khai sinh</b>"',
    );
    await waitIdle(page);
    expect(await page.locator('#log b').count(), '<b> elements in the log after the bot replied').toBe(0);
    expect(await page.locator('#log img').count()).toBe(0);

    const trap = await page.evaluate(() => {
      const g = globalThis as unknown as {
        __pwned: unknown;
        __pwnedWrites: unknown[];
        __cspViolations: string[];
      };
      return { pwned: g.__pwned, writes: [...g.__pwnedWrites], violations: [...g.__cspViolations] };
    });
    expect(trap.pwned, 'window.__pwned').toBeUndefined();
    expect(trap.writes, 'writes to window.__pwned').toEqual([]);
    expect(trap.violations, 'inline code blocked by the CSP (the page tried to run it)').toEqual([]);
    expect(dialogs, 'dialogs opened').toEqual([]);
  });

  it('works with the keyboard only', async () => {
    const { page } = await newVisitor();
    await page.goto('/');
    await botSays(page, 'Xin chào bà con');
    await replyButton(page, FIRST_MENU_BUTTON);
    await waitIdle(page);

    const focused = () =>
      page.locator(':focus').evaluateAll((els) =>
        els.map((el) => ({
          id: String(el.id ?? ''),
          reply: Boolean(el.classList?.contains('reply-button')),
          text: String(el.textContent ?? '').trim(),
          focusVisible: Boolean(el.matches(':focus-visible')),
        })),
      );
    type Focus = Awaited<ReturnType<typeof focused>>[number] | undefined;

    // Tab from the start of the page to the text box, noting every stop.
    const stops: Focus[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const now = (await focused())[0];
      stops.push(now);
      if (now?.id === 'input') break;
    }
    const seen = stops.map((s) => (s ? s.id || s.text : '(nothing)'));
    expect(stops.at(-1)?.id, `Tab reaches the text box; stops: ${seen.join(' → ')}`).toBe('input');
    const menuStop = stops.findIndex((s) => s?.reply && s.text === FIRST_MENU_BUTTON);
    expect(menuStop, `Tab reaches the menu buttons; stops: ${seen.join(' → ')}`).toBeGreaterThanOrEqual(0);

    // Back to the first menu button and press Enter.
    for (let i = 0; i < 40; i++) {
      const now = (await focused())[0];
      if (now?.reply && now.text === FIRST_MENU_BUTTON) break;
      await page.keyboard.press('Shift+Tab');
    }
    const onMenu = (await focused())[0];
    expect(onMenu?.text).toBe(FIRST_MENU_BUTTON);
    expect(onMenu?.focusVisible, 'the focused button shows a focus ring').toBe(true);
    await page.keyboard.press('Enter');
    await replyButton(page, 'Đăng ký khai sinh');
    await waitIdle(page);

    // On to the text box, type the question, Enter.
    for (let i = 0; i < 80; i++) {
      if ((await focused())[0]?.id === 'input') break;
      await page.keyboard.press('Tab');
    }
    expect((await focused())[0]?.id, 'Tab reaches the text box after the group appeared').toBe('input');
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Enter');
    await botSays(page, /^Đăng ký khai sinh/);
    await replyButton(page, 'Giấy tờ cần có');
  });

  it('the widget on another site opens the chat in a frame', async () => {
    let chatUrl = '';
    const host = await startCommuneSite(() => chatUrl, '127.0.0.1');
    cleanups.push(() => host.close());
    const hostOrigin = host.origin;

    const chat = await startTestServer({ allowedOrigins: [hostOrigin] });
    cleanups.push(() => chat.close());
    chatUrl = chat.url;
    expect(hostOrigin).not.toBe(new URL(chat.url).origin);

    const visitor = await newVisitor();
    const { page } = visitor;
    await page.goto(`${hostOrigin}/`);
    const launcher = page.getByRole('button', { name: 'Hỏi đáp thủ tục' });
    await expectVisible(page, launcher, 'The widget launcher "Hỏi đáp thủ tục"');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');

    const iframe = page.locator('iframe[title="Trợ lý thủ tục hành chính"]');
    await expectVisible(page, iframe, 'The chat frame');
    const src = await iframe.getAttribute('src');
    expect(src).toBe(`${chat.url}/?embed=1`);

    const frame = page.frameLocator('iframe[title="Trợ lý thủ tục hành chính"]');
    await botSays(frame, 'Xin chào bà con');
    await replyButton(frame, FIRST_MENU_BUTTON);
    await expectVisible(frame, frame.getByRole('button', { name: 'Đóng khung hỏi đáp' }), 'The close button');
    expect(await frame.locator('#page-header').isVisible(), 'the full-page header inside the frame').toBe(
      false,
    );

    // Closing from inside the frame hides it and gives the launcher back.
    await frame.getByRole('button', { name: 'Đóng khung hỏi đáp' }).click();
    await iframe.waitFor({ state: 'hidden', timeout: T });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');

    // The page (and its frame) first: a request it still has open would keep the servers' close waiting.
    visitors.splice(visitors.indexOf(visitor), 1);
    await visitor.close();
    expect(visitor.pageErrors, 'uncaught JavaScript errors on the page').toEqual([]);
    cleanups.splice(0);
    await chat.close();
    await host.close();
  });
});

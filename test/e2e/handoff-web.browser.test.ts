import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openVisitor, type VisitorPage } from '../helpers/browser';
import { groupTextUpdate } from '../helpers/fake-telegram-api';
import { startTelegramBed, type TelegramBed } from '../helpers/telegram-bed';
import { until } from '../helpers/until';

/**
 * «Gặp cán bộ» from the web chat in a real browser: the staff member answers in the Telegram staff group
 * and the visitor's page shows the answer by itself (it asks for new messages while the talk is open).
 */
const SECRET = 'telegram_webhook_secret_for_web_handoff';
const STAFF_GROUP = -1009000002;
const STAFF = 4343;
const T = 15_000;
let bed: TelegramBed;
let browser: Browser;
let visitor: VisitorPage;
let updateId = 9_200_000;

beforeAll(async () => {
  bed = await startTelegramBed(SECRET, undefined, {
    ROLE: 'all',
    STAFF_CHAT_ID: String(STAFF_GROUP),
    ADMIN_IDS: `telegram:${STAFF}`,
  });
  browser = await launchBrowser();
  visitor = await openVisitor(browser, { baseURL: bed.server.url, viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await visitor?.close();
  await browser?.close();
  await bed?.close();
});

const botSays = async (page: Page, text: string): Promise<Locator> => {
  const message = page.locator('#log .msg.bot').filter({ hasText: text }).last();
  await message.waitFor({ state: 'visible', timeout: T });
  return message;
};

async function ask(page: Page, text: string): Promise<void> {
  await page.locator('#input').fill(text);
  await page.locator('#input').press('Enter');
  await page.locator('#log[aria-busy="false"]').waitFor({ timeout: T });
}

describe('«Gặp cán bộ» on the web chat', () => {
  it('the staff answer from the Telegram group appears in the visitor’s page by itself', async () => {
    const { page } = visitor;
    await page.goto('/');
    await botSays(page, 'Xin chào bà con');
    await ask(page, 'cho tôi gặp cán bộ');
    await botSays(page, 'cần hỏi cán bộ xã việc gì');
    await ask(page, 'Tôi muốn hỏi về trợ cấp cho mẹ tôi');
    const opened = await botSays(page, 'đã chuyển câu hỏi cho cán bộ xã');
    const code = /HT-[A-Z0-9]{4}/.exec((await opened.textContent()) ?? '')?.[0] ?? '';
    expect(code).not.toBe('');

    const staffGroup = () => bed.fake.sent(STAFF_GROUP);
    await until(() => staffGroup().some((c) => String(c.params.text).startsWith(`🙋 ${code}`)), T);
    const card = staffGroup().find((c) => String(c.params.text).startsWith(`🙋 ${code}`))!;
    const messageId = (card.response as { result: { message_id: number } }).result.message_id;
    await bed.deliver({
      update_id: ++updateId,
      ...groupTextUpdate({
        groupId: STAFF_GROUP,
        fromId: STAFF,
        text: 'Chào bác, bác mang căn cước của mẹ lên xã nhé',
        replyTo: { messageId, text: String(card.params.text) },
      }),
    });
    // Nothing typed: the page asks for new messages while the talk is open.
    const relayed = await botSays(page, '👤 Cán bộ xã: Chào bác, bác mang căn cước của mẹ lên xã nhé');
    expect(await relayed.isVisible()).toBe(true);
    await page.locator('#log button', { hasText: 'Kết thúc' }).last().click();
    await botSays(page, 'đã kết thúc trò chuyện với cán bộ');
    await until(
      () => staffGroup().some((c) => String(c.params.text).includes(`${code}: bà con đã kết thúc`)),
      T,
    );
  });
});

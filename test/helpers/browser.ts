import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

/** The system Chromium (Debian package `chromium`); Playwright's own browser downloads are never used. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts headless Chromium, with extra command-line switches if given. Never skips: a missing browser
 * is a failure, because CI installs it and a silently skipped browser suite would hide a broken web chat.
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}, and it is missing. ` +
        'Install it with `apt-get install chromium` (CI does). Playwright browser downloads are not used.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface VisitorPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** uncaught JavaScript errors of the page (and its frames) */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh browser context (no cookies: a new visitor) with one page that records uncaught errors. */
export async function openVisitor(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<VisitorPage> {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  // Fail a stuck step with a clear message well before the 60 s test timeout.
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    context,
    page,
    pageErrors,
    close: () => context.close(),
  };
}

/**
 * The commune's own web page with the widget tag, served on 127.0.0.1 and named by `hostname` in its
 * origin (`localhost` makes it another site than a bot on 127.0.0.1; `127.0.0.1` only another origin).
 */
export async function startCommuneSite(
  botUrl: () => string,
  hostname: 'localhost' | '127.0.0.1',
): Promise<{ origin: string; close(): Promise<void> }> {
  const host: Server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>UBND xã</title>' +
        `<script src="${botUrl()}/widget.js" defer></script></head>` +
        '<body><h1>Trang thông tin điện tử xã</h1><p>Tin tức, thông báo.</p></body></html>',
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://${hostname}:${(host.address() as AddressInfo).port}`,
    // The browser may still hold keep-alive connections to the page: drop them, or close() waits.
    close: () =>
      new Promise<void>((resolve) => {
        host.close(() => resolve());
        host.closeAllConnections();
      }),
  };
}

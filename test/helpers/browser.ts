import { existsSync } from 'node:fs';
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

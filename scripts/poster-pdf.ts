import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import type { HtmlToPdf } from '../src/posters/poster-pdf';

/** Debian's Chromium (CI installs it); Playwright's own browser downloads are never used. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Cần Chromium tại ${CHROMIUM_PATH} để in poster: cài bằng \`apt-get install chromium\`.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Chromium's own A4 print of the page, in a fresh context with scripts off and no network. */
export function chromiumPdf(browser: Browser): HtmlToPdf {
  return async (html) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true });
    } finally {
      await context.close();
    }
  };
}

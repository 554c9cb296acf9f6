import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** What a person holding the printed PDF would find on its first page. */
export interface LookedAtPdf {
  readonly pages: number;
  /** page 1's size in points */
  readonly width: number;
  readonly height: number;
  /** page 1's text as pdf.js extracts it (what a screen reader or a search finds) */
  readonly text: string;
  /** page 1 drawn by pdf.js */
  readonly png: Buffer;
  /** for each label found on page 1 (in reading order), the QR code jsQR reads under it, if any */
  readonly codes: { label: string; text: string | undefined }[];
}

const ORIGIN = 'http://pdf-viewer.test';
const MODULES = join(process.cwd(), 'node_modules');
const FILES: Record<string, { path: string; type: string }> = {
  '/pdfjs/pdf.min.mjs': { path: join(MODULES, 'pdfjs-dist/build/pdf.min.mjs'), type: 'text/javascript' },
  '/pdfjs/pdf.worker.min.mjs': {
    path: join(MODULES, 'pdfjs-dist/build/pdf.worker.min.mjs'),
    type: 'text/javascript',
  },
  '/jsqr.js': { path: join(MODULES, 'jsqr/dist/jsQR.js'), type: 'text/javascript' },
  '/look.mjs': { path: join(import.meta.dirname, 'pdf-viewer', 'look.mjs'), type: 'text/javascript' },
};
const VIEWER =
  '<!doctype html><meta charset="utf-8"><script src="/jsqr.js"></script>' +
  '<script type="module" src="/look.mjs"></script><body></body>';

export interface PdfViewer {
  /** draws page 1 of `pdf` and decodes from the pixels the QR code printed under each of `codeLabels` */
  look(pdf: Uint8Array, codeLabels: readonly string[], scale?: number): Promise<LookedAtPdf>;
  close(): Promise<void>;
}

/**
 * pdf.js in a browser page, as a person's PDF viewer would draw the file: no server (every request is
 * answered from node_modules or the bytes given), one page for every PDF looked at.
 */
export async function openPdfViewer(browser: Browser): Promise<PdfViewer> {
  const context = await browser.newContext();
  const pdfs = new Map<string, Buffer>();
  const page = await context.newPage();
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: VIEWER });
    const pdf = pdfs.get(url.pathname);
    if (pdf) return route.fulfill({ contentType: 'application/pdf', body: pdf });
    const file = FILES[url.pathname];
    if (!file) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: file.type, body: readFileSync(file.path) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction('globalThis.viewerReady === true');
  return {
    async look(pdf, codeLabels, scale = 2) {
      const path = `/pdf/${pdfs.size + 1}.pdf`;
      pdfs.set(path, Buffer.from(pdf));
      const call = `globalThis.lookAtPdf(${JSON.stringify(path)}, ${scale}, ${JSON.stringify(codeLabels)})`;
      const seen = (await page.evaluate(call)) as Omit<LookedAtPdf, 'png'> & { png: string };
      return { ...seen, png: Buffer.from(seen.png.replace(/^data:image\/png;base64,/, ''), 'base64') };
    },
    close: () => context.close(),
  };
}

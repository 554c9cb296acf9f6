// The village poster as printed: Chromium prints the PDF, then pdf.js draws its page in the same browser
// and jsQR reads the QR codes back from the pixels, so what is checked is what a phone camera would see.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chromiumPdf } from '../../scripts/poster-pdf';
import { type Commune, communeSchema } from '../../src/knowledge/schema';
import { villagePoster } from '../../src/posters/poster-content';
import { POSTER_TEXT } from '../../src/posters/poster-html';
import { type HtmlToPdf, renderPosterPdf } from '../../src/posters/poster-pdf';
import { launchBrowser } from '../helpers/browser';
import { type LookedAtPdf, openPdfViewer, type PdfViewer } from '../helpers/pdf-look';

const OUTPUT_DIR = join(import.meta.dirname, '..', '..', 'test-output');
const PUBLIC_URL = 'https://troly.iadom.gialai.gov.vn';

/** The shipped profile with the chat links and a phone filled in, as a commune would have it. */
const shipped: Commune = communeSchema.parse(parse(readFileSync('content/commune.yaml', 'utf8')));
const configured: Commune = {
  ...shipped,
  office: { ...shipped.office, phones: ['0269 3831 234'] },
  chat: { telegram: 'https://t.me/IaDomTroLyBot', zalo: 'https://zalo.me/4318902273116913711' },
};

let browser: Browser;
let toPdf: HtmlToPdf;
let viewer: PdfViewer;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  browser = await launchBrowser();
  toPdf = chromiumPdf(browser);
  viewer = await openPdfViewer(browser);
});

afterAll(async () => {
  await browser?.close();
});

const LABELS = Object.values(POSTER_TEXT.labels);

/** Prints the village's poster, looks at it, and keeps the drawing in test-output/ for a human. */
async function printAndLook(commune: Commune, villageId: string): Promise<LookedAtPdf> {
  const village = commune.villages.find((v) => v.id === villageId)!;
  const pdf = await renderPosterPdf(toPdf, villagePoster(commune, village, PUBLIC_URL).content);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const seen = await viewer.look(pdf, LABELS);
  writeFileSync(join(OUTPUT_DIR, `poster-${villageId}.png`), seen.png);
  return seen;
}

function expectOneA4Page(seen: LookedAtPdf): void {
  expect(seen.pages).toBe(1);
  expect(Math.abs(seen.width - 595)).toBeLessThanOrEqual(1);
  expect(Math.abs(seen.height - 842)).toBeLessThanOrEqual(1);
}

const allCodes = (villageId: string) => [
  { label: 'Zalo', text: 'https://zalo.me/4318902273116913711' },
  { label: 'Telegram', text: `https://t.me/IaDomTroLyBot?start=${villageId}` },
  { label: 'Trang web', text: `https://troly.iadom.gialai.gov.vn/?thon=${villageId}` },
];

describe('village QR poster (PDF)', () => {
  it('is one A4 page whose codes, read from the drawn page, are exactly the village links', async () => {
    const seen = await printAndLook(configured, 'thon-2');
    expectOneA4Page(seen);
    expect(seen.codes).toEqual(allCodes('thon-2'));
    const text = seen.text.replace(/\s+/g, ' ');
    expect(text).toContain(POSTER_TEXT.title('Ia Dom'));
    expect(text).toContain('Thôn/làng 2');
    expect(text).toContain('0269 3831 234');
    expect(text.toLowerCase()).not.toContain('cần cập nhật');
  });

  it('keeps a long name with markup as text and every code readable, on one page', async () => {
    const name = 'Làng <script>alert(1)</script> Kon Sơ Lăng Ngọc Linh Đắk Bla Ia Mơ Nông (cần cập nhật tên)';
    const commune: Commune = { ...configured, villages: [{ id: 'lang-kon', name }] };
    const seen = await printAndLook(commune, 'lang-kon');
    expectOneA4Page(seen);
    expect(seen.codes).toEqual(allCodes('lang-kon'));
    const text = seen.text.replace(/\s+/g, '');
    expect(text).toContain('Làng<script>alert(1)</script>KonSơLăngNgọcLinhĐắkBlaIaMơNông');
    expect(text.toLowerCase()).not.toContain('cầncậpnhật');
  });

  it('carries only the configured code, and no phone line while the phone is not filled in', async () => {
    const seen = await printAndLook(shipped, 'thon-1');
    expectOneA4Page(seen);
    expect(seen.codes).toEqual([
      { label: 'Trang web', text: 'https://troly.iadom.gialai.gov.vn/?thon=thon-1' },
    ]);
    expect(seen.text).not.toContain('Telegram');
    expect(seen.text).not.toContain('Điện thoại');
    expect(seen.text.toLowerCase()).not.toContain('cần cập nhật');
  });
});

import type { PosterContent } from './poster-content';
import { posterHtml } from './poster-html';

/**
 * Prints an HTML page to PDF bytes. A port: the Chromium printer lives in scripts/poster-pdf.ts, so that
 * src/ never imports a browser and a chat command can be handed a printer like any other dependency.
 */
export type HtmlToPdf = (html: string) => Promise<Uint8Array>;

/** One village's poster as a one-page A4 PDF. */
export async function renderPosterPdf(toPdf: HtmlToPdf, content: PosterContent): Promise<Buffer> {
  return Buffer.from(await toPdf(await posterHtml(content)));
}

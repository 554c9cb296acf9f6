import { escapeHtml } from './html-escape';
import type { PosterContent } from './poster-content';
import type { PosterChannel } from './poster-links';
import { qrSvg } from './poster-qr';
import { POSTER_CSS } from './poster-style';

/** What residents read on the poster: plain words, in the order they need them. */
export const POSTER_TEXT = {
  title: (commune: string) => `Trợ lý thủ tục hành chính xã ${commune}`,
  tagline: 'Hỏi thủ tục, nhận thông báo của thôn, nhắc lịch — miễn phí',
  labels: { zalo: 'Zalo', telegram: 'Telegram', web: 'Trang web' } satisfies Record<PosterChannel, string>,
  stepsTitle: 'Cách dùng',
  steps: [
    '1. Mở camera điện thoại hoặc Zalo → quét mã',
    '2. Bấm vào đường dẫn hiện ra',
    '3. Gõ câu hỏi, ví dụ: làm giấy khai sinh',
  ],
  phone: (phone: string) => `Điện thoại của xã (Bộ phận Một cửa): ${phone}`,
  footer: 'Không cần điện thoại thông minh? Hỏi Tổ công nghệ số cộng đồng của thôn hoặc bưu điện xã.',
} as const;

/** Nothing but inline styles and the SVG codes: the page needs no network and runs no script. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

async function codeCard(channel: PosterChannel, url: string): Promise<string> {
  return (
    `<figure class="code" data-channel="${channel}">` +
    `<figcaption>${escapeHtml(POSTER_TEXT.labels[channel])}</figcaption>` +
    // qrcode's SVG is paths only (the link is never written into it as text), so it goes in as markup.
    `<div class="qr">${await qrSvg(url)}</div>` +
    `<p class="url">${escapeHtml(url)}</p>` +
    '</figure>'
  );
}

/** A long name in smaller type, so that it takes at most three lines and leaves the codes their room. */
const villageClass = (name: string): string => (name.length > LONG_NAME ? 'village long' : 'village');
const LONG_NAME = 40;

/** One village's A4 poster as a complete HTML page, every text escaped. */
export async function posterHtml(content: PosterContent): Promise<string> {
  const codes = await Promise.all(content.links.map((l) => codeCard(l.channel, l.url)));
  const line = (cls: string, text: string): string => `<p class="${cls}">${escapeHtml(text)}</p>`;
  return [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${escapeHtml(POSTER_TEXT.title(content.communeName))}</title>`,
    `<style>${POSTER_CSS}</style></head><body><main class="poster">`,
    `<h1>${escapeHtml(POSTER_TEXT.title(content.communeName))}</h1>`,
    content.villageName ? line(villageClass(content.villageName), content.villageName) : '',
    line('tagline', POSTER_TEXT.tagline),
    `<section class="codes count-${codes.length}">${codes.join('')}</section>`,
    `<section class="steps"><h2>${escapeHtml(POSTER_TEXT.stepsTitle)}</h2>`,
    POSTER_TEXT.steps.map((s) => line('step', s)).join(''),
    '</section>',
    content.phone ? line('phone', POSTER_TEXT.phone(content.phone)) : '',
    line('footer', POSTER_TEXT.footer),
    '</main></body></html>',
  ].join('');
}

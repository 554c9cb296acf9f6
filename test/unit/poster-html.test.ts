import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Commune, communeSchema } from '../../src/knowledge/schema';
import { printable, villagePoster } from '../../src/posters/poster-content';
import { POSTER_TEXT, posterHtml } from '../../src/posters/poster-html';

/** The shipped profile: village names and the phone still hold «(cần cập nhật …)» notes. */
const shipped: Commune = communeSchema.parse(parse(readFileSync('content/commune.yaml', 'utf8')));
const chat = { telegram: 'https://t.me/IaDomTroLyBot', zalo: 'https://zalo.me/4318902273116913711' };
const publicUrl = 'https://troly.iadom.gialai.gov.vn';

const textOf = (html: string): string =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

async function htmlFor(commune: Commune, villageId: string, url: string | undefined = publicUrl) {
  const village = commune.villages.find((v) => v.id === villageId)!;
  return posterHtml(villagePoster(commune, village, url).content);
}

describe('poster HTML', () => {
  it('prints the title, the village, the steps, the phone and the footer', async () => {
    const commune = { ...shipped, chat, office: { ...shipped.office, phones: ['0269 3831 234'] } };
    const text = textOf(await htmlFor(commune, 'thon-2'));
    expect(text).toContain('Trợ lý thủ tục hành chính xã Ia Dom');
    expect(text).not.toContain('xã Xã');
    expect(text).toContain('Thôn/làng 2');
    expect(text).toContain('Hỏi thủ tục, nhận thông báo của thôn, nhắc lịch — miễn phí');
    for (const step of POSTER_TEXT.steps) expect(text).toContain(step);
    expect(text).toContain('0269 3831 234');
    expect(text).toContain(POSTER_TEXT.footer);
  });

  it('has one labelled code per configured link, in order', async () => {
    const html = await htmlFor({ ...shipped, chat }, 'thon-1');
    expect([...html.matchAll(/data-channel="(\w+)"/g)].map((m) => m[1])).toEqual(['zalo', 'telegram', 'web']);
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).toContain('<figcaption>Trang web</figcaption>');

    const webOnly = await htmlFor(shipped, 'thon-1');
    expect([...webOnly.matchAll(/data-channel="(\w+)"/g)].map((m) => m[1])).toEqual(['web']);
    expect(webOnly).not.toContain('Telegram');
    expect(webOnly).not.toContain('zalo.me');
  });

  it('never shows «cần cập nhật»: notes are cut from names and an unfilled phone is left out', async () => {
    const html = await htmlFor(shipped, 'thon-1');
    expect(html.toLowerCase()).not.toContain('cần cập nhật');
    expect(textOf(html)).toContain('Thôn/làng 1');
    expect(html).not.toContain('Điện thoại');
    expect(printable('Làng Kon (Cần cập nhật tên) Mơ (cần cập nhật)')).toBe('Làng Kon Mơ');
    expect(printable('cần cập nhật tên')).toBe('');
  });

  it('prints a name with markup as text', async () => {
    const name = 'Làng <script>alert("x")</script> & <b>Đắk</b>';
    const commune = { ...shipped, villages: [{ id: 'lang-x', name }] };
    const html = await htmlFor(commune, 'lang-x');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      'Làng &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Đắk&lt;/b&gt;',
    );
  });

  it('needs no network and runs no script', async () => {
    const html = await htmlFor({ ...shipped, chat }, 'thon-1');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
  });
});

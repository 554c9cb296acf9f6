import { describe, expect, it } from 'vitest';
import { posterLinks, telegramDeepLink, webChatLink, zaloLink } from '../../src/posters/poster-links';

const chat = { telegram: 'https://t.me/IaDomTroLyBot', zalo: 'https://zalo.me/4318902273116913711' };
const publicUrl = 'https://troly.iadom.gialai.gov.vn';

describe('poster links', () => {
  it('opens the Telegram bot with the village as its start parameter', () => {
    expect(telegramDeepLink(chat.telegram, 'thon-3')).toBe('https://t.me/IaDomTroLyBot?start=thon-3');
    expect(telegramDeepLink('https://t.me/IaDomTroLyBot/', 'thon-3')).toBe(
      'https://t.me/IaDomTroLyBot?start=thon-3',
    );
    expect(telegramDeepLink('https://telegram.me/IaDomTroLyBot?start=old', 'thon-3')).toBe(
      'https://t.me/IaDomTroLyBot?start=thon-3',
    );
  });

  it('refuses a Telegram link that is not a bot on t.me, or a start value Telegram would cut', () => {
    expect(telegramDeepLink('https://t.me/(tên bot của xã)', 'thon-1')).toBeUndefined();
    expect(telegramDeepLink('https://example.com/IaDomTroLyBot', 'thon-1')).toBeUndefined();
    expect(telegramDeepLink('http://t.me/IaDomTroLyBot', 'thon-1')).toBeUndefined();
    expect(telegramDeepLink('https://t.me/joinchat/abc', 'thon-1')).toBeUndefined();
    expect(telegramDeepLink(chat.telegram, 'x'.repeat(65))).toBeUndefined();
  });

  it('opens the web chat with ?thon=<village>, URL-encoded, under the path of PUBLIC_URL', () => {
    expect(webChatLink(publicUrl, 'thon-1')).toBe('https://troly.iadom.gialai.gov.vn/?thon=thon-1');
    expect(webChatLink('https://xa.gov.vn/tro-ly//', 'thon-1')).toBe('https://xa.gov.vn/tro-ly/?thon=thon-1');
    const odd = new URL(webChatLink(publicUrl, 'thôn 1&x=<b>')!);
    expect(odd.search).not.toMatch(/[ <>&]x/);
    expect(odd.searchParams.get('thon')).toBe('thôn 1&x=<b>');
    expect([...odd.searchParams.keys()]).toEqual(['thon']);
  });

  it('prints the Zalo link as configured, unless it still holds a note', () => {
    expect(zaloLink(chat.zalo)).toBe(chat.zalo);
    expect(zaloLink('https://zalo.me/(mã OA hoặc bot của xã)')).toBeUndefined();
    expect(zaloLink('https://zalo.me/(cần cập nhật)')).toBeUndefined();
  });

  it('lists Zalo, Telegram, then the web, each for the village', () => {
    expect(posterLinks({ chat, publicUrl }, 'thon-2')).toEqual({
      links: [
        { channel: 'zalo', url: 'https://zalo.me/4318902273116913711' },
        { channel: 'telegram', url: 'https://t.me/IaDomTroLyBot?start=thon-2' },
        { channel: 'web', url: 'https://troly.iadom.gialai.gov.vn/?thon=thon-2' },
      ],
      unset: [],
    });
  });

  it('leaves out what is not configured and says what to fill in', () => {
    const none = posterLinks({ chat: undefined, publicUrl: undefined }, 'thon-1');
    expect(none.links).toEqual([]);
    expect(none.unset.map((u) => u.channel)).toEqual(['zalo', 'telegram', 'web']);
    expect(none.unset.map((u) => u.fillIn).join('\n')).toMatch(
      /chat\.zalo[\s\S]*chat\.telegram[\s\S]*PUBLIC_URL/,
    );

    const webOnly = posterLinks({ chat: { telegram: 'https://t.me/(tên bot của xã)' }, publicUrl }, 'thon-1');
    expect(webOnly.links.map((l) => l.channel)).toEqual(['web']);
    expect(webOnly.unset.map((u) => u.channel)).toEqual(['zalo', 'telegram']);
  });

  it('never prints a plain-http web link', () => {
    expect(webChatLink('http://troly.iadom.gialai.gov.vn', 'thon-1')).toBeUndefined();
  });
});

import { isMissing } from '../knowledge/placeholders';
import type { Commune } from '../knowledge/schema';

/** The order the codes are printed in: Zalo first, the app nearly every resident already has. */
export const POSTER_CHANNELS = ['zalo', 'telegram', 'web'] as const;
export type PosterChannel = (typeof POSTER_CHANNELS)[number];

export interface PosterLinkSources {
  /** commune.yaml `chat:` */
  readonly chat: Commune['chat'];
  /** PUBLIC_URL: where the web chat is served */
  readonly publicUrl: string | undefined;
}

export interface PosterLink {
  readonly channel: PosterChannel;
  readonly url: string;
}

/** A code left off the poster, with what the commune staff should fill in to get it. */
export interface UnsetLink {
  readonly channel: PosterChannel;
  readonly fillIn: string;
}

export interface PosterLinks {
  readonly links: PosterLink[];
  readonly unset: UnsetLink[];
}

const FILL_IN: Record<PosterChannel, string> = {
  zalo: 'commune.yaml: chat.zalo (đường dẫn https://zalo.me/… của Zalo OA hoặc bot của xã)',
  telegram: 'commune.yaml: chat.telegram (đường dẫn https://t.me/<tên bot> của bot Telegram của xã)',
  web: 'PUBLIC_URL (địa chỉ https://… của trang trò chuyện trên web)',
};

/** Telegram bot usernames: 5–32 letters, digits and underscores, starting with a letter. */
const TELEGRAM_PATH = /^\/([A-Za-z][A-Za-z0-9_]{4,31})\/?$/;
/** Telegram takes at most 64 characters after ?start= */
const TELEGRAM_START_MAX = 64;

function httpsUrl(value: string | undefined): URL | undefined {
  // A value still holding a note («https://t.me/(tên bot của xã)») is not a link yet.
  if (value === undefined || isMissing(value) || /[()\s]/.test(value)) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** https://t.me/<bot>?start=<village>: the bot opens with the village already chosen (onboarding). */
export function telegramDeepLink(chatTelegram: string | undefined, villageId: string): string | undefined {
  const url = httpsUrl(chatTelegram);
  if (!url || !['t.me', 'telegram.me'].includes(url.hostname)) return undefined;
  const bot = TELEGRAM_PATH.exec(url.pathname)?.[1];
  if (!bot || villageId.length > TELEGRAM_START_MAX) return undefined;
  return `https://t.me/${bot}?start=${encodeURIComponent(villageId)}`;
}

/** <PUBLIC_URL>/?thon=<village>: the web chat (chat.js) starts with the village chosen. */
export function webChatLink(publicUrl: string | undefined, villageId: string): string | undefined {
  const url = httpsUrl(publicUrl);
  if (!url) return undefined;
  url.pathname = url.pathname.replace(/\/*$/, '/');
  url.search = '';
  url.hash = '';
  url.searchParams.set('thon', villageId);
  return url.href;
}

/** Zalo links carry no start parameter: the resident picks the village in the chat. */
export function zaloLink(chatZalo: string | undefined): string | undefined {
  return httpsUrl(chatZalo)?.href;
}

/** The links a village's poster carries, and those left off because nothing (valid) is configured. */
export function posterLinks(sources: PosterLinkSources, villageId: string): PosterLinks {
  const built: Record<PosterChannel, string | undefined> = {
    zalo: zaloLink(sources.chat?.zalo),
    telegram: telegramDeepLink(sources.chat?.telegram, villageId),
    web: webChatLink(sources.publicUrl, villageId),
  };
  const links: PosterLink[] = [];
  const unset: UnsetLink[] = [];
  for (const channel of POSTER_CHANNELS) {
    const url = built[channel];
    if (url) links.push({ channel, url });
    else unset.push({ channel, fillIn: FILL_IN[channel] });
  }
  return { links, unset };
}

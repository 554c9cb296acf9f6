import type { FluentVariable } from '@fluent/bundle';
import { DASHBOARD_LINK_TTL_SECONDS } from '../core/dashboard';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import { escapeHtml } from '../posters/html-escape';

export const ASSETS = '/dashboard/assets';

/** The page words, escaped for HTML. */
export type Words = (key: string, args?: Record<string, FluentVariable>) => string;
export const wordsOf =
  (t: Translate, locale: Locale): Words =>
  (key, args) =>
    escapeHtml(t(locale, key, args));

export interface PageParts {
  readonly locale: Locale;
  /** plain text: escaped here */
  readonly title: string;
  /** markup whose every text was escaped by its maker */
  readonly body: string;
  readonly scripts?: readonly string[];
  readonly bodyClass?: string;
  /** load the same address again at once (see refusedPage) */
  readonly reload?: boolean;
}

/** A whole dashboard page: our own stylesheet and scripts only (the CSP allows nothing inline). */
export function htmlPage(p: PageParts): string {
  const scripts = (p.scripts ?? []).map((s) => `<script src="${ASSETS}/${s}" defer></script>`).join('');
  return [
    '<!doctype html>',
    `<html lang="${p.locale}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    p.reload ? '<meta http-equiv="refresh" content="0">' : '',
    `<title>${escapeHtml(p.title)}</title>`,
    `<link rel="stylesheet" href="${ASSETS}/dashboard.css">`,
    scripts,
    '</head>',
    `<body${p.bodyClass ? ` class="${p.bodyClass}"` : ''}>`,
    p.body,
    '</body></html>',
  ].join('\n');
}

/** A page with a title and a few paragraphs (refusals, logged out, link previews). */
function notice(
  t: Translate,
  locale: Locale,
  titleKey: string,
  paragraphs: readonly string[],
  reload = false,
): string {
  const w = wordsOf(t, locale);
  return htmlPage({
    locale,
    reload,
    title: t(locale, titleKey),
    bodyClass: 'notice',
    body: `<main class="notice-box"><h1>${w(titleKey)}</h1>${paragraphs.map((x) => `<p>${x}</p>`).join('')}</main>`,
  });
}

/** How to get a new login link, in plain text. */
export const howToLogin = (t: Translate, locale: Locale): string =>
  t(locale, 'dashboard-how-to-login', { minutes: DASHBOARD_LINK_TTL_SECONDS / 60 });

/**
 * 401: why, and how to get a new link (the bot sends one on /dashboard). `reload`: the browser came
 * from another site (a link in Telegram Web, Zalo Web, a webmail), and a SameSite=Strict cookie is not
 * sent on such a navigation, even after the login's redirect; loaded again from this page it is.
 */
export function refusedPage(t: Translate, locale: Locale, why: 'link' | 'session', reload = false): string {
  const w = wordsOf(t, locale);
  return notice(
    t,
    locale,
    'dashboard-refused-title',
    [
      w(why === 'link' ? 'dashboard-refused-link' : 'dashboard-refused-session'),
      `<strong class="how">${escapeHtml(howToLogin(t, locale))}</strong>`,
    ],
    reload,
  );
}

export function loggedOutPage(t: Translate, locale: Locale): string {
  return notice(t, locale, 'dashboard-logged-out', [escapeHtml(howToLogin(t, locale))]);
}

export function previewPage(t: Translate, locale: Locale): string {
  return notice(t, locale, 'dashboard-title', [wordsOf(t, locale)('dashboard-preview')]);
}

/** A link on a notice page: plain text and an address of our own. */
export interface BackLink {
  readonly href: string;
  readonly label: string;
}

/** A refusal, a bad period or a bad form as a page, for navigations; `back` leads to where to go on. */
export function problemPage(t: Translate, locale: Locale, message: string, back?: BackLink): string {
  const link = back ? [`<a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a>`] : [];
  return notice(t, locale, 'dashboard-title', [escapeHtml(message), ...link]);
}

/** `?from=…&to=…&lang=en` (lang only when not Vietnamese), for links that keep the period. */
export function periodQuery(period: { from: string; to: string }, locale: Locale): string {
  const q = new URLSearchParams({ from: period.from, to: period.to });
  if (locale !== 'vi') q.set('lang', locale);
  return `?${q.toString()}`;
}

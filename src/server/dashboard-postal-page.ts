import { POSTAL_NEXT, type PostalRequest, type PostalStatus } from '../core/postal';
import type { Locale } from '../core/user';
import { escapeHtml } from '../posters/html-escape';
import type { ReportLabels } from '../stats/report-labels';
import { type Flash, flashHtml } from './dashboard-flash';
import { channelName, procedureName, timeTag } from './dashboard-format';
import { htmlPage, type Words, wordsOf } from './dashboard-html';
import { type StaffCounts, staffHeader } from './dashboard-nav';

export const POSTAL_PATH = '/dashboard/buu-dien';
export const POSTAL_FILTERS = ['dang-xu-ly', 'tat-ca'] as const;
export type PostalFilter = (typeof POSTAL_FILTERS)[number];

/** The list's query string: the filter (open requests unless «tất cả») and the language. */
export function postalQuery(filter: PostalFilter, locale: Locale): string {
  const q = new URLSearchParams();
  if (filter === 'tat-ca') q.set('xem', filter);
  if (locale !== 'vi') q.set('lang', locale);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface PostalView {
  readonly labels: ReportLabels;
  readonly counts: StaffCounts;
  readonly filter: PostalFilter;
  /** in the order shown */
  readonly requests: readonly PostalRequest[];
  readonly flash?: Flash | undefined;
}

const fact = (label: string, value: string): string => `<div><dt>${label}</dt><dd>${value}</dd></div>`;

/** One form per allowed next status; refusing asks the reason (the resident reads it). */
function moves(r: PostalRequest, w: Words, query: string): string {
  const next = POSTAL_NEXT[r.status];
  if (next.length === 0) return '';
  const action = `${POSTAL_PATH}/${escapeHtml(r.code)}${query}`;
  const forms = next.map((to: PostalStatus) =>
    to === 'tu-choi'
      ? `<details class="refuse"><summary>${w('postal-button-refuse')}</summary>` +
        `<form method="post" action="${action}"><input type="hidden" name="to" value="tu-choi">` +
        `<label for="reason-${escapeHtml(r.code)}">${w('dashboard-postal-reason-label')}</label>` +
        `<input id="reason-${escapeHtml(r.code)}" name="reason" required minlength="3" maxlength="300" autocomplete="off">` +
        `<button type="submit">${w('dashboard-postal-refuse-send')}</button></form></details>`
      : `<form method="post" action="${action}"><input type="hidden" name="to" value="${to}">` +
        `<button type="submit" class="primary">${w(`postal-button-${to}`)}</button></form>`,
  );
  return `<div class="moves">${forms.join('')}</div>`;
}

function requestHtml(r: PostalRequest, labels: ReportLabels, query: string): string {
  const w = wordsOf(labels.t, labels.locale);
  const e = escapeHtml;
  const code = e(r.code);
  const facts = [
    fact(w('dashboard-postal-topic'), e(procedureName(labels, r.topic))),
    fact(w('dashboard-postal-dossier'), r.dossier ? e(r.dossier) : '—'),
    fact(w('dashboard-postal-name'), e(r.name)),
    fact(w('dashboard-postal-phone'), `<a href="tel:${e(r.phone)}">${e(r.phone)}</a>`),
    fact(w('dashboard-postal-village'), e(labels.village(r.village))),
    fact(w('dashboard-postal-address'), e(r.address)),
    fact(w('dashboard-postal-channel'), e(channelName(labels, r.user.channel))),
    fact(w('dashboard-postal-created'), timeTag(r.createdAt)),
  ].join('');
  const history = r.history
    .map(
      (h) =>
        `<li>${timeTag(h.at)} · ${w(`postal-status-${h.status}`)}` +
        `${h.reason ? ` — ${w('dashboard-postal-reason', { reason: h.reason })}` : ''}</li>`,
    )
    .join('');
  return (
    `<article class="item" id="${code}" data-code="${code}" data-status="${r.status}">` +
    `<h2>${code} <span class="status status-${r.status}">${w(`postal-status-${r.status}`)}</span></h2>` +
    `<dl class="facts">${facts}</dl>` +
    `<h3>${w('dashboard-postal-history')}</h3><ol class="history">${history}</ol>` +
    `${moves(r, w, query)}</article>`
  );
}

/** «Bưu điện»: the postal requests with the resident's details, their history and the next steps. */
export function postalPage(v: PostalView): string {
  const { labels, filter } = v;
  const { locale, t } = labels;
  const w = wordsOf(t, locale);
  const query = postalQuery(filter, locale);
  const filters = POSTAL_FILTERS.map(
    (f) =>
      `<a href="${POSTAL_PATH}${postalQuery(f, locale)}" id="filter-${f}"${f === filter ? ' aria-current="page"' : ''}>` +
      `${w(`dashboard-postal-filter-${f}`)}</a>`,
  ).join('');
  const items =
    v.requests.length === 0
      ? `<p class="empty">${w(filter === 'tat-ca' ? 'dashboard-postal-none' : 'dashboard-postal-none-open')}</p>`
      : v.requests.map((r) => requestHtml(r, labels, query)).join('');
  const body =
    staffHeader(labels, v.counts, {
      here: 'postal',
      title: w('dashboard-postal-title'),
      sub: w('dashboard-postal-subtitle', { commune: labels.commune }),
      otherLanguage: `${POSTAL_PATH}${postalQuery(filter, locale === 'vi' ? 'en' : 'vi')}`,
    }) +
    `<main id="postal" class="work">${flashHtml(labels, v.flash)}` +
    `<nav class="filter" aria-label="${w('dashboard-postal-filter-label')}">${filters}</nav>` +
    `<p class="hint">${w('dashboard-postal-hint')}</p>${items}</main>`;
  return htmlPage({ locale, title: t(locale, 'dashboard-postal-title'), body });
}

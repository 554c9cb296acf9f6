import type { Ticket, TicketLogEntry } from '../core/handoff';
import { escapeHtml } from '../posters/html-escape';
import type { ReportLabels } from '../stats/report-labels';
import { type Flash, flashHtml } from './dashboard-flash';
import { channelName, timeTag } from './dashboard-format';
import { htmlPage, type Words, wordsOf } from './dashboard-html';
import { langQuery, type StaffCounts, staffHeader } from './dashboard-nav';

export const TICKETS_PATH = '/dashboard/ho-tro';

/** An open ticket as shown: with its log, and the id its answer form carries. */
export interface TicketView {
  readonly ticket: Ticket;
  readonly log: readonly TicketLogEntry[];
  /** random, made for this showing of the form (a double submit sends once) */
  readonly formId: string;
}

export interface TicketsView {
  readonly labels: ReportLabels;
  readonly counts: StaffCounts;
  /** oldest first */
  readonly tickets: readonly TicketView[];
  readonly flash?: Flash | undefined;
}

const fact = (label: string, value: string): string => `<div><dt>${label}</dt><dd>${value}</dd></div>`;

function logHtml(log: readonly TicketLogEntry[], w: Words): string {
  const entries = log
    .map(
      (entry) =>
        `<li class="from-${entry.from}"><span class="who">${w(`dashboard-ticket-from-${entry.from}`)}</span> ` +
        `${timeTag(entry.at)}<p>${escapeHtml(entry.text)}</p></li>`,
    )
    .join('');
  return `<h3>${w('dashboard-ticket-log')}</h3><ol class="log">${entries}</ol>`;
}

/** The answer form (with its one-time id) and «Kết thúc». */
function forms(v: TicketView, w: Words, query: string): string {
  const code = escapeHtml(v.ticket.code);
  return (
    '<div class="moves">' +
    `<form method="post" action="${TICKETS_PATH}/${code}/tra-loi${query}" class="answer">` +
    `<input type="hidden" name="messageId" value="${escapeHtml(v.formId)}">` +
    `<label for="answer-${code}">${w('dashboard-ticket-answer-label')}</label>` +
    `<textarea id="answer-${code}" name="text" rows="3" required maxlength="2000"></textarea>` +
    `<button type="submit" class="primary">${w('dashboard-ticket-send')}</button></form>` +
    `<form method="post" action="${TICKETS_PATH}/${code}/ket-thuc${query}">` +
    `<button type="submit">${w('dashboard-ticket-close')}</button></form></div>`
  );
}

function ticketHtml(v: TicketView, labels: ReportLabels, query: string): string {
  const w = wordsOf(labels.t, labels.locale);
  const e = escapeHtml;
  const t = v.ticket;
  const code = e(t.code);
  const facts = [
    fact(w('dashboard-ticket-channel'), e(channelName(labels, t.user.channel))),
    fact(w('dashboard-ticket-village'), t.village ? e(labels.village(t.village)) : '—'),
    fact(w('dashboard-ticket-opened'), timeTag(t.openedAt)),
  ].join('');
  const context =
    t.context.length === 0
      ? ''
      : `<h3>${w('dashboard-ticket-context')}</h3><ul class="context">${t.context.map((c) => `<li>${e(c)}</li>`).join('')}</ul>`;
  return (
    `<article class="item" id="${code}" data-code="${code}"><h2>${code}</h2>` +
    `<dl class="facts">${facts}</dl>` +
    `<h3>${w('dashboard-ticket-question')}</h3><p class="question">${e(t.question)}</p>` +
    `${context}${logHtml(v.log, w)}${forms(v, w, query)}</article>`
  );
}

/** «Hỗ trợ»: the open «Gặp cán bộ» tickets, oldest first, each with its talk so far and a reply box. */
export function ticketsPage(v: TicketsView): string {
  const { labels } = v;
  const { locale, t } = labels;
  const w = wordsOf(t, locale);
  const items =
    v.tickets.length === 0
      ? `<p class="empty">${w('dashboard-tickets-none')}</p>`
      : v.tickets.map((x) => ticketHtml(x, labels, langQuery(locale))).join('');
  const body =
    staffHeader(labels, v.counts, {
      here: 'tickets',
      title: w('dashboard-tickets-title'),
      sub: w('dashboard-tickets-subtitle', { commune: labels.commune }),
      otherLanguage: `${TICKETS_PATH}${langQuery(locale === 'vi' ? 'en' : 'vi')}`,
    }) +
    `<main id="tickets" class="work">${flashHtml(labels, v.flash)}` +
    `<p class="hint">${w('dashboard-tickets-hint')}</p>${items}</main>`;
  return htmlPage({ locale, title: t(locale, 'dashboard-tickets-title'), body });
}

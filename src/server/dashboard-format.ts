import { REPORT_CHANNELS } from '../core/usage-report';
import { VIETNAM_OFFSET_MS } from '../core/vietnam-day';
import { OTHER_TOPIC } from '../features/postal-form';
import type { ReportLabels } from '../stats/report-labels';

/** «31/01/2026 14:05»: a moment as the office reads it, in Vietnam's time. */
export function vietnamTime(at: number): string {
  const d = new Date(at + VIETNAM_OFFSET_MS).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
}

/** A `<time>` element for a moment (the text is made of digits and separators only). */
export const timeTag = (at: number): string =>
  `<time datetime="${new Date(at).toISOString()}">${vietnamTime(at)}</time>`;

/** A channel's name in the page's language (its id for a channel the report does not know). */
export function channelName(labels: ReportLabels, channel: string): string {
  const known = (REPORT_CHANNELS as readonly string[]).includes(channel);
  return known ? labels.t(labels.locale, `dashboard-channel-${channel}`) : channel;
}

/** The procedure of a postal request: its title, or «Thủ tục khác». */
export const procedureName = (labels: ReportLabels, topic: string): string =>
  topic === OTHER_TOPIC ? labels.t(labels.locale, 'postal-other-topic') : labels.topic(topic);

import type { Button, Reply } from '../core/reply';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import { answerText, sectionsOf, sectionText } from '../knowledge/render';
import type { SectionKey, Topic } from '../knowledge/schema';
import { navigationRow, rows } from './keyboards';
import { payload } from './payloads';

/** Topics about accounts and payments: answers end with a short scam warning (ARCHITECTURE §7). */
const ACCOUNT_TOPICS = new Set([
  'vneid',
  'tai-khoan-dvc',
  'thanh-toan-truc-tuyen',
  'nop-truc-tuyen',
  'can-cuoc',
]);

export interface ReplyContext {
  readonly t: Translate;
  readonly locale: Locale;
  /** {phone}, {hours}… from the commune profile */
  readonly values: Record<string, string>;
}

const title = (topic: Topic, locale: Locale): string =>
  locale === 'en' && topic.title_en ? topic.title_en : topic.title;

/** The short answer, a button per section, 👍 / 👎, and the way back. */
export function topicReply(topic: Topic, c: ReplyContext): Reply {
  const sections: Button[] = sectionsOf(topic).map((k) => ({
    label: c.t(c.locale, `section-${k}`),
    payload: payload.section(topic.id, k),
  }));
  const warning = ACCOUNT_TOPICS.has(topic.id) ? `\n\n${c.t(c.locale, 'scam-warning')}` : '';
  const more = sections.length > 0 ? `\n\n${c.t(c.locale, 'answer-more')}` : '';
  return {
    text: `${title(topic, c.locale)}\n\n${answerText(topic, c.values)}${warning}${more}`,
    buttons: [
      ...rows(sections, 2),
      [
        { label: c.t(c.locale, 'button-helpful'), payload: payload.feedback(topic.id, 'up') },
        { label: c.t(c.locale, 'button-not-helpful'), payload: payload.feedback(topic.id, 'down') },
      ],
      navigationRow(c.t, c.locale, payload.group(topic.group)),
    ],
  };
}

/** One section (Giấy tờ, Lệ phí …), with the other sections and the way back to the answer. */
export function sectionReply(topic: Topic, key: SectionKey, c: ReplyContext): Reply | undefined {
  const text = sectionText(topic, key, c.values);
  if (text === undefined) return undefined;
  const others = sectionsOf(topic)
    .filter((k) => k !== key)
    .map((k) => ({ label: c.t(c.locale, `section-${k}`), payload: payload.section(topic.id, k) }));
  return {
    text: `${title(topic, c.locale)} — ${c.t(c.locale, `section-${key}`)}\n\n${text}`,
    buttons: [...rows(others, 2), navigationRow(c.t, c.locale, payload.topic(topic.id))],
  };
}

/** "Ý bạn là…?": the likely topics as buttons, "none of these", and the menu. */
export function clarifyReply(options: readonly Topic[], c: ReplyContext): Reply {
  return {
    text: c.t(c.locale, 'clarify-prompt'),
    buttons: [
      ...options.map((o) => [{ label: title(o, c.locale), payload: payload.topic(o.id) }]),
      [{ label: c.t(c.locale, 'button-none-of-these'), payload: payload.noneOfThese }],
      navigationRow(c.t, c.locale),
    ],
  };
}

import type { Button, Reply } from '../core/reply';
import type { Locale, Translate } from '../i18n';
import { fillPlaceholders } from './placeholders';
import { SECTION_KEYS, type SectionKey, type Topic } from './schema';

export const sectionPayload = (topic: string, key: SectionKey): string => `sec:${topic}:${key}`;
export const topicPayload = (topic: string): string => `topic:${topic}`;

const BUTTONS_PER_ROW = 2;

/** The short answer of a topic, with one button per section it has. */
export function renderAnswer(
  topic: Topic,
  values: Record<string, string>,
  t: Translate,
  locale: Locale,
): Reply {
  const keys = SECTION_KEYS.filter((k) => topic.sections[k]);
  const buttons: Button[] = keys.map((k) => ({
    label: t(locale, `section-${k}`),
    payload: sectionPayload(topic.id, k),
  }));
  const body = fillPlaceholders(topic.answer.trim(), values);
  const text = `${topic.title}\n\n${body}${keys.length > 0 ? `\n\n${t(locale, 'answer-more')}` : ''}`;
  return buttons.length > 0 ? { text, buttons: rows(buttons, BUTTONS_PER_ROW) } : { text };
}

/** One section of a topic (Giấy tờ, Lệ phí …); undefined when the topic has no such section. */
export function renderSection(
  topic: Topic,
  key: SectionKey,
  values: Record<string, string>,
  t: Translate,
  locale: Locale,
): Reply | undefined {
  const section = topic.sections[key];
  if (!section) return undefined;
  return {
    text: `${topic.title} — ${t(locale, `section-${key}`)}\n\n${fillPlaceholders(section.trim(), values)}`,
  };
}

export function rows<T>(items: readonly T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
}

import type { Locale } from '../core/user';
import { fillPlaceholders } from './placeholders';
import { SECTION_KEYS, type SectionKey, type Topic } from './schema';

/** The sections a topic has, in the order residents see them. */
export function sectionsOf(topic: Topic): SectionKey[] {
  return SECTION_KEYS.filter((k) => topic.sections[k]);
}

/** The short answer of a topic with the commune's details filled in; in English when there is one. */
export function answerText(topic: Topic, values: Record<string, string>, locale: Locale = 'vi'): string {
  const text = locale === 'en' && topic.answer_en ? topic.answer_en : topic.answer;
  return fillPlaceholders(text.trim(), values);
}

/** One section of a topic, or undefined when the topic has no such section (a Vietnamese one decides). */
export function sectionText(
  topic: Topic,
  key: SectionKey,
  values: Record<string, string>,
  locale: Locale = 'vi',
): string | undefined {
  const vietnamese = topic.sections[key];
  if (!vietnamese) return undefined;
  const text = (locale === 'en' && topic.sections_en[key]) || vietnamese;
  return fillPlaceholders(text.trim(), values);
}

import { fillPlaceholders } from './placeholders';
import { SECTION_KEYS, type SectionKey, type Topic } from './schema';

/** The sections a topic has, in the order residents see them. */
export function sectionsOf(topic: Topic): SectionKey[] {
  return SECTION_KEYS.filter((k) => topic.sections[k]);
}

/** The short answer of a topic with the commune's details filled in. */
export function answerText(topic: Topic, values: Record<string, string>): string {
  return fillPlaceholders(topic.answer.trim(), values);
}

export function sectionText(
  topic: Topic,
  key: SectionKey,
  values: Record<string, string>,
): string | undefined {
  const section = topic.sections[key];
  return section ? fillPlaceholders(section.trim(), values) : undefined;
}

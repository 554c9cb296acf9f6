import { OUTSIDE_COMMUNE } from '../core/postal';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import { villageName } from '../knowledge/placeholders';
import type { KnowledgeBase } from '../knowledge/schema';

/** What a rendered report needs besides the numbers: its language, and names instead of ids. */
export interface ReportLabels {
  readonly locale: Locale;
  readonly t: Translate;
  /** the commune's name (content/commune.yaml) */
  readonly commune: string;
  /** a topic's title in the report's language (the id when the topic is gone from the content) */
  topic(id: string): string;
  /** a village's name (the id when the village is gone from the content) */
  village(id: string): string;
}

export function reportLabels(kb: KnowledgeBase, t: Translate, locale: Locale): ReportLabels {
  const topics = new Map(kb.topics.map((x) => [x.id, locale === 'en' ? x.title_en : x.title]));
  return {
    locale,
    t,
    commune: kb.commune.name,
    topic: (id) => topics.get(id) ?? id,
    village: (id) =>
      id === OUTSIDE_COMMUNE ? t(locale, 'postal-outside-place') : villageName(kb.commune, id),
  };
}

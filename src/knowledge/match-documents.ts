import { OUTSIDE_PREFIX, type TopicDocument } from '../language/matcher';
import type { KnowledgeBase } from './schema';

/** What the matcher searches: every topic's title, aliases and sample questions, and what is not ours. */
export function matchDocuments(kb: Pick<KnowledgeBase, 'topics' | 'outOfScope'>): TopicDocument[] {
  return [
    ...kb.topics.map((t) => ({
      topic: t.id,
      title: t.title,
      aliases: [...t.aliases, ...t.aliases_en, ...(t.title_en ? [t.title_en] : [])],
      questions: t.questions,
      ...(t.named ? { named: t.named } : {}),
      ...(t.asks ? { asks: t.asks } : {}),
      ...(t.way ? { way: true } : {}),
      ...(t.kind === 'action' ? { action: true } : {}),
    })),
    ...kb.outOfScope.map((o) => ({
      topic: `${OUTSIDE_PREFIX}${o.id}`,
      title: '',
      aliases: [],
      questions: [...o.examples, ...(o.examples_en ?? [])],
    })),
  ];
}

import type { MatchDocument } from '../language/matcher';
import { OUTSIDE_PREFIX } from '../language/matcher';
import type { KnowledgeBase } from './schema';

/** What the matcher searches: every topic's title, aliases and sample questions, and what is not ours. */
export function matchDocuments(kb: Pick<KnowledgeBase, 'topics' | 'outOfScope'>): MatchDocument[] {
  const outside = kb.outOfScope.flatMap((o) =>
    o.examples.map((text) => ({ topic: `${OUTSIDE_PREFIX}${o.id}`, kind: 'question' as const, text })),
  );
  return kb.topics
    .flatMap((t) => [
      { topic: t.id, kind: 'title' as const, text: t.title },
      ...t.aliases.map((text) => ({ topic: t.id, kind: 'alias' as const, text })),
      ...t.questions.map((text) => ({ topic: t.id, kind: 'question' as const, text })),
    ])
    .concat(outside);
}

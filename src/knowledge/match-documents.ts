import type { MatchDocument } from '../language/matcher';
import type { Topic } from './schema';

/** What the matcher searches: every topic's title, aliases and sample questions. */
export function matchDocuments(topics: readonly Topic[]): MatchDocument[] {
  return topics.flatMap((t) => [
    { topic: t.id, kind: 'title' as const, text: t.title },
    ...t.aliases.map((text) => ({ topic: t.id, kind: 'alias' as const, text })),
    ...t.questions.map((text) => ({ topic: t.id, kind: 'question' as const, text })),
  ]);
}

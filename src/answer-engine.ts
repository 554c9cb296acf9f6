import { createQuestionAnswering, type QuestionAnswering } from './features/question-answering';
import { type I18n, loadI18n } from './i18n';
import { loadContent } from './knowledge/load';
import { matchDocuments } from './knowledge/match-documents';
import { withoutPlaceholderNotes } from './knowledge/placeholders';
import type { KnowledgeBase } from './knowledge/schema';
import { compileCues } from './language/cues';
import { compileLexicon } from './language/lexicon';
import { buildMatcher, type Matcher } from './language/matcher';
import { buildSectionFinder } from './language/section-finder';
import { buildTopicWords } from './language/topic-words';

export interface AnswerEngine {
  readonly kb: KnowledgeBase;
  readonly matcher: Matcher;
  readonly i18n: I18n;
  readonly qa: QuestionAnswering;
}

/** Content + language + strings → the answer engine. Shared by main.ts, the ask CLI, tests and benchmarks. */
export function createAnswerEngine(contentDir: string, localesDir: string): AnswerEngine {
  const loaded = loadContent(contentDir);
  const { lexicon } = loaded;
  // Residents never see «(cần cập nhật …)»: village names without the note (the ids stay).
  const kb: KnowledgeBase = {
    ...loaded.kb,
    commune: {
      ...loaded.kb.commune,
      villages: loaded.kb.commune.villages.map((v) => ({ ...v, name: withoutPlaceholderNotes(v.name) })),
    },
  };
  const compiled = compileLexicon(lexicon);
  const matcher = buildMatcher(matchDocuments(kb), compiled);
  const cues = compileCues(lexicon.conversation ?? {}, compiled);
  const i18n = loadI18n(localesDir);
  const sections = buildSectionFinder(
    kb.topics.map((t) => ({
      id: t.id,
      names: [t.title, t.title_en ?? '', ...(t.named ?? [])],
      answer: t.answer,
      // Vietnamese only: the lexicon reads English words as Vietnamese ones («child» is «trẻ em»), so
      // the English texts would make words such as «trẻ» look common to every section.
      sections: Object.fromEntries(Object.entries(t.sections).map(([key, text]) => [key, [text ?? '']])),
    })),
    compiled,
  );
  const words = buildTopicWords(
    kb.topics.map((t) => ({
      id: t.id,
      texts: [t.title, t.title_en ?? '', ...t.aliases, ...t.aliases_en, ...(t.asks ?? []), ...t.questions],
    })),
    compiled,
  );
  return { kb, matcher, i18n, qa: createQuestionAnswering(kb, matcher, cues, { sections, words }) };
}

import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/knowledge/load';
import { matchDocuments } from '../../src/knowledge/match-documents';
import { compileLexicon } from '../../src/language/lexicon';
import { buildTermIndex } from '../../src/language/term-index';
import { read, readingTerms } from '../../src/language/terms';
import { readQuestionSet } from '../helpers/question-set';

const { kb, lexicon: data } = loadContent('content');
const lexicon = compileLexicon(data);
const documents = matchDocuments(kb);
const indexTerms = (text: string): string[] => readingTerms(read(text, lexicon), lexicon);

describe('term index (MiniSearch, one term at a time)', () => {
  const termIndex = buildTermIndex(documents, indexTerms);
  // The same index searched the ordinary way, all terms at once.
  const whole = new MiniSearch<{
    id: number;
    topic: string;
    title: string;
    aliases: string;
    questions: string;
  }>({
    fields: ['title', 'aliases', 'questions'],
    storeFields: ['topic'],
    tokenize: indexTerms,
    processTerm: (t) => t,
    searchOptions: { boost: { title: 1.15, aliases: 1.1, questions: 1 } },
  });
  whole.addAll(
    documents.map((d, id) => ({
      id,
      topic: d.topic,
      title: d.title,
      aliases: d.aliases.join(' . '),
      questions: d.questions.join(' . '),
    })),
  );

  it('ranks and scores every dev question exactly as a whole MiniSearch OR query does', () => {
    for (const q of readQuestionSet('test/fixtures/questions.tsv')) {
      const terms = indexTerms(q.question).filter((t) => termIndex.vocabulary.has(t));
      const mine = termIndex.search(terms).map((h) => [h.topic, h.score.toFixed(6)]);
      const theirs = whole
        .search(q.question, { tokenize: () => terms })
        .map((r) => [r.topic, r.score.toFixed(6)]);
      expect(mine, q.question).toEqual(theirs);
    }
  });

  it('still finds a topic through a typo in a word it has never seen', () => {
    const hits = termIndex.search(['khai', 'sinhh']);
    expect(hits[0]?.topic).toBe('khai-sinh');
    expect(hits[0]?.matches.get('sinhh')).toContain('sinh');
  });
});

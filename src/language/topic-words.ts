import { isStopword, type Lexicon } from './lexicon';
import { fold } from './normalize';
import { read } from './terms';

/** A topic's own vocabulary: the words of its title, aliases, asking phrases and sample questions. */
export interface TopicVocabulary {
  readonly id: string;
  readonly texts: readonly string[];
}

/**
 * The words of a message beyond what names a topic: «cán bộ đến nhà được không» asks the staff something
 * («nhà»), «cho tôi gặp cán bộ» only asks for them.
 */
export interface TopicWords {
  beyond(topic: string, text: string): string[];
}

export function buildTopicWords(topics: readonly TopicVocabulary[], lexicon: Lexicon): TopicWords {
  const wordsOf = (text: string): string[] =>
    read(text, lexicon)
      .words.filter((w) => !isStopword(w, lexicon))
      .map(fold);
  const vocabulary = new Map(topics.map((t) => [t.id, new Set(t.texts.flatMap(wordsOf))]));
  return {
    beyond(topic, text) {
      const own = vocabulary.get(topic);
      return wordsOf(text).filter((w) => !own?.has(w));
    },
  };
}

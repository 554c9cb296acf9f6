import type { Reply } from '../core/reply';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import { fillPlaceholders, placeholderValues } from '../knowledge/placeholders';
import type { KnowledgeBase, Topic } from '../knowledge/schema';
import type { Matcher, MatchResult } from '../language/matcher';
import { navigationRow } from './keyboards';
import { clarifyReply, topicReply } from './topic-replies';

export const MAX_QUESTION_LENGTH = 2000;
const CLARIFY_OPTIONS = 3;

export interface Answered {
  readonly match: MatchResult;
  readonly reply: Reply;
}

export interface QuestionAnswering {
  answer(question: string, locale: Locale): Answered;
  topic(id: string): Topic | undefined;
  /** {phone}, {hours}… from the commune profile */
  readonly values: Record<string, string>;
}

/** Question in, reply out: the answer, a question back ("Ý bạn là…?") or a polite "not understood". */
export function createQuestionAnswering(
  kb: KnowledgeBase,
  matcher: Matcher,
  t: Translate,
): QuestionAnswering {
  const topics = new Map(kb.topics.map((topic) => [topic.id, topic]));
  const outOfScope = new Map(kb.outOfScope.map((o) => [o.id, o]));
  const values = placeholderValues(kb.commune);

  function answer(question: string, locale: Locale): Answered {
    const c = { t, locale, values };
    const tooLong = question.length > MAX_QUESTION_LENGTH;
    const match = matcher.match(question.slice(0, MAX_QUESTION_LENGTH));
    const withNote = (reply: Reply): Reply =>
      tooLong ? { ...reply, text: `${reply.text}\n\n${t(locale, 'too-long-note')}` } : reply;
    const top = topics.get(match.topic);
    if (match.decision === 'answer' && top) return { match, reply: withNote(topicReply(top, c)) };
    if (match.decision === 'clarify') {
      const options = match.candidates
        .slice(0, CLARIFY_OPTIONS)
        .map((x) => topics.get(x.topic))
        .filter((x): x is Topic => x !== undefined);
      return { match, reply: withNote(clarifyReply(options, c)) };
    }
    const hasWords = /[\p{L}\p{N}]/u.test(question);
    const outside = match.outside ? outOfScope.get(match.outside) : undefined;
    const text = outside
      ? fillPlaceholders(outside.reply, values)
      : hasWords
        ? t(locale, 'unknown-reply', { phone: values.phone ?? '' })
        : t(locale, 'empty-reply');
    return { match, reply: withNote({ text, buttons: [navigationRow(t, locale)] }) };
  }

  return { answer, topic: (id) => topics.get(id), values };
}

import type { Reply } from '../core/reply';
import type { Locale, Translate } from '../i18n';
import { fillPlaceholders, placeholderValues } from '../knowledge/placeholders';
import { renderAnswer, rows, topicPayload } from '../knowledge/render';
import type { KnowledgeBase, Topic } from '../knowledge/schema';
import type { Matcher, MatchResult } from '../language/matcher';

export const MAX_QUESTION_LENGTH = 2000;
const CLARIFY_OPTIONS = 3;

export interface Answered {
  readonly match: MatchResult;
  readonly reply: Reply;
}

export interface QuestionAnswering {
  answer(question: string, locale: Locale): Answered;
  topic(id: string): Topic | undefined;
}

/** Question in, reply out: the answer, a question back ("Ý bạn là…?") or a polite "not understood". */
export function createQuestionAnswering(
  kb: KnowledgeBase,
  matcher: Matcher,
  t: Translate,
): QuestionAnswering {
  const topics = new Map(kb.topics.map((topic) => [topic.id, topic]));
  const values = placeholderValues(kb.commune);
  const outOfScope = new Map(kb.outOfScope.map((o) => [o.id, o]));

  function answer(question: string, locale: Locale): Answered {
    const tooLong = question.length > MAX_QUESTION_LENGTH;
    const match = matcher.match(question.slice(0, MAX_QUESTION_LENGTH));
    const note = tooLong ? `\n\n${t(locale, 'too-long-note')}` : '';
    const top = topics.get(match.topic);
    if (match.decision === 'answer' && top) {
      const reply = renderAnswer(top, values, t, locale);
      return { match, reply: { ...reply, text: reply.text + note } };
    }
    if (match.decision === 'clarify') {
      const options = match.candidates
        .slice(0, CLARIFY_OPTIONS)
        .map((c) => topics.get(c.topic))
        .filter((x): x is Topic => x !== undefined);
      const buttons = options.map((o) => ({ label: o.title, payload: topicPayload(o.id) }));
      buttons.push({ label: t(locale, 'button-none-of-these'), payload: 'clarify:none' });
      return { match, reply: { text: t(locale, 'clarify-prompt') + note, buttons: rows(buttons, 1) } };
    }
    const hasWords = /[\p{L}\p{N}]/u.test(question);
    const outside = match.outside ? outOfScope.get(match.outside) : undefined;
    const text = outside
      ? fillPlaceholders(outside.reply, values)
      : hasWords
        ? t(locale, 'unknown-reply', { phone: values.phone })
        : t(locale, 'empty-reply');
    return { match, reply: { text: text + note } };
  }

  return { answer, topic: (id) => topics.get(id) };
}

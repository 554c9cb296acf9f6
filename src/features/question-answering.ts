import type { Locale } from '../core/user';
import { placeholderValues } from '../knowledge/placeholders';
import {
  type KnowledgeBase,
  type OutOfScope,
  SECTION_KEYS,
  type SectionKey,
  type Topic,
} from '../knowledge/schema';
import type { Cues } from '../language/cues';
import type { Matcher, MatchResult } from '../language/matcher';
import { foldedWords, syllables } from '../language/normalize';
import type { ANSWER, SectionFinder } from '../language/section-finder';
import type { TopicWords } from '../language/topic-words';

export const MAX_QUESTION_LENGTH = 2000;
/** The sections that are a way of doing a procedure (see procedureSection). */
export const CHANNEL_SECTIONS: ReadonlySet<SectionKey> = new Set(['truc-tuyen', 'buu-dien']);
/** The sections whose cue words are broad (what to bring, the notes); the others ask one plain thing. */
const BROAD_CUES: ReadonlySet<SectionKey> = new Set(['giay-to', 'luu-y']);
const POSTAL_SECTION: SectionKey = 'buu-dien';
/**
 * The contact topic (offices, hours, phones): «làm căn cước ở đâu, mấy giờ mở cửa» asks where and when that
 * procedure is done, which its own «Nơi nộp» says (căn cước: Công an xã, with its own hours).
 */
const CONTACT_TOPIC = 'lien-he';
const PLACE_SECTION: SectionKey = 'noi-nop';
const CLARIFY_OPTIONS = 3;

/** Help without a smartphone: the office or the village team does it with the resident. */
const NO_SMARTPHONE_TOPIC = 'khong-co-dien-thoai';
/**
 * The notes of an answer: who may do it (for someone else too, what the no-smartphone help is about),
 * conditions, special cases.
 */
export const NOTES_SECTION: SectionKey = 'luu-y';

/**
 * Asked beside a section's cue words, a way of doing procedures (online, by post), the offices' contacts
 * or help without a smartphone is not a procedure of its own but that section of any procedure («làm trên
 * mạng được không», «công an xã mấy giờ mở cửa» after căn cước, «không rành điện thoại, lên xã làm trực
 * tiếp được ko»). Asked who can do it instead, no smartphone is its own topic: having it done for you.
 */
export const isAsideOf = (topic: Topic, cue: SectionKey): boolean =>
  topic.way === true ||
  topic.id === CONTACT_TOPIC ||
  (topic.id === NO_SMARTPHONE_TOPIC && cue !== NOTES_SECTION);

/**
 * A question this short is one request («khai tử hết bao nhiêu tiền»); in a longer story a section word
 * («giấy tờ», «ở đâu») is often about something else (dev letters: 7 more wrong answers without a bound).
 */
const SHORT_QUESTION_WORDS = 16;

interface DecisionBase {
  readonly match: MatchResult;
  /** the question was longer than the bot reads; only its start was used */
  readonly truncated: boolean;
}

/** What the bot makes of a question, before any wording: one feature function renders it. */
export type AnswerDecision =
  | (DecisionBase & {
      readonly kind: 'answer';
      readonly topic: Topic;
      /** the one section asked for («khai tử làm online được không» → truc-tuyen), when not the whole answer */
      readonly section?: SectionKey;
      /** a close runner-up, offered under the answer («Hay là…») */
      readonly alternative?: Topic;
    })
  | (DecisionBase & { readonly kind: 'clarify'; readonly options: readonly Topic[] })
  | (DecisionBase & { readonly kind: 'outside'; readonly outside: OutOfScope })
  | (DecisionBase & { readonly kind: 'unknown'; readonly empty: boolean });

export interface QuestionAnswering {
  decide(question: string): AnswerDecision;
  /** a short message that is not a procedure question (greeting, thanks, ok, frustration, rude) */
  intent(text: string): string | undefined;
  /** a message that is nothing but such an intent («cảm ơn ad nhiều»): answered before any topic */
  intentOnly(text: string): string | undefined;
  /** a question whether to give a code, a password or money to someone */
  scam(text: string): boolean;
  /** a message saying a code, password or money was already given (`before`: the resident's earlier messages) */
  scammed(text: string, before?: readonly string[]): boolean;
  /** the section of an answer a follow-up asks for («bao nhiêu tiền» → le-phi), and the other words */
  sectionCue(text: string): { readonly key: SectionKey; readonly rest: string } | undefined;
  /** whether the message asks if a paper is needed («có cần giấy kết hôn không») */
  asksPaper(text: string): boolean;
  /** whether it asks yes or no without turning to another procedure («… có phải đổi căn cước không») */
  asksYesNo(text: string): boolean;
  /** whether the message points back at the paper just discussed («giấy này», «giấy đó») */
  refersBack(text: string): boolean;
  /** the words left once every phrase asking for this section is taken out («ở đâu, mấy giờ mở cửa») */
  withoutCues(text: string, key: SectionKey): string;
  /** whether the message turns to something else («thế còn…», «… thì sao») */
  turns(text: string): boolean;
  /** the message without words pointing back at the paper just discussed («giấy đó») or naming who («hộ nghèo») */
  withoutReferring(text: string): string;
  /** the section of a topic whose text holds a follow-up's own words («60 tuổi có phải đổi» → giay-to) */
  sectionAbout(topic: string, text: string, cue?: SectionKey): SectionKey | undefined;
  /** the line of that section (or of the short answer) that holds a follow-up's words, to show it first */
  lineAbout(topic: string, key: SectionKey | typeof ANSWER, text: string): number | undefined;
  topic(id: string): Topic | undefined;
  /** whether the text says the topic's title or one of its aliases («đăng ký kết hôn», «giấy khai sinh») */
  saysName(topic: string, text: string): boolean;
  /** the meaningful words of a message that are not the topic's own («cán bộ đến nhà được không» → nhà) */
  wordsBeyond(topic: string, text: string): string[];
  /** {phone}, {hours}… from the commune profile, in the resident's language */
  readonly values: Readonly<Record<Locale, Record<string, string>>>;
}

/** Question in, decision out: answer one topic, ask back («Ý bà con là…?»), out of scope, or not understood. */
export function createQuestionAnswering(
  kb: KnowledgeBase,
  matcher: Matcher,
  cues: Cues,
  { sections, words }: { readonly sections: SectionFinder; readonly words: TopicWords },
): QuestionAnswering {
  const topics = new Map(kb.topics.map((topic) => [topic.id, topic]));
  const outOfScope = new Map(kb.outOfScope.map((o) => [o.id, o]));

  // each topic's title and aliases, as their bare words between spaces
  const names = new Map(
    kb.topics.map((t) => [t.id, [t.title, ...t.aliases].map((n) => ` ${foldedWords(n)} `)] as const),
  );
  const isSection = (key: string | undefined): key is SectionKey =>
    (SECTION_KEYS as readonly string[]).includes(key ?? '');
  /** The answer section a message asks for («bao nhiêu tiền» → le-phi), and its other words. */
  function sectionCue(text: string): { readonly key: SectionKey; readonly rest: string } | undefined {
    const cue = cues.section(text);
    return cue && isSection(cue.key) ? { key: cue.key, rest: cue.rest } : undefined;
  }

  const isWay = (topic: Topic | undefined): boolean => topic?.way === true;

  /** The procedure these words (a message without its cue) name outright; a way of doing procedures is none. */
  function procedureNamed(words: string): { match: MatchResult; procedure: Topic } | undefined {
    const match = matcher.match(words);
    const procedure = topics.get(match.topic);
    return match.decision === 'answer' && procedure && !isWay(procedure) ? { match, procedure } : undefined;
  }

  /**
   * «khai tử làm online được không», «gửi giấy khai sinh qua bưu điện được không»: a procedure named with a
   * way of doing it. The words of the way (trực tuyến, bưu điện) pull to the general how-to topic; read
   * without them, the message names the procedure, whose own section is the answer.
   */
  function procedureSection(question: string, match: MatchResult): AnswerDecision | undefined {
    // Only when the how-to would be answered: a question back already offers the procedure.
    if (match.decision !== 'answer') return undefined;
    const contact = match.topic === CONTACT_TOPIC;
    if (!contact && !isWay(topics.get(match.topic))) return undefined;
    const cue = sectionCue(question);
    if (!cue || !(contact ? cue.key === PLACE_SECTION : CHANNEL_SECTIONS.has(cue.key))) return undefined;
    const named = procedureNamed(contact ? withoutCues(cue.rest, PLACE_SECTION) : cue.rest);
    // The whole message found the procedure too (among its candidates), not only its remainder.
    if (!named || named.procedure.id === match.topic) return undefined;
    if (!match.candidates.some((c) => c.topic === named.procedure.id)) return undefined;
    if (!named.procedure.sections[cue.key]) return undefined;
    return { match: named.match, truncated: false, kind: 'answer', topic: named.procedure, section: cue.key };
  }

  /** The words without any more phrases that ask for this section («ở đâu, mấy giờ mở cửa» asks twice). */
  function withoutCues(words: string, key: SectionKey): string {
    let rest = words;
    for (let cue = sectionCue(rest); cue?.key === key && cue.rest !== rest; cue = sectionCue(rest))
      rest = cue.rest;
    return rest;
  }

  /**
   * «gửi giấy khai sinh của con qua bưu điện về trọ được không», answered as khai sinh: the postal way is
   * that procedure's own section, not its whole answer. Not the online way: «làm trên VNeID có cả bảo
   * hiểm không» after liên thông asks more than its «Nộp trực tuyến» section says (dev sets read by hand).
   */
  function postalSection(question: string, topic: Topic): SectionKey | undefined {
    if (isWay(topic) || !topic.sections[POSTAL_SECTION]) return undefined;
    return sectionCue(question)?.key === POSTAL_SECTION ? POSTAL_SECTION : undefined;
  }

  /**
   * «khai tử hết bao nhiêu tiền», «khai sinh cần giấy tờ gì» when the whole message only gets a question
   * back: the words that ask for a section («bao nhiêu tiền» → Lệ phí) set aside, the rest names one
   * procedure, the same the whole message put first; the answer is that procedure's section (its whole
   * answer when the words set aside only ask how: «thủ tục», «hướng dẫn»).
   */
  function askedSection(question: string, match: MatchResult): AnswerDecision | undefined {
    if (match.decision === 'answer' || syllables(question).length > SHORT_QUESTION_WORDS) return undefined;
    // «khai sinh cần giấy tờ gì» asks for one section; «thủ tục khai sinh» for the whole procedure
    const section = sectionCue(question);
    const cue = section ?? cues.asking(question);
    if (!cue) return undefined;
    const named = procedureNamed(cue.rest);
    if (!named || match.candidates[0]?.topic !== named.procedure.id) return undefined;
    const answer = { match: named.match, truncated: false, kind: 'answer', topic: named.procedure } as const;
    if (!section) return answer;
    return named.procedure.sections[section.key] ? { ...answer, section: section.key } : undefined;
  }

  function decide(question: string): AnswerDecision {
    const truncated = question.length > MAX_QUESTION_LENGTH;
    const read = question.slice(0, MAX_QUESTION_LENGTH);
    const match = matcher.match(read);
    const base = { match, truncated };
    const section = procedureSection(read, match) ?? askedSection(read, match);
    if (section) return { ...section, truncated };
    const top = topics.get(match.topic);
    if (match.decision === 'answer' && top) {
      const way = postalSection(read, top);
      if (way) return { ...base, kind: 'answer', topic: top, section: way };
      const alternative = match.alternative ? topics.get(match.alternative) : undefined;
      return { ...base, kind: 'answer', topic: top, ...(alternative ? { alternative } : {}) };
    }
    if (match.decision === 'clarify') {
      const options = match.candidates
        .slice(0, CLARIFY_OPTIONS)
        .map((x) => topics.get(x.topic))
        .filter((x): x is Topic => x !== undefined);
      return { ...base, kind: 'clarify', options };
    }
    const outside = match.outside ? outOfScope.get(match.outside) : undefined;
    if (outside) return { ...base, kind: 'outside', outside };
    return { ...base, kind: 'unknown', empty: !/[\p{L}\p{N}]/u.test(question) };
  }

  return {
    decide,
    intent: (text) => cues.intent(text),
    intentOnly: (text) => cues.intentOnly(text),
    scam: (text) => cues.scam(text),
    scammed: (text, before) => cues.scammed(text, before),
    sectionCue,
    asksPaper: (text) => cues.asksPaper(text),
    asksYesNo: (text) => cues.asksYesNo(text),
    turns: (text) => cues.turns(text),
    refersBack: (text) => cues.refersBack(text),
    withoutCues,
    withoutReferring: (text) => cues.withoutReferring(text),
    sectionAbout: (topic, text, cue) => {
      // A cue that asks a plain thing (how much, how long, where, online, by post, the steps) keeps its
      // section whatever else the message tells: «kết hôn ở xã khác thì xin bản sao ở đây được không»
      // asks where. The notes' and the papers' cues are broad, and yield to a section that holds the
      // other words plainly more («trễ hạn có bị phạt»: the fees say what lateness costs).
      if (cue && !BROAD_CUES.has(cue)) return cue;
      const key = sections.find(topic, text, cue);
      return isSection(key) ? key : undefined;
    },
    lineAbout: (topic, key, text) => sections.line(topic, key, text),
    topic: (id) => topics.get(id),
    saysName: (topic, text) => {
      const said = ` ${foldedWords(text)} `;
      return names.get(topic)?.some((n) => said.includes(n)) === true;
    },
    wordsBeyond: (topic, text) => words.beyond(topic, text),
    values: { vi: placeholderValues(kb.commune), en: placeholderValues(kb.commune, 'en') },
  };
}

import type { SectionKey, Topic } from '../knowledge/schema';
import { syllables } from '../language/normalize';
import { type AnswerDecision, isAsideOf } from './question-answering';

/**
 * How a message right after an answer relates to the topic just answered (features/answer.ts).
 *
 * After an answer, the words beside a section cue name another procedure only this surely: «bà ngoại cần
 * mang» (0.81) found the marital-status certificate by chance; «đăng ký kết hôn» is 0.95 and more.
 */
const NAMED_OUTRIGHT = 0.9;
/**
 * A follow-up this short that the bot cannot place stays with the topic just answered (its sections)…
 * Residents often tell a little of their case first («em gái em mới 17 tuổi rưỡi, đăng ký kết hôn được
 * chưa»): at 12 words, 140 follow-ups about papers and notes written by a helper got 55 right, at 16 76
 * (at 20 77), the other dev follow-ups alike or 2 more; as a first question is read (SHORT_QUESTION_WORDS).
 */
const FOLLOW_UP_WORDS = 16;
/**
 * …when the knowledge base knows this share of its words: «có bị phạt không» 1.0, «em ở Bình Dương, có
 * cần về quê không» 0.34; a phone number typed with «qwerty số tôi» 0.06 is not understood at all.
 */
const UNDERSTOOD = 0.25;
/**
 * …unless it is plainly about something we do not handle (the classifier's chance of "not ours"):
 * «lam ho chieu o dau» 0.65, «thu tuc ly hon» 0.87; a follow-up that only shares a word with such a
 * subject («có cần về quê không» → parcels 0.35, «có bị phạt không» → loans 0.38) is under it.
 */
const PLAINLY_OUTSIDE = 0.5;

/**
 * The words beside a section cue («hộ chiếu» in «hộ chiếu làm ở đâu» after khai sinh) name another
 * procedure outright, or plainly something we do not handle: not a follow-up. Named less surely, the
 * procedure is still named when the whole message is answered with it outright («vậy khai sinh cho đứa nhỏ
 * mới đẻ thì cần giấy gì» after the health-insurance card). A way of doing procedures or the offices'
 * contacts is no other procedure (`isAsideOf`): «làm trên mạng», «công an xã mấy giờ mở cửa» ask about
 * the one just answered.
 */
export function namesElsewhere(
  other: AnswerDecision,
  last: string,
  cue: SectionKey,
  whole?: AnswerDecision,
): boolean {
  if (other.kind === 'outside') return plainlyOutside(other);
  if (other.kind !== 'answer' || other.topic.id === last || isAsideOf(other.topic, cue)) return false;
  if (other.match.confidence >= NAMED_OUTRIGHT) return true;
  return (
    whole?.kind === 'answer' && whole.topic.id === other.topic.id && whole.match.confidence >= NAMED_OUTRIGHT
  );
}

/** Short enough to be a follow-up of the answer just given. */
export const isShortFollowUp = (text: string): boolean => syllables(text).length <= FOLLOW_UP_WORDS;

/**
 * A short message with words the knowledge base knows, that names no topic (a question back would offer
 * topics it names: «chứng thực» after khai sinh asks which chứng thực) and is not plainly about something
 * we do not handle: a follow-up.
 */
export function isUnplacedFollowUp(text: string, decision: AnswerDecision): boolean {
  if (!isShortFollowUp(text)) return false;
  if (decision.kind === 'unknown') return (decision.match.understood ?? 0) >= UNDERSTOOD;
  return decision.kind === 'outside' && !plainlyOutside(decision);
}

/**
 * A short message that names no other procedure outright: one the bot cannot place, or a question back
 * that offers the topic just answered among its candidates. Its own words may pick that topic's section.
 */
export function mayBeAbout(text: string, decision: AnswerDecision, last: string): boolean {
  if (!isShortFollowUp(text)) return false;
  if (decision.kind === 'clarify') return decision.match.candidates.some((c) => c.topic === last);
  return isUnplacedFollowUp(text, decision);
}

/** The intent of «ok», «vâng», 👍: alone a kind word, beside other words no sign of anything. */
const OK = 'ok';

/**
 * The intent of a short message that got no answer («ko hieu gi het»: frustration), not over a subject
 * plainly not ours («ok, làm hộ chiếu ở đâu» wants the passport office), and not an «ok» among other
 * words: typed bare, «vâng» is also «vắng» («khai bao tam vang o dau») or «vàng».
 */
export function intentBeside(
  text: string,
  decision: AnswerDecision,
  intent: (text: string) => string | undefined,
): string | undefined {
  if (decision.kind === 'answer' || isPlainlyOutside(decision)) return undefined;
  const found = intent(text);
  return found === OK ? undefined : found;
}

/** Plainly about something we do not handle («làm hộ chiếu», «thủ tục ly hôn»). */
export const isPlainlyOutside = (decision: AnswerDecision): boolean =>
  decision.kind === 'outside' && plainlyOutside(decision);

/** A section asked with no topic at all («bao nhiêu tiền»): nothing named, nothing plainly not ours. */
export const isLoneCue = (decision: AnswerDecision): boolean =>
  decision.kind === 'unknown' || (decision.kind === 'outside' && !plainlyOutside(decision));

/**
 * A short message answered as another procedure it does not name outright, right after an answer that is
 * among its candidates («2 vợ chồng phải cùng đi không» after chứng thực hợp đồng reads as kết hôn): the
 * topic just answered is the one button under it («Hay là…»), one tap back.
 */
export function withLastAsAlternative(
  text: string,
  decision: AnswerDecision,
  last: Topic | undefined,
): AnswerDecision {
  if (decision.kind !== 'answer' || !last || decision.topic.id === last.id) return decision;
  if (!isShortFollowUp(text) || decision.match.confidence >= NAMED_OUTRIGHT) return decision;
  if (!decision.match.candidates.some((c) => c.topic === last.id)) return decision;
  return { ...decision, alternative: last };
}

/** Options of a question back that explain under this share of a message's words share a word by chance. */
const OPTIONS_EXPLAIN = 0.5;

/**
 * A short question back right after an answer also offers that answer's topic: first when the message's
 * words found it too, or when the options explain little of it («quá 30 ngày rồi có sao không» after khai
 * tử: the talk goes on), else last («chứng thực» after khai sinh asks which chứng thực).
 */
export function withLastTopic(
  text: string,
  decision: AnswerDecision,
  last: Topic | undefined,
): AnswerDecision {
  if (decision.kind !== 'clarify' || !last || !isShortFollowUp(text)) return decision;
  const others = decision.options.filter((o) => o.id !== last.id);
  const found = decision.match.candidates.some((c) => c.topic === last.id);
  const unexplained = (decision.match.understood ?? 1) < OPTIONS_EXPLAIN;
  return { ...decision, options: found || unexplained ? [last, ...others] : [...others, last] };
}

const plainlyOutside = (d: AnswerDecision): boolean => (d.match.outsideLikely ?? 1) >= PLAINLY_OUTSIDE;

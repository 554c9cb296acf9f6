import type { UsageEvent } from '../core/usage';
import type { SectionKey, Topic } from '../knowledge/schema';
import { ANSWER } from '../language/section-finder';
import type { FeatureContext } from './feature';
import {
  isPlainlyOutside,
  isShortFollowUp,
  isUnplacedFollowUp,
  mayBeAbout,
  namesElsewhere,
} from './follow-ups';
import { navigationRow, sectionPayload } from './keyboards';
import { type AnswerDecision, CHANNEL_SECTIONS, isAsideOf } from './question-answering';
import { type ReplyContext, sectionChoiceReply, sectionReply, topicReply } from './topic-replies';
import type { Outcome, Turn } from './types';

/** The section a question whether a paper is needed is about. */
const PAPERS: SectionKey = 'giay-to';

type Cue = { readonly key: SectionKey; readonly rest: string } | undefined;

export const replyContext = (turn: Turn, ctx: FeatureContext): ReplyContext => ({
  t: ctx.t,
  locale: turn.locale,
  values: ctx.commune[turn.locale],
  topicButtons: (topic) => ctx.topicButtons(topic, turn),
});

/** The outcome of a feature, with these events counted before its own. */
export async function counted(
  outcome: Outcome | Promise<Outcome>,
  events: readonly UsageEvent[],
): Promise<Outcome> {
  const o = await outcome;
  return { ...o, usage: [...events, ...(o.usage ?? [])] };
}

const answeredFollowUp = (topic: string): UsageEvent => ({
  kind: 'question',
  result: 'answered',
  topic,
  band: 'followup',
});

/** One section of a topic; `asked`: the resident's words, when they picked it (their line comes first). */
export function showSection(
  topicId: string,
  key: SectionKey,
  turn: Turn,
  deps: FeatureContext,
  asked?: string,
): Outcome | undefined {
  const topic = deps.qa.topic(topicId);
  const line = asked === undefined ? undefined : deps.qa.lineAbout(topicId, key, asked);
  const reply = topic ? sectionReply(topic, key, replyContext(turn, deps), line) : undefined;
  if (!reply) return undefined;
  return {
    replies: [reply],
    session: { ...turn.session, lastTopic: topicId },
    usage: [{ kind: 'topic', topic: topicId, from: 'followup', section: key }],
  };
}

/**
 * A follow-up about the topic just answered, read before the message's own decision: a paper asked
 * about, or a section cue with nothing that names another procedure in the rest of the message.
 */
export function followUpOf(
  text: string,
  cue: Cue,
  decision: AnswerDecision,
  turn: Turn,
  deps: FeatureContext,
): Promise<Outcome> | undefined {
  const last = turn.session.lastTopic;
  if (!last) return undefined;
  // Something we do not handle, told as the situation of a question that points at the topic just
  // answered by its name or at its paper («chồng mất bên Đài Loan lúc đi xuất khẩu lao động, giờ khai tử ở
  // đâu» after khai tử; «xin giấy này để vay vốn rồi, giờ dùng lại được không»), is not what is asked.
  const pointsAtLast = (): boolean => deps.qa.saysName(last, text) || deps.qa.refersBack(text);
  if (isPlainlyOutside(decision) && !pointsAtLast()) return undefined;
  // «có cần giấy kết hôn không» after thường trú: a paper to bring for it, not the marriage procedure.
  // Another section's words come first: «bà nội đi làm hộ có cần giấy ủy quyền không» asks who may go.
  const paper = (!cue || cue.key === PAPERS) && deps.qa.asksPaper(text);
  const papers = paper && isShortFollowUp(text) ? showSection(last, PAPERS, turn, deps, text) : undefined;
  if (papers) return counted(papers, [answeredFollowUp(last)]);
  const asked = cue && wayItself(cue, last, deps);
  if (!asked || !deps.qa.topic(last)?.sections[asked.key]) return undefined;
  // «rứa còn VNeID thì răng» after căn cước: «VNeID» is also the online section's word, but the message
  // turns to it (not to a way of doing it: «thế còn làm online thì sao» is still that procedure's)
  const turnsTo = decision.kind === 'answer' && decision.topic.id !== last ? decision.topic : undefined;
  if (turnsTo && !isAsideOf(turnsTo, asked.key) && deps.qa.turns(text)) return undefined;
  // the whole message too: «làm hộ chiếu» holds the cue «làm hộ», and the rest is only «chiếu»;
  // «giấy đó» points back at the paper just discussed («giay do» is also «giấy đỏ», land), and «hộ
  // nghèo có miễn không» asks who is exempt, not about the allowance for poor households
  // …and more of the section's own words say nothing more: «VNeID» beside «trên app» is the online way
  const other = deps.qa.decide(deps.qa.withoutReferring(deps.qa.withoutCues(asked.rest, asked.key)));
  const elsewhere = namesElsewhere(other, last, asked.key, decision);
  if (elsewhere && !(other.kind === 'outside' && pointsAtLast()) && !toldOf(other, last, asked, text, deps))
    return undefined;
  // The words of a way of doing it or of the offices («điện thoại», «app») pick no other section: «không
  // rành điện thoại, lên xã làm trực tiếp chỗ nào» asks where, though the online section says «điện thoại».
  const aside = other.kind === 'answer' && other.topic.id !== last && isAsideOf(other.topic, asked.key);
  const key = aside ? asked.key : (deps.qa.sectionAbout(last, asked.rest, asked.key) ?? asked.key);
  return sectionFollowUp(last, key, text, turn, deps);
}

/**
 * The cue of a message about the way the topic just answered is itself («gửi bưu điện thì bao lâu xã mới
 * nhận» after the postal service) says nothing: the other words' cue does, when they have one.
 */
function wayItself(cue: NonNullable<Cue>, last: string, deps: FeatureContext): NonNullable<Cue> {
  if (deps.qa.topic(last)?.way !== true || !CHANNEL_SECTIONS.has(cue.key)) return cue;
  return deps.qa.sectionCue(cue.rest) ?? cue;
}

/**
 * Another procedure's words told as the resident's situation, not asked for by its name, in a short
 * follow-up that the cued section of the answer just given speaks to: «tôi ở tạm trú nơi khác, xin ở đó
 * được không» after the marital-status paper (its «Nơi nộp» says where someone staying elsewhere asks),
 * not «đăng ký kết hôn cần gì» (named) after khai sinh.
 */
function toldOf(
  other: AnswerDecision,
  last: string,
  cue: NonNullable<Cue>,
  text: string,
  deps: FeatureContext,
): boolean {
  if (other.kind !== 'answer' || deps.qa.saysName(other.topic.id, cue.rest)) return false;
  return isShortFollowUp(text) && deps.qa.lineAbout(last, cue.key, text) !== undefined;
}

/** That section of the topic just answered, with the resident's line first, counted as a follow-up answered. */
function sectionFollowUp(
  last: string,
  key: SectionKey,
  text: string,
  turn: Turn,
  deps: FeatureContext,
): Promise<Outcome> | undefined {
  const section = showSection(last, key, turn, deps, text);
  return section ? counted(section, [answeredFollowUp(last)]) : undefined;
}

/**
 * A short yes/no question right after an answer, without a section's cue words, that the message's own
 * decision reads as another procedure or a subject we do not handle, while a line of the answer just
 * given holds its words: a detail of that answer («sửa xong có phải đổi căn cước không» after cải chính,
 * whose notes say to change the card; «đang tạm trú ở đây xin được không» after the marital-status paper,
 * which says where). A message that turns away («thế còn căn cước thì sao») is not one.
 */
export function detailOfLast(
  text: string,
  cue: Cue,
  decision: AnswerDecision,
  turn: Turn,
  deps: FeatureContext,
): Promise<Outcome> | undefined {
  const last = turn.session.lastTopic;
  if (!last || cue || !isShortFollowUp(text) || !deps.qa.asksYesNo(text)) return undefined;
  const elsewhere = (decision.kind === 'answer' && decision.topic.id !== last) || decision.kind === 'outside';
  if (!elsewhere) return undefined;
  const key = deps.qa.sectionAbout(last, text);
  if (!key || deps.qa.lineAbout(last, key, text) === undefined) return undefined;
  return sectionFollowUp(last, key, text, turn, deps);
}

/**
 * «bao nhiêu tiền» with no topic before it: which procedure? Right after a question back, that section of
 * each topic it offered, one tap away.
 */
export function loneCueReply(
  key: SectionKey,
  offered: readonly string[],
  turn: Turn,
  deps: FeatureContext,
  session: Turn['session'],
): Outcome {
  const section = deps.t(turn.locale, `section-${key}`).toLocaleLowerCase(turn.locale);
  const choices = offered
    .map((id) => deps.qa.topic(id))
    .filter((t): t is Topic => t?.sections[key] !== undefined)
    .map((t) => [{ label: turn.locale === 'en' ? t.title_en : t.title, payload: sectionPayload(t.id, key) }]);
  return {
    replies: [
      {
        text: deps.t(turn.locale, choices.length > 0 ? 'followup-no-topic-offered' : 'followup-no-topic', {
          section,
        }),
        buttons: [...choices, navigationRow(deps.t, turn.locale)],
      },
    ],
    session,
    usage: [{ kind: 'question', result: 'clarified' }],
  };
}

/**
 * A short follow-up the decision could not place, right after an answer: the section (or the line of the
 * short answer) whose words it uses («trễ hạn thì sao» after khai sinh), else that topic's sections to
 * choose from, not unrelated topics.
 */
export function unplacedFollowUp(
  text: string,
  decision: AnswerDecision,
  last: Topic,
  turn: Turn,
  deps: FeatureContext,
  session: Turn['session'],
): Outcome | Promise<Outcome> | undefined {
  if (last.kind !== 'info') return undefined;
  if (mayBeAbout(text, decision, last.id)) {
    const about = deps.qa.sectionAbout(last.id, text);
    const section = about ? showSection(last.id, about, turn, deps, text) : undefined;
    if (section) return counted(section, [answeredFollowUp(last.id)]);
    const line = deps.qa.lineAbout(last.id, ANSWER, text);
    if (line !== undefined)
      return {
        replies: [topicReply(last, replyContext(turn, deps), undefined, line)],
        session: { ...session, lastTopic: last.id },
        usage: [answeredFollowUp(last.id)],
      };
  }
  if (!isUnplacedFollowUp(text, decision)) return undefined;
  return {
    replies: [sectionChoiceReply(last, replyContext(turn, deps))],
    session,
    usage: [{ kind: 'question', result: 'clarified' }],
  };
}

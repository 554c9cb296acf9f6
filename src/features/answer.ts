import type { Reply } from '../core/reply';
import type { UsageEvent } from '../core/usage';
import { SECTION_KEYS, type SectionKey } from '../knowledge/schema';
import { looksEnglish } from '../language/english';
import { syllables } from '../language/normalize';
import { ANSWER } from '../language/section-finder';
import { type Feature, type FeatureContext, payloadKind } from './feature';
import {
  counted,
  detailOfLast,
  followUpOf,
  loneCueReply,
  replyContext,
  showSection,
  unplacedFollowUp,
} from './follow-up-replies';
import { intentBeside, isLoneCue, isShortFollowUp, withLastAsAlternative, withLastTopic } from './follow-ups';
import { languagePayload, navigationRow, parseId } from './keyboards';
import { NOTES_SECTION } from './question-answering';
import { decisionReply, sourcesReply, topicReply } from './topic-replies';
import type { FeatureDeps, Outcome, Turn } from './types';

/** A short question asked yes or no («… được không», «… được chưa»). */
const isNotesQuestion = (text: string, deps: FeatureContext): boolean =>
  isShortFollowUp(text) && deps.qa.asksYesNo(text);

/** After this many questions in a row that the bot did not understand, it says so and offers people. */
const MISSES_BEFORE_FALLBACK = 2;

/** An answer this sure is counted as a clear one in the statistics' confidence bands. */
const HIGH_CONFIDENCE = 0.9;

/** A topic chosen from the menu or a «Ý bà con là…?» button. */
export function answerTopic(
  topicId: string,
  turn: Turn,
  deps: FeatureContext,
  from: 'menu' | 'clarify' | 'alternative' = 'menu',
): Outcome | Promise<Outcome> | undefined {
  const topic = deps.qa.topic(topicId);
  if (!topic) return undefined;
  const shown: UsageEvent = { kind: 'topic', topic: topic.id, from };
  if (topic.kind === 'action') return counted(carryOut(topicId, turn, deps), [shown]);
  return {
    replies: [topicReply(topic, replyContext(turn, deps))],
    session: { ...turn.session, misses: 0, lastTopic: topic.id },
    usage: [shown],
  };
}

/**
 * A typed question, the way a patient clerk hears it: a scam question gets «KHÔNG» at once; a
 * procedure named gets its answer; «cảm ơn», «ok», «chào cháu» get a kind word; a follow-up that names
 * no other procedure («bao nhiêu tiền», «mất mấy ngày») gets that section of the topic just discussed;
 * then a question back, the where-to-go reply, or — after repeated misses — the way to a person.
 */
export function answerQuestion(text: string, asked: Turn, deps: FeatureContext): Outcome | Promise<Outcome> {
  // Written in English by a resident whose chat is in Vietnamese: answered in English, with a way to keep it.
  if (asked.locale === 'vi' && looksEnglish(text))
    return inEnglish(answerQuestion(text, { ...asked, locale: 'en' }, deps), deps);
  // The topics of a question back count for the next message only.
  const { offered, ...session } = asked.session;
  const turn = { ...asked, session };
  const calm = { ...turn.session, misses: 0 };
  // Already given: what to do now (lock the account, report), not «do not give it».
  if (
    deps.qa.scammed(
      text,
      (turn.session.recent ?? []).filter((m) => m !== text),
    )
  )
    return safetyReply('safety-scammed', turn, deps, calm);
  if (deps.qa.scam(text)) return safetyReply('safety-scam', turn, deps, calm);
  const only = deps.qa.intentOnly(text);
  if (only) return intentReply(only, turn, deps, calm);
  const last = turn.session.lastTopic;
  const cue = deps.qa.sectionCue(text);
  // read once: a follow-up checks it too («làm hộ chiếu» holds the cue «làm hộ»)
  const decision = deps.qa.decide(text);
  // A follow-up about the topic just answered: a paper asked about, or a section's cue words.
  const followUp =
    followUpOf(text, cue, decision, turn, deps) ?? detailOfLast(text, cue, decision, turn, deps);
  if (followUp) return followUp;
  // «bao nhiêu tiền» with no topic before it: ask which procedure (it got «no market prices»). Not a
  // message that names one («vneid» is also a cue word) or plainly something else («làm hộ chiếu»: «làm hộ»).
  if (cue && !last && syllables(cue.rest).length <= 1 && isLoneCue(decision))
    return loneCueReply(cue.key, offered ?? [], turn, deps, calm);
  if (decision.kind === 'answer') {
    const topic = decision.topic.id;
    const band = decision.match.confidence >= HIGH_CONFIDENCE ? 'high' : 'medium';
    const events: UsageEvent[] = [
      { kind: 'question', result: 'answered', topic, band },
      { kind: 'topic', topic, from: 'question' },
    ];
    if (decision.topic.kind === 'action') return counted(carryOut(topic, turn, deps), events);
    // The topic just answered, asked again with words of one of its sections («60 tuổi có phải đổi căn
    // cước không» after căn cước): that section, not the whole answer a second time.
    const askedAgain = topic === last && !decision.section;
    const about = askedAgain ? deps.qa.sectionAbout(topic, text) : undefined;
    const again = about ? showSection(topic, about, turn, deps, text) : undefined;
    if (again) return counted(again, [{ kind: 'question', result: 'answered', topic, band: 'followup' }]);
    const context = withLastAsAlternative(text, decision, last ? deps.qa.topic(last) : undefined);
    // asked again with words that only a line of the short answer holds: that line first
    const line = topic === last ? deps.qa.lineAbout(topic, ANSWER, text) : undefined;
    // asked again yes or no about a case no section's words name («em gái 17 tuổi rưỡi đăng ký kết hôn
    // được chưa», «tay run không ký nổi thì có chứng thực được không»): the notes, where the conditions
    // and special cases are, not the whole answer a second time
    const notes =
      askedAgain && line === undefined && isNotesQuestion(text, deps)
        ? showSection(topic, NOTES_SECTION, turn, deps, text)
        : undefined;
    if (notes) return counted(notes, [{ kind: 'question', result: 'answered', topic, band: 'followup' }]);
    const reply = decisionReply(context, replyContext(turn, deps), line);
    return { replies: [reply], session: { ...calm, lastTopic: topic }, usage: events };
  }
  const intent = intentBeside(text, decision, deps.qa.intent);
  if (intent) return intentReply(intent, turn, deps, calm);
  const lastTopic = last ? deps.qa.topic(last) : undefined;
  const unplaced = lastTopic ? unplacedFollowUp(text, decision, lastTopic, turn, deps, calm) : undefined;
  if (unplaced) return unplaced;
  const reply = decisionReply(withLastTopic(text, decision, lastTopic), replyContext(turn, deps));
  switch (decision.kind) {
    case 'clarify':
      return {
        replies: [reply],
        session: { ...calm, offered: decision.options.map((o) => o.id) },
        usage: [{ kind: 'question', result: 'clarified' }],
      };
    // Recognised as not ours and told where to go: understood, not a miss. The talk has moved on: a
    // «bao nhiêu tiền» after a question about loans is not about the procedure before it.
    case 'outside':
      return {
        replies: [reply],
        session: { ...calm, lastTopic: undefined },
        usage: [{ kind: 'question', result: 'outside', text }],
      };
    default: {
      const missed = miss(turn, deps, reply);
      if (decision.empty) return missed;
      return { ...missed, usage: [{ kind: 'question', result: 'unanswered', text }] };
    }
  }
}

/** The outcome in English, and one line offering to keep English (the chat's language is not changed). */
async function inEnglish(outcome: Outcome | Promise<Outcome>, deps: FeatureContext): Promise<Outcome> {
  const o = await outcome;
  const offer: Reply = {
    text: deps.t('en', 'english-noticed'),
    buttons: [[{ label: deps.t('en', 'button-keep-english'), payload: languagePayload('en') }]],
  };
  return { ...o, replies: [...o.replies, offer] };
}

/** «KHÔNG» to a scam question, or what to do after one: at once, whatever else the message says. */
function safetyReply(key: string, turn: Turn, deps: FeatureContext, session: Turn['session']): Outcome {
  return {
    replies: [
      {
        text: deps.t(turn.locale, key, { police: deps.commune[turn.locale].police ?? '' }),
        buttons: [navigationRow(deps.t, turn.locale)],
      },
    ],
    session,
    usage: [{ kind: 'question', result: 'answered', band: 'high' }],
  };
}

/** A kind word for a greeting, thanks, ok, frustration or rudeness: not a miss. */
function intentReply(intent: string, turn: Turn, deps: FeatureContext, session: Turn['session']): Outcome {
  return {
    replies: [
      {
        text: deps.t(turn.locale, `intent-${intent}`, { phone: deps.commune[turn.locale].phone ?? '' }),
        buttons: [navigationRow(deps.t, turn.locale)],
      },
    ],
    session,
  };
}

/** The resident said none of the suggestions fit, or the bot did not understand. */
function miss(turn: Turn, deps: FeatureDeps, reply?: Reply): Outcome {
  const misses = turn.session.misses + 1;
  if (misses >= MISSES_BEFORE_FALLBACK || !reply) {
    return { replies: [fallback(turn, deps)], session: { ...turn.session, misses: 0 } };
  }
  return { replies: [reply], session: { ...turn.session, misses } };
}

/** Said plainly: the menu, and the office's contacts to reach a person. */
function fallback(turn: Turn, deps: FeatureDeps): Reply {
  const v = deps.commune[turn.locale];
  return {
    text: deps.t(turn.locale, 'fallback', {
      office: v.office ?? '',
      phone: v.phone ?? '',
      address: v.address ?? '',
      hours: v.hours ?? '',
    }),
    buttons: [navigationRow(deps.t, turn.locale)],
  };
}

/** A topic of kind `action`: the feature that carries it out, if there is one. */
function carryOut(topicId: string, turn: Turn, ctx: FeatureContext): Outcome | Promise<Outcome> {
  const action = ctx.topicAction(topicId);
  return action ? action(turn, ctx) : actionNotReady(topicId, turn, ctx);
}

/**
 * Announcements and talking to a person come with later features; until a topic's feature exists the
 * bot says so honestly and gives the office's contacts.
 */
function actionNotReady(topicId: string, turn: Turn, deps: FeatureDeps): Outcome {
  const topic = deps.qa.topic(topicId);
  return {
    replies: [
      {
        text: deps.t(turn.locale, 'action-not-ready', {
          title: topic?.title ?? topicId,
          phone: deps.commune[turn.locale].phone ?? '',
          hours: deps.commune[turn.locale].hours ?? '',
        }),
        buttons: [navigationRow(deps.t, turn.locale)],
      },
    ],
    session: { ...turn.session, misses: 0 },
  };
}

const SECTION = new RegExp(`^([a-z0-9]+(?:-[a-z0-9]+)*):(${SECTION_KEYS.join('|')})$`);

/** Questions typed in any form, topics and their sections from buttons. */
export const answerFeature: Feature = {
  id: 'answer',
  payloads: [
    payloadKind({ prefix: 'topic', parse: parseId, handle: (id, turn, ctx) => answerTopic(id, turn, ctx) }),
    payloadKind({
      prefix: 'pick',
      parse: parseId,
      handle: (id, turn, ctx) => answerTopic(id, turn, ctx, 'clarify'),
    }),
    payloadKind({
      prefix: 'alt',
      parse: parseId,
      handle: (id, turn, ctx) => answerTopic(id, turn, ctx, 'alternative'),
    }),
    payloadKind({
      prefix: 'sec',
      parse: (args) => {
        const m = SECTION.exec(args ?? '');
        return m ? { topic: m[1]!, key: m[2] as SectionKey } : undefined;
      },
      handle: ({ topic, key }, turn, ctx) => showSection(topic, key, turn, ctx),
    }),
    payloadKind({
      prefix: 'src',
      parse: parseId,
      handle: (id, turn, ctx) => {
        const topic = ctx.qa.topic(id);
        return topic ? { replies: [sourcesReply(topic, replyContext(turn, ctx))] } : undefined;
      },
    }),
    payloadKind({
      prefix: 'clarify',
      parse: (args) => (args === 'none' ? true : undefined),
      handle: (_none, turn, ctx) => miss(turn, ctx),
    }),
  ],
  text: (text, turn, ctx) => answerQuestion(text, turn, ctx),
};

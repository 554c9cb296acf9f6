import type { Reply } from '../core/reply';
import type { UsageEvent } from '../core/usage';
import { SECTION_KEYS, type SectionKey, type Topic } from '../knowledge/schema';
import { looksEnglish } from '../language/english';
import { syllables } from '../language/normalize';
import { type Feature, type FeatureContext, payloadKind } from './feature';
import {
  isLoneCue,
  isPlainlyOutside,
  isShortFollowUp,
  isUnplacedFollowUp,
  mayBeAbout,
  namesElsewhere,
  withLastAsAlternative,
  withLastTopic,
} from './follow-ups';
import { languagePayload, navigationRow, parseId, sectionPayload } from './keyboards';
import {
  decisionReply,
  type ReplyContext,
  sectionChoiceReply,
  sectionReply,
  sourcesReply,
  topicReply,
} from './topic-replies';
import type { FeatureDeps, Outcome, Turn } from './types';

/** After this many questions in a row that the bot did not understand, it says so and offers people. */
const MISSES_BEFORE_FALLBACK = 2;

const replyContext = (turn: Turn, ctx: FeatureContext): ReplyContext => ({
  t: ctx.t,
  locale: turn.locale,
  values: ctx.commune[turn.locale],
  topicButtons: (topic) => ctx.topicButtons(topic, turn),
});

/** An answer this sure is counted as a clear one in the statistics' confidence bands. */
const HIGH_CONFIDENCE = 0.9;
/** The section a question whether a paper is needed is about. */
const PAPERS: SectionKey = 'giay-to';

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

function showSection(
  topicId: string,
  key: SectionKey,
  turn: Turn,
  deps: FeatureContext,
  /** the resident's words, when they picked the section: the line that holds them comes first */
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

/** The outcome of a feature, with these events counted before its own. */
async function counted(outcome: Outcome | Promise<Outcome>, events: readonly UsageEvent[]): Promise<Outcome> {
  const o = await outcome;
  return { ...o, usage: [...events, ...(o.usage ?? [])] };
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
  // «có cần giấy kết hôn không» after thường trú: a paper to bring for it, not the marriage procedure.
  // Another section's words come first: «bà nội đi làm hộ có cần giấy ủy quyền không» asks who may go.
  const paper = (!cue || cue.key === PAPERS) && deps.qa.asksPaper(text);
  if (last && paper && isShortFollowUp(text) && !isPlainlyOutside(decision)) {
    const section = showSection(last, PAPERS, turn, deps, text);
    if (section)
      return counted(section, [{ kind: 'question', result: 'answered', topic: last, band: 'followup' }]);
  }
  // A follow-up about the topic just answered: the cue («bao nhiêu tiền», «làm online được không») and
  // nothing that names another procedure in the rest of the message.
  if (cue && last && deps.qa.topic(last)?.sections[cue.key]) {
    // the whole message too: «làm hộ chiếu» holds the cue «làm hộ», and the rest is only «chiếu»;
    // «giấy đó» points back at the paper just discussed («giay do» is also «giấy đỏ», land), and «hộ
    // nghèo có miễn không» asks who is exempt, not about the allowance for poor households
    const rest = deps.qa.withoutReferring(cue.rest);
    if (!namesElsewhere(deps.qa.decide(rest), last) && !isPlainlyOutside(decision)) {
      const key = deps.qa.sectionAbout(last, cue.rest, cue.key) ?? cue.key;
      const section = showSection(last, key, turn, deps, text);
      if (section) {
        const answered: UsageEvent = { kind: 'question', result: 'answered', topic: last, band: 'followup' };
        return { ...section, usage: [answered, ...(section.usage ?? [])] };
      }
    }
  }
  // «bao nhiêu tiền» with no topic before it: ask which procedure (it got «no market prices»). Not a
  // message that names one («vneid» is also a cue word) or plainly something else («làm hộ chiếu»: «làm hộ»).
  if (cue && !last && syllables(cue.rest).length <= 1 && isLoneCue(decision)) {
    const section = deps.t(turn.locale, `section-${cue.key}`).toLocaleLowerCase(turn.locale);
    // right after a question back: that section of each topic it offered, one tap away
    const choices = (offered ?? [])
      .map((id) => deps.qa.topic(id))
      .filter((t): t is Topic => t?.sections[cue.key] !== undefined)
      .map((t) => [
        { label: turn.locale === 'en' ? t.title_en : t.title, payload: sectionPayload(t.id, cue.key) },
      ]);
    return {
      replies: [
        {
          text: deps.t(turn.locale, choices.length > 0 ? 'followup-no-topic-offered' : 'followup-no-topic', {
            section,
          }),
          buttons: [...choices, navigationRow(deps.t, turn.locale)],
        },
      ],
      session: calm,
      usage: [{ kind: 'question', result: 'clarified' }],
    };
  }
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
    const about = topic === last && !decision.section ? deps.qa.sectionAbout(topic, text) : undefined;
    const followUp = about ? showSection(topic, about, turn, deps, text) : undefined;
    if (followUp)
      return counted(followUp, [{ kind: 'question', result: 'answered', topic, band: 'followup' }]);
    const context = withLastAsAlternative(text, decision, last ? deps.qa.topic(last) : undefined);
    // asked again with words that only a line of the short answer holds: that line first
    const line = topic === last ? deps.qa.lineAbout(topic, 'answer', text) : undefined;
    const reply = decisionReply(context, replyContext(turn, deps), line);
    return { replies: [reply], session: { ...calm, lastTopic: topic }, usage: events };
  }
  // Not over a subject plainly not ours: «ok, làm hộ chiếu ở đâu» wants the passport office.
  const intent = isPlainlyOutside(decision) ? undefined : deps.qa.intent(text);
  if (intent) return intentReply(intent, turn, deps, calm);
  const lastTopic = last ? deps.qa.topic(last) : undefined;
  // A short follow-up whose own words are in one section of the topic just answered («trễ hạn thì sao»
  // after khai sinh): that section.
  if (lastTopic?.kind === 'info' && mayBeAbout(text, decision, lastTopic.id)) {
    const about = deps.qa.sectionAbout(lastTopic.id, text);
    const section = about ? showSection(lastTopic.id, about, turn, deps, text) : undefined;
    const answered: UsageEvent = {
      kind: 'question',
      result: 'answered',
      topic: lastTopic.id,
      band: 'followup',
    };
    if (section) return counted(section, [answered]);
    // …or a line of its short answer, shown first
    const line = deps.qa.lineAbout(lastTopic.id, 'answer', text);
    if (line !== undefined)
      return {
        replies: [topicReply(lastTopic, replyContext(turn, deps), undefined, line)],
        session: { ...calm, lastTopic: lastTopic.id },
        usage: [answered],
      };
  }
  if (lastTopic && lastTopic.kind === 'info' && isUnplacedFollowUp(text, decision)) {
    return {
      replies: [sectionChoiceReply(lastTopic, replyContext(turn, deps))],
      session: calm,
      usage: [{ kind: 'question', result: 'clarified' }],
    };
  }
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

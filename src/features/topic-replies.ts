import type { Button, Reply } from '../core/reply';
import type { Locale } from '../core/user';
import type { Translate } from '../i18n';
import { fillPlaceholders } from '../knowledge/placeholders';
import { answerText, sectionsOf, sectionText } from '../knowledge/render';
import type { SectionKey, Topic } from '../knowledge/schema';
import {
  alternativePayload,
  feedbackPayload,
  groupPayload,
  NONE_OF_THESE,
  navigationRow,
  pickPayload,
  rows,
  sectionPayload,
  sourcesPayload,
  topicPayload,
} from './keyboards';
import type { AnswerDecision } from './question-answering';

export interface ReplyContext {
  readonly t: Translate;
  readonly locale: Locale;
  /** {phone}, {hours}… from the commune profile */
  readonly values: Record<string, string>;
  /** what other features offer under an answer («Nhắc tôi») */
  readonly topicButtons?: (topic: Topic) => Button[];
}

const title = (topic: Topic, locale: Locale): string =>
  locale === 'en' && topic.title_en ? topic.title_en : topic.title;

/** The short answer, a button per section, «Hay là…» a close runner-up, 👍 / 👎, and the way back. */
export function topicReply(
  topic: Topic,
  c: ReplyContext,
  alternative?: Topic,
  /** the line of the answer the resident asked about (Vietnamese text): shown first in a long answer */
  asked?: number,
): Reply {
  const sections: Button[] = sectionsOf(topic).map((k) => ({
    label: c.t(c.locale, `section-${k}`),
    payload: sectionPayload(topic.id, k),
  }));
  // Accounts and payments (`scam_warning: true` in the topic's YAML): a short scam warning (ARCHITECTURE §7).
  const warning = topic.scam_warning ? `\n\n${c.t(c.locale, 'scam-warning')}` : '';
  const more = sections.length > 0 ? `\n\n${c.t(c.locale, 'answer-more')}` : '';
  // Written out in full: every channel shows a bare address, and Telegram makes it a link by itself.
  const links =
    topic.links.length > 0 ? `\n\n${topic.links.map((l) => `🔗 ${l.label}: ${l.url}`).join('\n')}` : '';
  const answer = answerText(topic, c.values, c.locale);
  const first = c.locale === 'vi' && asked !== undefined ? askedLine(answer, asked) : undefined;
  return {
    text: `${title(topic, c.locale)}\n\n${first ? `👉 ${first}\n\n` : ''}${answer}${warning}${links}${more}`,
    buttons: [
      ...rows(sections, 2),
      ...rows(c.topicButtons?.(topic) ?? [], 2),
      ...(alternative
        ? [
            [
              {
                label: c.t(c.locale, 'button-alternative', { title: title(alternative, c.locale) }),
                payload: alternativePayload(alternative.id),
              },
            ],
          ]
        : []),
      [
        { label: c.t(c.locale, 'button-helpful'), payload: feedbackPayload(topic.id, 'up') },
        { label: c.t(c.locale, 'button-not-helpful'), payload: feedbackPayload(topic.id, 'down') },
        { label: c.t(c.locale, 'button-sources'), payload: sourcesPayload(topic.id) },
      ],
      navigationRow(c.t, c.locale, groupPayload(topic.group)),
    ],
  };
}

/** One section (Giấy tờ, Lệ phí …), with the other sections and the way back to the answer. */
export function sectionReply(
  topic: Topic,
  key: SectionKey,
  c: ReplyContext,
  /** the line the resident asked about (its index in the Vietnamese text): shown first in a long section */
  asked?: number,
): Reply | undefined {
  const text = sectionText(topic, key, c.values, c.locale);
  if (text === undefined) return undefined;
  const others = sectionsOf(topic)
    .filter((k) => k !== key)
    .map((k) => ({ label: c.t(c.locale, `section-${k}`), payload: sectionPayload(topic.id, k) }));
  const first = c.locale === 'vi' && asked !== undefined ? askedLine(text, asked) : undefined;
  return {
    text: `${title(topic, c.locale)} — ${c.t(c.locale, `section-${key}`)}\n\n${first ? `👉 ${first}\n\n` : ''}${text}`,
    buttons: [...rows(others, 2), navigationRow(c.t, c.locale, topicPayload(topic.id))],
  };
}

/** A section longer than this many lines shows the line asked about first (the answer is not buried). */
const LONG_SECTION_LINES = 4;

/**
 * The line asked about, with the heading it stands under («Miễn phí: Đổi thẻ khi đủ 14, 25, 40 và 60
 * tuổi»): only in a long section, and not when it is the first line already.
 */
function askedLine(text: string, index: number): string | undefined {
  const lines = text.split('\n');
  const line = lines[index]?.trim();
  if (!line || index === 0 || lines.filter((l) => l.trim()).length <= LONG_SECTION_LINES) return undefined;
  const bullet = line.replace(/^[-•]\s*/, '');
  if (bullet === line) return line;
  const heading = lines
    .slice(0, index)
    .reverse()
    .find((l) => !/^\s*[-•]/.test(l) && l.trim().endsWith(':'));
  return heading ? `${heading.trim()} ${bullet}` : bullet;
}

/**
 * A short follow-up the bot cannot place («có cần về quê không», «nhờ con làm được không») right after a
 * topic: that topic's sections to choose from, and a person to ask, instead of unrelated topics.
 */
export function sectionChoiceReply(topic: Topic, c: ReplyContext): Reply {
  const sections = sectionsOf(topic).map((k) => ({
    label: c.t(c.locale, `section-${k}`),
    payload: sectionPayload(topic.id, k),
  }));
  return {
    text: c.t(c.locale, 'followup-which-section', { title: title(topic, c.locale) }),
    buttons: [...rows(sections, 2), navigationRow(c.t, c.locale, topicPayload(topic.id))],
  };
}

/** «Nguồn»: where the answer comes from and when it was last checked, so a resident or a clerk can check. */
export function sourcesReply(topic: Topic, c: ReplyContext): Reply {
  const [y, m, d] = topic.reviewed.split('-');
  const lines = topic.sources.map(
    (s) => `🔗 ${s.url}${s.date === 'không rõ' ? '' : ` (${s.date.split('-').reverse().join('/')})`}`,
  );
  return {
    text: [
      `${title(topic, c.locale)} — ${c.t(c.locale, 'sources-title')}`,
      '',
      ...lines,
      '',
      c.t(c.locale, 'sources-reviewed', { date: `${d}/${m}/${y}` }),
    ].join('\n'),
    buttons: [navigationRow(c.t, c.locale, topicPayload(topic.id))],
  };
}

/** "Ý bạn là…?": the likely topics as buttons, "none of these", and the menu. */
export function clarifyReply(options: readonly Topic[], c: ReplyContext): Reply {
  return {
    text: c.t(c.locale, 'clarify-prompt'),
    buttons: [
      ...options.map((o) => [{ label: title(o, c.locale), payload: pickPayload(o.id) }]),
      [{ label: c.t(c.locale, 'button-none-of-these'), payload: NONE_OF_THESE }],
      navigationRow(c.t, c.locale),
    ],
  };
}

/**
 * The reply to a typed question, whatever was decided: the topic's answer, «Ý bà con là…?» with the
 * likely topics, the kind out-of-scope sentence, or a plain "not understood". A question the bot read
 * only the start of says so, whatever the decision.
 */
export function decisionReply(d: AnswerDecision, c: ReplyContext, asked?: number): Reply {
  const reply = ((): Reply => {
    switch (d.kind) {
      case 'answer':
        return (
          (d.section && sectionReply(d.topic, d.section, c)) || topicReply(d.topic, c, d.alternative, asked)
        );
      case 'clarify':
        return clarifyReply(d.options, c);
      case 'outside':
        return {
          text: fillPlaceholders((c.locale === 'en' && d.outside.reply_en) || d.outside.reply, c.values),
          buttons: [navigationRow(c.t, c.locale)],
        };
      case 'unknown':
        return {
          text: d.empty
            ? c.t(c.locale, 'empty-reply')
            : c.t(c.locale, 'unknown-reply', { phone: c.values.phone ?? '' }),
          buttons: [navigationRow(c.t, c.locale)],
        };
    }
  })();
  return d.truncated ? { ...reply, text: `${reply.text}\n\n${c.t(c.locale, 'too-long-note')}` } : reply;
}

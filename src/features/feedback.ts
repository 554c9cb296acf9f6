import { navigationRow } from './keyboards';
import type { FeatureDeps, Outcome, Turn } from './types';

/** 👍 / 👎 after an answer: counted per topic (anonymously), once per topic and conversation, thanked in one line. */
export async function recordFeedback(
  topicId: string,
  value: 'up' | 'down',
  turn: Turn,
  deps: FeatureDeps,
): Promise<Outcome | undefined> {
  if (!deps.qa.topic(topicId)) return undefined;
  const rated = turn.session.rated ?? [];
  // A second tap on the same topic is thanked but not counted again.
  if (!rated.includes(topicId)) await deps.feedback.record(topicId, value, turn.now);
  const key = value === 'up' ? 'feedback-thanks' : 'feedback-sorry';
  return {
    session: { ...turn.session, rated: [...rated.filter((t) => t !== topicId), topicId].slice(-100) },
    replies: [
      {
        text: deps.t(turn.locale, key, { phone: deps.commune.phone ?? '' }),
        buttons: [navigationRow(deps.t, turn.locale)],
      },
    ],
  };
}

import { navigationRow } from './keyboards';
import type { FeatureDeps, Outcome, Turn } from './types';

/** 👍 / 👎 after an answer: counted per topic (anonymously), thanked in one line. */
export async function recordFeedback(
  topicId: string,
  value: 'up' | 'down',
  turn: Turn,
  deps: FeatureDeps,
): Promise<Outcome | undefined> {
  if (!deps.qa.topic(topicId)) return undefined;
  await deps.feedback.record(topicId, value, turn.now);
  const key = value === 'up' ? 'feedback-thanks' : 'feedback-sorry';
  return {
    replies: [
      {
        text: deps.t(turn.locale, key, { phone: deps.commune.phone ?? '' }),
        buttons: [navigationRow(deps.t, turn.locale)],
      },
    ],
  };
}

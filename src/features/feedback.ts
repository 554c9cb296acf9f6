import { z } from 'zod';
import { type Feature, payloadKind } from './feature';
import { readFeatureState, writeFeatureState } from './feature-state';
import { navigationRow, topicPayload } from './keyboards';
import type { FeatureDeps, Outcome, Turn } from './types';

const ID = 'feedback';
/** «Gặp cán bộ» (a required topic, carried out by the handoff feature) */
const STAFF_TOPIC = 'gap-can-bo';
/** topics this resident already rated in this conversation (one 👍/👎 each is counted) */
const stateSchema = z.object({ rated: z.array(z.string()).max(100) });

/** 👍 / 👎 after an answer: counted per topic (anonymously), once per topic and conversation, thanked in one line. */
async function recordFeedback(
  topicId: string,
  value: 'up' | 'down',
  turn: Turn,
  deps: FeatureDeps,
): Promise<Outcome | undefined> {
  if (!deps.qa.topic(topicId)) return undefined;
  const rated = readFeatureState(turn.session, ID, stateSchema)?.rated ?? [];
  // A second tap on the same topic is thanked but not counted again.
  const first = !rated.includes(topicId);
  if (first) await deps.feedback.record(topicId, value, turn.now);
  const key = value === 'up' ? 'feedback-thanks' : 'feedback-sorry';
  return {
    session: writeFeatureState(turn.session, ID, {
      rated: [...rated.filter((t) => t !== topicId), topicId].slice(-100),
    }),
    replies: [
      {
        text: deps.t(turn.locale, key, { phone: deps.commune[turn.locale].phone ?? '' }),
        // «Chưa rõ»: a person one tap away (the answer did not help)
        buttons: [
          ...(value === 'down'
            ? [[{ label: deps.t(turn.locale, 'button-ask-staff'), payload: topicPayload(STAFF_TOPIC) }]]
            : []),
          navigationRow(deps.t, turn.locale),
        ],
      },
    ],
    usage: first ? [{ kind: 'feedback', value, topic: topicId }] : [],
  };
}

const FEEDBACK = /^([a-z0-9]+(?:-[a-z0-9]+)*):(up|down)$/;

export const feedbackFeature: Feature = {
  id: ID,
  session: stateSchema,
  payloads: [
    payloadKind({
      prefix: 'fb',
      parse: (args) => {
        const m = FEEDBACK.exec(args ?? '');
        return m ? { topic: m[1]!, value: m[2] as 'up' | 'down' } : undefined;
      },
      handle: ({ topic, value }, turn, ctx) => recordFeedback(topic, value, turn, ctx),
    }),
  ],
};

import { describe, expect, it } from 'vitest';
import { type DecisionModel, decide, type Scored } from '../../src/language/confidence';

// A model sure of every best topic, so that only the rules about runners-up decide.
const sure: DecisionModel = { right: [10], outside: [-10], answerAt: 0.7, outsideAt: 0.5 };

const question = (runnerUp: { raw: number; rank: number; specific?: number }): Scored => ({
  topics: [
    { topic: 'khai-sinh', raw: 10, rank: 8, specific: 6 },
    {
      topic: 'lien-thong-khai-sinh',
      raw: runnerUp.raw,
      rank: runnerUp.rank,
      specific: runnerUp.specific ?? 6,
    },
  ],
  coverage: 0.8,
  words: 5,
});

describe('the decision between answering and asking back', () => {
  it('asks back when a runner-up has nearly the same search score and the classifier sees them alike', () => {
    expect(decide(question({ raw: 9.5, rank: 7 }), sure)).toBe('clarify');
  });

  it('answers when the classifier ranks that runner-up far below the best', () => {
    expect(decide(question({ raw: 9.5, rank: 1 }), sure)).toBe('answer');
  });

  it('answers when the close runner-up has much less topic-specific evidence than the best', () => {
    expect(decide(question({ raw: 9.5, rank: 7, specific: 3 }), sure)).toBe('answer');
    expect(decide(question({ raw: 9.5, rank: 7, specific: 5.5 }), sure)).toBe('clarify');
  });

  it('answers when the runner-up scores well below the best in the search', () => {
    expect(decide(question({ raw: 6, rank: 7 }), sure)).toBe('answer');
  });

  it('never answers on generic words alone, however sure the model is', () => {
    const generic: Scored = {
      topics: [{ topic: 'khai-sinh', raw: 10, rank: 10, specific: 0 }],
      coverage: 1,
      words: 2,
    };
    expect(decide(generic, sure)).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { type DecisionModel, decide, type Scored } from '../../src/language/confidence';

// A model sure of every best topic, so that only the rules about runners-up decide.
const sure: DecisionModel = { right: [10], outside: [-10], answerAt: 0.7, answerToldAt: 0.7, outsideAt: 0.5 };

const question = (runnerUp: { raw: number; rank: number; specific?: number; named?: boolean }): Scored => ({
  topics: [
    { topic: 'khai-sinh', raw: 10, rank: 8, specific: 6 },
    {
      topic: 'lien-thong-khai-sinh',
      raw: runnerUp.raw,
      rank: runnerUp.rank,
      specific: runnerUp.specific ?? 6,
      ...(runnerUp.named === undefined ? {} : { named: runnerUp.named }),
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

  it('answers when the close runner-up lacks its own defining words (it could not be answered either)', () => {
    expect(decide(question({ raw: 9.5, rank: 7, named: false }), sure)).toBe('answer');
    expect(decide(question({ raw: 9.5, rank: 7, named: true }), sure)).toBe('clarify');
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

  describe('a story whose asking sentence names the procedure', () => {
    // Every message here has a 62 % chance of being right: under answerAt, over answerToldAt.
    const model: DecisionModel = {
      right: [0.5],
      outside: [-10],
      answerAt: 0.7,
      answerToldAt: 0.6,
      outsideAt: 0.5,
    };
    const message = (m: Partial<Scored>): Scored => ({
      topics: [{ topic: 'khai-tu', raw: 10, rank: 10, specific: 6 }],
      coverage: 0.3,
      words: 30,
      ...m,
    });

    it('is answered at the lower threshold when the asking sentence alone finds the same topic', () => {
      expect(decide(message({ point: 1, pointOutside: 0 }), model)).toBe('answer');
      expect(decide(message({ point: 0.6, pointOutside: 0.1 }), model)).toBe('answer');
    });

    it('is asked back when the asking sentence points elsewhere or to a subject we do not handle', () => {
      expect(decide(message({ point: 0.2, pointOutside: 0 }), model)).toBe('clarify');
      expect(decide(message({ point: 1, pointOutside: 0.5 }), model)).toBe('clarify');
    });

    it('keeps the usual threshold for one long sentence and for short messages', () => {
      expect(decide(message({}), model)).toBe('clarify');
      expect(decide(message({ point: 1, pointOutside: 0, words: 8 }), model)).toBe('clarify');
    });
  });
});

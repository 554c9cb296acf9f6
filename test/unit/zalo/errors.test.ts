import { describe, expect, it } from 'vitest';
import { guessZaloError } from '../../../src/channels/zalo/errors';

const guess = (errorCode: number, description: string) => guessZaloError({ errorCode, description });

describe('guessZaloError: the one place that guesses what a Zalo error means', () => {
  it('recognises the official table and the "unreachable" guess', () => {
    expect(guess(429, 'Quota exceeded')).toEqual({ code: 'rate-limited', known: true });
    expect(guess(401, 'Unauthorized')).toEqual({ code: 'unauthorized', known: true });
    expect(guess(400, 'Bad Request')).toEqual({ code: 'bad-request', known: true });
    expect(guess(400, 'wrong path or invalid API Name')).toEqual({ code: 'bad-request', known: true });
    expect(guess(403, 'Internal server error')).toEqual({ code: 'unavailable', known: true });
    expect(guess(408, 'Request timeout')).toEqual({ code: 'unavailable', known: true });
    expect(guess(400, 'Bad Request: user not found or blocked the bot')).toEqual({
      code: 'blocked',
      known: true,
    });
  });

  it('maps other answers by their code as before, and says it does not know them', () => {
    expect(guess(400, 'Bad Request: text is empty')).toEqual({ code: 'bad-request', known: false });
    expect(guess(404, 'x')).toEqual({ code: 'bad-request', known: false });
    expect(guess(500, 'Internal Server Error')).toEqual({ code: 'unavailable', known: false });
    expect(guess(-230, 'User has not interacted with the OA in the past 7 days')).toEqual({
      code: 'unavailable',
      known: false,
    });
    expect(guess(429, 'Too many requests, slow down')).toEqual({ code: 'rate-limited', known: false });
  });
});

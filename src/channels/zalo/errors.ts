import { ChannelError, type ChannelErrorCode } from '../../core/channel';
import { ZaloApiError } from './api-error';

/** Retry-after when Zalo says 429 without saying how long (it is not documented that it ever does). */
const DEFAULT_RETRY_AFTER_MS = 10_000;

/**
 * GUESS: Zalo documents no error for a resident who blocked the bot or cannot be reached (reference,
 * «Still unknown»). These words are what such an answer would plausibly say; the first real deployment
 * will tell (unknown answers are logged and counted: see guessZaloError).
 */
const UNREACHABLE = /not found|block|chặn|không tồn tại|invalid (user|chat)/i;

/**
 * The descriptions of the official error table (reference §1.4), per code. An answer with one of these
 * codes but other words is still mapped by its code, and reported as unknown.
 */
const DOCUMENTED: Readonly<Record<number, RegExp>> = {
  400: /^bad request$|wrong path|invalid api name/i,
  401: /^unauthorized$/i,
  // the docs' own wording for 403
  403: /^internal server error$/i,
  404: /^not found$|invalid request/i,
  408: /^request timeout$/i,
  429: /^quota exceeded$/i,
  // testWebhook's daily limit (one secondary source: reference §1.2)
  426: /.*/,
};

export interface ZaloErrorGuess {
  readonly code: ChannelErrorCode;
  /**
   * false when the answer is not one the official table describes, nor the "unreachable" guess: such
   * answers are logged whole and counted (storage/redis-error-tally.ts), so that real deployments show
   * what Zalo actually says.
   */
  readonly known: boolean;
}

/**
 * The one place that guesses what a Zalo error answer means (blocked/unreachable resident, rate limit,
 * bad token, bad request, or "try again later").
 */
export function guessZaloError(answer: {
  readonly errorCode: number;
  readonly description: string;
}): ZaloErrorGuess {
  const { errorCode: code, description } = answer;
  const documented = DOCUMENTED[code]?.test(description.trim()) ?? false;
  if (code === 429) return { code: 'rate-limited', known: documented };
  if (code === 401) return { code: 'unauthorized', known: documented };
  if ((code === 400 || code === 404) && UNREACHABLE.test(description))
    return { code: 'blocked', known: true };
  if (code === 400 || code === 404) return { code: 'bad-request', known: documented };
  return { code: 'unavailable', known: documented };
}

/** Zalo's answers as ChannelError (reference §1.4: 403 is documented as "Internal server error"). */
export function toChannelError(err: unknown): ChannelError {
  if (err instanceof ChannelError) return err;
  if (!(err instanceof ZaloApiError))
    return new ChannelError('unavailable', err instanceof Error ? err.message : String(err));
  const { code } = guessZaloError(err);
  if (code === 'rate-limited')
    return new ChannelError(
      code,
      err.description,
      (err.retryAfterSeconds ?? 0) * 1000 || DEFAULT_RETRY_AFTER_MS,
    );
  return new ChannelError(code, err.description);
}

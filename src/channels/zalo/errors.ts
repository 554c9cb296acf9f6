import { ChannelError } from '../../core/channel';
import { ZaloApiError } from './client';

/** Retry-after when Zalo says 429 without saying how long (it is not documented that it ever does). */
const DEFAULT_RETRY_AFTER_MS = 10_000;
const UNREACHABLE = /not found|block|chặn|không tồn tại|invalid (user|chat)/i;

/** Zalo's answers as ChannelError (reference §1.4: 403 is documented as "Internal server error"). */
export function toChannelError(err: unknown): ChannelError {
  if (err instanceof ChannelError) return err;
  if (!(err instanceof ZaloApiError))
    return new ChannelError('unavailable', err instanceof Error ? err.message : String(err));
  const { errorCode: code, description } = err;
  if (code === 429)
    return new ChannelError(
      'rate-limited',
      description,
      (err.retryAfterSeconds ?? 0) * 1000 || DEFAULT_RETRY_AFTER_MS,
    );
  if (code === 401) return new ChannelError('unauthorized', description);
  if ((code === 400 || code === 404) && UNREACHABLE.test(description))
    return new ChannelError('blocked', description);
  if (code === 400 || code === 404) return new ChannelError('bad-request', description);
  return new ChannelError('unavailable', description);
}

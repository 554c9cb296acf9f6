import { GrammyError, HttpError } from 'grammy';
import { ChannelError } from '../../core/channel';

/** Telegram's answers as ChannelError (ARCHITECTURE §4 and §6). */
export function toChannelError(err: unknown): ChannelError {
  if (err instanceof ChannelError) return err;
  if (err instanceof GrammyError) {
    const description = err.description;
    if (err.error_code === 429) {
      return new ChannelError('rate-limited', description, (err.parameters.retry_after ?? 1) * 1000);
    }
    // Blocked, deactivated, kicked: this person cannot be reached any more.
    if (err.error_code === 403) return new ChannelError('blocked', description);
    if (err.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) {
      return new ChannelError('blocked', description);
    }
    if (err.error_code === 401 || err.error_code === 404)
      return new ChannelError('unauthorized', description);
    if (err.error_code >= 500) return new ChannelError('unavailable', description);
    return new ChannelError('bad-request', description);
  }
  if (err instanceof HttpError) return new ChannelError('unavailable', 'network error talking to Telegram');
  return new ChannelError('unavailable', err instanceof Error ? err.message : String(err));
}

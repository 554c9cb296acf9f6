/**
 * A Zalo Bot API error. Never carries the token: it is in the URL, so URLs are never kept, and the
 * client removes it from the description and the envelope before building one of these.
 */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    /** Zalo's error_code; 0 for a network failure or an unreadable answer */
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfterSeconds?: number,
    /** Zalo's whole answer when it was an `{ok: false, …}` envelope (token removed); undefined otherwise */
    readonly envelope?: unknown,
  ) {
    super(`Zalo ${method}: ${errorCode} ${description}`);
    this.name = 'ZaloApiError';
  }
}

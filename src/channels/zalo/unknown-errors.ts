import type { UnknownErrorTally } from '../../core/ports';
import type { Logger } from '../../logger';
import type { ZaloUnknownErrorObserver } from './client';

/**
 * What happens to a Zalo error answer nobody recognises (errors.ts, guessZaloError): one warn line with
 * the whole envelope (the client has already taken the token out) and one count per error code and
 * description, so that the first real deployment shows what "unreachable" looks like on Zalo.
 */
export function reportUnknownZaloErrors(logger: Logger, tally: UnknownErrorTally): ZaloUnknownErrorObserver {
  return (err) => {
    logger.warn(
      {
        zalo: {
          method: err.method,
          errorCode: err.errorCode,
          description: err.description,
          envelope: err.envelope,
        },
      },
      'Zalo answered an error the bot does not recognise (counted under unknown-errors:zalo)',
    );
    tally
      .count('zalo', err.errorCode, err.description)
      .catch((e: unknown) => logger.warn({ err: String(e) }, 'could not count an unknown Zalo error'));
  };
}

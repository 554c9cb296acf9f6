import type { UserProfile } from '../core/ports';
import type { Locale } from '../core/user';
import { navigationRow } from './keyboards';
import { mainMenu } from './menu';
import type { FeatureDeps, Outcome, Turn } from './types';

/** Switches the language for this resident; Vietnamese is the default. */
export function setLanguage(locale: Locale, turn: Turn, deps: FeatureDeps): Outcome {
  const base: UserProfile = turn.profile ?? {
    user: turn.event.user,
    locale,
    firstSeen: turn.now,
    lastSeen: turn.now,
    active: true,
  };
  const profile: UserProfile = { ...base, locale, lastSeen: turn.now };
  const next: Turn = { ...turn, locale, profile };
  return { replies: [{ text: deps.t(locale, 'language-set') }, mainMenu(next, deps)], profile };
}

export function help(turn: Turn, deps: FeatureDeps): Outcome {
  return {
    replies: [
      {
        text: deps.t(turn.locale, 'help', { phone: deps.commune.phone ?? '' }),
        buttons: [navigationRow(deps.t, turn.locale)],
      },
    ],
  };
}

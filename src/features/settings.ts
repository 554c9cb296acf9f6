import type { UserProfile } from '../core/state';
import type { Locale } from '../core/user';
import { type Feature, type FeatureContext, payloadKind } from './feature';
import { languagePayload, navigationRow } from './keyboards';
import type { Outcome, Turn } from './types';

const HELP = 'help';

/** Switches the language for this resident; Vietnamese is the default. */
function setLanguage(locale: Locale, turn: Turn, ctx: FeatureContext): Outcome {
  const base: UserProfile = turn.profile ?? {
    user: turn.event.user,
    locale,
    firstSeen: turn.now,
    lastSeen: turn.now,
    active: true,
  };
  const profile: UserProfile = { ...base, locale, lastSeen: turn.now };
  const next: Turn = { ...turn, locale, profile };
  return { replies: [{ text: ctx.t(locale, 'language-set') }, ctx.mainMenu(next)], profile };
}

function help(turn: Turn, ctx: FeatureContext): Outcome {
  return {
    replies: [
      {
        text: ctx.t(turn.locale, 'help', { phone: ctx.commune[turn.locale].phone ?? '' }),
        buttons: [navigationRow(ctx.t, turn.locale)],
      },
    ],
  };
}

/** Language (Tiếng Việt / English) and the help text. */
export const settingsFeature: Feature = {
  id: 'settings',
  commands: [
    { words: ['help', 'tro giup', 'huong dan', 'huong dan su dung'], handle: help },
    {
      words: [
        'english',
        'tieng anh',
        'lang en',
        'in english',
        'in english please',
        'english please',
        'switch to english',
        'speak english',
      ],
      handle: (turn, ctx) => setLanguage('en', turn, ctx),
    },
    {
      words: [
        'tieng viet',
        'vietnamese',
        'lang vi',
        'in vietnamese',
        'vietnamese please',
        'switch to vietnamese',
        'switch to vietnamese please',
        'noi tieng viet',
      ],
      handle: (turn, ctx) => setLanguage('vi', turn, ctx),
    },
  ],
  payloads: [
    payloadKind({
      prefix: 'lang',
      parse: (args) => (args === 'vi' || args === 'en' ? args : undefined),
      handle: setLanguage,
    }),
    payloadKind({
      prefix: HELP,
      parse: (args) => (args === undefined ? true : undefined),
      handle: (_help, turn, ctx) => help(turn, ctx),
    }),
  ],
  menu: [
    {
      row: 20,
      buttons: (turn, { t }) => [
        {
          label: t(turn.locale, 'button-other-language'),
          payload: languagePayload(turn.locale === 'en' ? 'vi' : 'en'),
        },
      ],
    },
    { row: 30, buttons: (turn, { t }) => [{ label: t(turn.locale, 'button-help'), payload: HELP }] },
  ],
};

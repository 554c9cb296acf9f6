import type { UserProfile } from '../core/state';
import { villageName } from '../knowledge/placeholders';
import type { Feature, FeatureContext } from './feature';
import { navigationRow } from './keyboards';
import { CHANGE_VILLAGE } from './onboarding';
import type { Outcome, Turn } from './types';

const villageOf = (profile: UserProfile, ctx: FeatureContext): string =>
  villageName(ctx.kb.commune, profile.village ?? '', '');

/**
 * «DỪNG» / «BẬT LẠI»: a resident who chose a village receives its announcements unless they stop them
 * (opt-out, said when the village is chosen). The resident store keeps the village lists in step with
 * the profile, so the next announcement already counts the change.
 */
function stop(turn: Turn, ctx: FeatureContext): Outcome {
  const profile = turn.profile;
  if (!profile?.village || !ctx.canMessageLater(turn.event.user.channel)) {
    return { replies: [{ text: ctx.t(turn.locale, 'subscription-none') }] };
  }
  return {
    replies: [
      {
        text: ctx.t(turn.locale, 'subscription-stopped', { village: villageOf(profile, ctx) }),
        buttons: [navigationRow(ctx.t, turn.locale)],
      },
    ],
    profile: { ...profile, subscribed: false, lastSeen: turn.now },
  };
}

function resume(turn: Turn, ctx: FeatureContext): Outcome | Promise<Outcome> {
  const profile = turn.profile;
  if (!ctx.canMessageLater(turn.event.user.channel)) {
    return { replies: [{ text: ctx.t(turn.locale, 'subscription-web') }] };
  }
  // No village yet: choosing one subscribes.
  if (!profile?.village) return ctx.flows.start(CHANGE_VILLAGE, turn, ctx);
  return {
    replies: [
      {
        text: ctx.t(turn.locale, 'subscription-resumed', { village: villageOf(profile, ctx) }),
        buttons: [navigationRow(ctx.t, turn.locale)],
      },
    ],
    profile: { ...profile, subscribed: true, lastSeen: turn.now },
  };
}

export const subscriptionsFeature: Feature = {
  id: 'subscriptions',
  commands: [
    {
      words: [
        'dung',
        'dung nhan',
        'dung thong bao',
        'khong nhan thong bao',
        'huy',
        'huy dang ky',
        'stop',
        'unsubscribe',
      ],
      handle: stop,
    },
    {
      words: [
        'bat lai',
        'dangky',
        'dang ky nhan thong bao',
        'nhan thong bao',
        'nhan lai thong bao',
        'subscribe',
      ],
      handle: resume,
    },
  ],
};

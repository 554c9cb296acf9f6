import type { InboundEvent } from '../core/inbound';
import type { Clock, ResidentStore, Session, UserProfile } from '../core/ports';
import { maskPersonalNumbers } from '../core/privacy';
import type { Reply } from '../core/reply';
import { EMPTY_SESSION } from '../core/state';
import type { Locale, UserRef } from '../core/user';
import type { Feature } from './feature';
import { FEATURES } from './index';
import { FeatureRegistry } from './registry';
import { Router } from './router';
import type { FeatureDeps, Outcome, Turn } from './types';

export interface ConversationStores {
  readonly residents: ResidentStore;
  readonly clock: Clock;
  readonly defaultLocale: Locale;
}

const RECENT_MESSAGES = 3;
const RECENT_CHARS = 300;

/** The session with this message among the last few typed ones (masked), for a staff member's context. */
function remember(session: Session, event: InboundEvent): Session {
  const text = event.kind === 'text' ? event.text?.trim() : undefined;
  if (!text) return session;
  const kept = maskPersonalNumbers(text).slice(0, RECENT_CHARS);
  return { ...session, recent: [...(session.recent ?? []), kept].slice(-RECENT_MESSAGES) };
}

/**
 * InboundEvent in, replies out, for every channel: loads the resident's profile and session (one read),
 * lets the router pick the feature, and keeps what the feature decided (one write).
 */
export class Conversation {
  private readonly router: Router;

  constructor(
    private readonly deps: FeatureDeps,
    private readonly stores: ConversationStores,
    features: readonly Feature[] = FEATURES,
  ) {
    this.router = new Router(deps, new FeatureRegistry(features));
  }

  async handle(event: InboundEvent): Promise<Reply[]> {
    const { residents, clock } = this.stores;
    const { profile, session } = await residents.load(event.user);
    const now = clock.now();
    const turn: Turn = {
      event,
      profile,
      session: session ?? EMPTY_SESSION,
      locale: profile?.locale ?? event.locale ?? this.stores.defaultLocale,
      now,
    };
    const outcome = await this.router.route(turn);
    this.count(event.user, event.chatId !== event.user.id, profile, outcome, now);
    // Written in the resident's language after this turn (a language switch answers in the new one).
    const locale = outcome.profile?.locale ?? turn.locale;
    const replies = outcome.replies.map((r) => ({ ...r, locale }));
    if (outcome.profile === null) {
      await residents.delete(event.user);
      return replies;
    }
    // Writing to the bot means the resident can be reached again, even if a send had failed before.
    const nextProfile =
      outcome.profile ?? (profile ? { ...profile, lastSeen: now, active: true } : undefined);
    await residents.save(event.user, {
      ...(nextProfile ? { profile: nextProfile } : {}),
      session: remember(outcome.session ?? turn.session, event),
    });
    return replies;
  }

  /**
   * What this turn counts: the message (with the resident's village, for unique counts per village),
   * the village chosen or the announcements stopped or resumed (read from the profile's change, whatever
   * feature changed it), and what the feature said happened. Never waits, never fails the turn.
   */
  private count(
    user: UserRef,
    inGroup: boolean,
    before: UserProfile | undefined,
    outcome: Outcome,
    now: number,
  ): void {
    const { usage } = this.deps;
    const after = outcome.profile === null ? undefined : (outcome.profile ?? before);
    const by = { user, village: after?.village ?? before?.village };
    // Staff at work in the staff group are not residents writing to the bot.
    if (!inGroup) usage.record({ kind: 'message' }, now, by);
    if (after?.village && after.village !== before?.village) {
      usage.record({ kind: 'resident', what: 'village' }, now, by);
    }
    const listening = (p: UserProfile | undefined) => p?.subscribed !== false;
    if (before && after && listening(before) !== listening(after)) {
      usage.record({ kind: 'resident', what: listening(after) ? 'subscribed' : 'unsubscribed' }, now, by);
    }
    for (const event of outcome.usage ?? []) usage.record(event, now, by);
  }

  /** The platform says this resident blocked the bot or cannot be reached: stop proactive messages. */
  markUnreachable(user: UserRef): Promise<void> {
    return this.stores.residents.markInactive(user);
  }
}

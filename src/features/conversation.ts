import type { InboundEvent } from '../core/inbound';
import type { Clock, DedupeStore, SessionStore, UserStore } from '../core/ports';
import type { Reply } from '../core/reply';
import { type Locale, type UserRef, userKey } from '../core/user';
import { FlowEngine } from './flow-engine';
import { changeVillageFlow, onboardingFlow } from './onboarding';
import { Router } from './router';
import { EMPTY_SESSION, type FeatureDeps, type Turn } from './types';

/** Platforms deliver some updates twice (Telegram keeps trying for about a day). */
const DEDUPE_TTL_SECONDS = 25 * 60 * 60;

export interface ConversationStores {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly dedupe: DedupeStore;
  readonly clock: Clock;
  readonly defaultLocale: Locale;
}

/**
 * InboundEvent in, replies out, for every channel: loads the resident's profile and session, lets the
 * router pick the feature, and keeps what the feature decided.
 */
export class Conversation {
  private readonly router: Router;

  constructor(
    deps: FeatureDeps,
    private readonly stores: ConversationStores,
  ) {
    this.router = new Router(deps, new FlowEngine([onboardingFlow, changeVillageFlow], deps));
  }

  async handle(event: InboundEvent): Promise<Reply[]> {
    const { users, sessions, dedupe, clock } = this.stores;
    // One round trip: the three reads go out together (ioredis pipelines them).
    const [fresh, profile, session] = await Promise.all([
      dedupe.firstTime(`msg:${userKey(event.user)}:${event.messageId}`, DEDUPE_TTL_SECONDS),
      users.get(event.user),
      sessions.get(event.user),
    ]);
    if (!fresh) return [];
    const now = clock.now();
    const turn: Turn = {
      event,
      profile,
      session: session ?? EMPTY_SESSION,
      locale: profile?.locale ?? event.locale ?? this.stores.defaultLocale,
      now,
    };
    const outcome = await this.router.route(turn);
    if (outcome.profile === null) {
      await users.delete(event.user);
      return outcome.replies;
    }
    // Writing to the bot means the resident can be reached again, even if a send had failed before.
    const nextProfile =
      outcome.profile ?? (profile ? { ...profile, lastSeen: now, active: true } : undefined);
    await Promise.all([
      nextProfile ? users.save(nextProfile) : Promise.resolve(),
      sessions.save(event.user, outcome.session ?? turn.session),
    ]);
    return outcome.replies;
  }

  /** The platform says this resident blocked the bot or cannot be reached: stop proactive messages. */
  async markUnreachable(user: UserRef): Promise<void> {
    const profile = await this.stores.users.get(user);
    if (profile?.active) await this.stores.users.save({ ...profile, active: false });
  }
}

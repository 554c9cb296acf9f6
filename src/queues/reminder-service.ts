import { randomBytes } from 'node:crypto';
import {
  type AddReminderResult,
  type NewReminder,
  REMINDER_RULES,
  type Reminder,
  type ReminderBook,
} from '../core/reminder';
import type { Reply } from '../core/reply';
import type { UsageLog } from '../core/usage';
import { type UserRef, userKey } from '../core/user';
import type { Logger } from '../logger';
import type { RedisReminderStore } from '../storage/redis-reminder-store';
import type { Outbox } from './outbox';
import { type ReminderQueue, reminderJobId } from './reminder-queue';

export interface ReminderServiceDeps {
  readonly store: RedisReminderStore;
  readonly queue: ReminderQueue;
  /** the outbox of a channel; undefined where the bot cannot message a resident later (web) */
  readonly outbox: (channel: string) => Outbox | undefined;
  /** the message a due reminder sends, in the resident's language */
  readonly render: (reminder: Reminder) => Reply;
  readonly now: () => number;
  readonly logger: Logger;
  readonly usage: UsageLog;
}

export interface ReconcileReport {
  readonly checked: number;
  /** pending reminders whose job was missing and was added again */
  readonly restored: number;
  /** entries of finished or deleted reminders taken off the due list */
  readonly dropped: number;
}

const newId = (): string => randomBytes(8).toString('hex').slice(0, 12);

/**
 * Reminders kept as records (the truth) plus one delayed job each (the wake-up). Every path tolerates
 * a crash between its two writes: a record without a job is found by `reconcile`, a job without a
 * pending record does nothing when it fires, and firing twice hands the same outbox job id twice.
 */
export class ReminderService implements ReminderBook {
  constructor(private readonly deps: ReminderServiceDeps) {}

  async add(input: NewReminder, now: number): Promise<AddReminderResult> {
    const refused = checkTime(input.at, now);
    if (refused) return { ok: false, reason: refused };
    const reminder: Reminder = { ...input, id: newId(), status: 'pending' };
    if (!(await this.deps.store.add(reminder, REMINDER_RULES.maxActive, now)))
      return { ok: false, reason: 'limit' };
    await this.scheduleOrLeave(reminder.id, reminder.at, now);
    this.deps.usage.record({ kind: 'reminder', what: 'created' }, now);
    return { ok: true, reminder };
  }

  async pending(user: UserRef): Promise<Reminder[]> {
    const all = await this.deps.store.ofUser(user);
    return all.filter((r) => r.status === 'pending').sort((a, b) => a.at - b.at);
  }

  async cancel(user: UserRef, id: string): Promise<Reminder | undefined> {
    const before = await this.deps.store.get(id);
    const cancelled = await this.deps.store.move(id, { to: 'cancelled', owner: user });
    if (cancelled && before) await this.deps.queue.unschedule(id, before.at);
    if (cancelled) this.deps.usage.record({ kind: 'reminder', what: 'cancelled' }, this.deps.now());
    return cancelled;
  }

  async snooze(user: UserRef, id: string, at: number, now: number): Promise<Reminder | undefined> {
    if (checkTime(at, now)) return undefined;
    const before = await this.deps.store.get(id);
    const moved = await this.deps.store.move(id, {
      to: 'pending',
      owner: user,
      at,
      maxPending: REMINDER_RULES.maxActive,
    });
    if (!moved) return undefined;
    if (before && before.status === 'pending' && before.at !== at)
      await this.deps.queue.unschedule(id, before.at);
    await this.scheduleOrLeave(id, at, now);
    return moved;
  }

  /**
   * The job of (id, at) fired. Hands the message to the resident's outbox under an id made from the
   * same pair, so a second run (a retry, a worker killed after the hand-over) adds nothing new.
   */
  async fire(id: string, at: number): Promise<'sent' | 'stale' | 'failed'> {
    const { store, logger } = this.deps;
    const reminder = await store.get(id);
    if (reminder?.status !== 'pending' || reminder.at !== at) return 'stale';
    const outbox = this.deps.outbox(reminder.user.channel);
    if (!outbox) {
      if (await store.move(id, { to: 'failed', expectAt: at }))
        this.deps.usage.record({ kind: 'reminder', what: 'failed' }, this.deps.now());
      logger.warn({ reminder: id, channel: reminder.user.channel }, 'reminders: no outbox for this channel');
      return 'failed';
    }
    await outbox.enqueue(reminderJobId(id, at), {
      chatId: reminder.user.id,
      reply: this.deps.render(reminder),
      userKey: userKey(reminder.user),
      kind: 'reminder',
      ref: id,
    });
    if (await store.move(id, { to: 'sent', expectAt: at }))
      this.deps.usage.record({ kind: 'reminder', what: 'sent' }, this.deps.now());
    return 'sent';
  }

  /** The outbox gave up on a reminder's message (the resident blocked the bot): not retried again. */
  async deliveryFailed(id: string): Promise<void> {
    const reminder = await this.deps.store.get(id);
    if (reminder?.status !== 'sent') return;
    if (await this.deps.store.move(id, { to: 'failed', expectAt: reminder.at }))
      this.deps.usage.record({ kind: 'reminder', what: 'failed' }, this.deps.now());
  }

  /** Every pending record gets its job back if it lost it (Redis restored from an old file, keys deleted…). */
  async reconcile(): Promise<ReconcileReport> {
    const { store, queue } = this.deps;
    let checked = 0;
    let restored = 0;
    let dropped = 0;
    for await (const page of store.due()) {
      const live = await queue.live(page);
      for (const [i, entry] of page.entries()) {
        checked++;
        if (live[i]) continue;
        const reminder = await store.get(entry.id);
        if (reminder?.status !== 'pending') {
          await store.dropDue(entry.id);
          dropped++;
          continue;
        }
        await queue.replace(reminder.id, reminder.at, this.deps.now());
        restored++;
      }
    }
    if (restored > 0 || dropped > 0)
      this.deps.logger.warn({ checked, restored, dropped }, 'reminders reconciled');
    return { checked, restored, dropped };
  }

  /** With the resident's data: every record, and the jobs (which would find nothing anyway). */
  async deleteAll(user: UserRef): Promise<void> {
    const reminders = await this.deps.store.ofUser(user);
    await this.deps.store.deleteAll(user);
    for (const r of reminders) if (r.status === 'pending') await this.deps.queue.unschedule(r.id, r.at);
  }

  private async scheduleOrLeave(id: string, at: number, now: number): Promise<void> {
    try {
      await this.deps.queue.schedule(id, at, now);
    } catch (err) {
      // The record is kept: reconciliation adds the job when Redis answers again.
      this.deps.logger.warn({ err, reminder: id }, 'reminders: could not add the job; reconciliation will');
    }
  }
}

function checkTime(at: number, now: number): 'past' | 'too-far' | undefined {
  if (at <= now) return 'past';
  if (at - now > REMINDER_RULES.maxAheadMs) return 'too-far';
  return undefined;
}

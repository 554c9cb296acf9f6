import { randomBytes } from 'node:crypto';
import {
  ALL_VILLAGES,
  type Broadcast,
  type BroadcastBook,
  type NewBroadcast,
  type Tally,
} from '../core/broadcast';
import type { Reply } from '../core/reply';
import type { UsageLog } from '../core/usage';
import { parseUserKey, type UserRef } from '../core/user';
import { vietnamDay } from '../core/vietnam-day';
import type { Logger } from '../logger';
import type { RedisBroadcastStore, TallyRead } from '../storage/redis-broadcast-store';
import type { BroadcastQueue } from './broadcast-queue';
import type { Outbox } from './outbox';
import type { OutboxJobData } from './outbox-job';

export interface BroadcastServiceDeps {
  readonly store: RedisBroadcastStore;
  readonly queue: BroadcastQueue;
  readonly outbox: (channel: string) => Outbox | undefined;
  /** channels whose residents can be messaged later (those with an outbox) */
  readonly channels: () => readonly string[];
  /** every village id of the commune */
  readonly villages: () => readonly string[];
  /** what residents receive */
  readonly render: (b: Broadcast) => Reply;
  /** what the sender receives: progress (10 … 90 %) and the final report (100 %) */
  readonly progress: (b: Broadcast, percent: number, tally: Tally) => Reply;
  /** announcements one resident may receive per Vietnamese day */
  readonly dailyCap: number;
  readonly now: () => number;
  readonly logger: Logger;
  readonly usage: UsageLog;
}

export const BROADCAST_KIND = 'broadcast';
const newId = (): string => randomBytes(8).toString('hex').slice(0, 12);

/**
 * Announcements: a record, then one fan-out job at its time that adds a job per recipient to each
 * channel's outbox, page by page, with ids `bc-<id>-<channel>-<user>`. A fan-out that dies part-way
 * runs again from the start and adds nothing twice; the outbox counts each message's outcome here,
 * which reports progress to the sender about every 10 % and a final report.
 */
export class BroadcastService implements BroadcastBook {
  constructor(private readonly deps: BroadcastServiceDeps) {}

  private resolve(villages: readonly string[]): string[] {
    return villages.includes(ALL_VILLAGES) ? [...this.deps.villages()] : [...new Set(villages)];
  }

  async recipients(villages: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const channel of this.deps.channels()) {
      let n = 0;
      for (const village of this.resolve(villages))
        n += await this.deps.store.countListeners(village, channel);
      out[channel] = n;
    }
    return out;
  }

  async create(draft: NewBroadcast, now: number): Promise<Broadcast> {
    const b: Broadcast = {
      id: newId(),
      text: draft.text,
      villages: [...draft.villages],
      at: Math.max(draft.at, now),
      by: draft.by,
      state: draft.needsApproval ? 'awaiting-approval' : 'scheduled',
      createdAt: now,
    };
    await this.deps.store.save(b);
    if (b.state === 'scheduled') await this.deps.queue.schedule(b.id, b.at, now);
    return b;
  }

  get(id: string): Promise<Broadcast | undefined> {
    return this.deps.store.get(id);
  }

  awaitingApproval(): Promise<Broadcast[]> {
    return this.deps.store.awaiting();
  }

  async approve(id: string, now: number): Promise<Broadcast | undefined> {
    const b = await this.deps.store.move(id, ['awaiting-approval'], 'scheduled');
    if (b) await this.deps.queue.schedule(b.id, Math.max(b.at, now), now);
    return b;
  }

  cancel(id: string): Promise<Broadcast | undefined> {
    return this.deps.store.move(id, ['awaiting-approval', 'scheduled', 'sending'], 'cancelled');
  }

  async tally(id: string): Promise<Tally> {
    return (await this.deps.store.tally(id)).tally;
  }

  async fanOut(id: string): Promise<void> {
    const { store } = this.deps;
    const b = await store.move(id, ['scheduled', 'sending'], 'sending');
    if (!b) return;
    const day = vietnamDay(this.deps.now());
    const reply = this.deps.render(b);
    let total = 0;
    for (const channel of this.deps.channels()) {
      const outbox = this.deps.outbox(channel);
      if (!outbox) continue;
      let recipients = 0;
      let capped = 0;
      for (const village of this.resolve(b.villages)) {
        let cursor = '0';
        do {
          const page = await store.listeners(village, channel, cursor);
          cursor = page.cursor;
          const ids = [...new Set(page.ids)];
          const users: UserRef[] = ids.map((uid) => ({ channel, id: uid }));
          const allowed = await store.takeCaps(b.id, users, day, this.deps.dailyCap);
          const jobs: { jobId: string; data: OutboxJobData }[] = [];
          users.forEach((user, i) => {
            if (!allowed[i]) return;
            jobs.push({
              jobId: `bc-${b.id}-${channel}-${user.id}`,
              data: {
                chatId: user.id,
                reply,
                userKey: `${channel}:${user.id}`,
                kind: BROADCAST_KIND,
                ref: b.id,
              },
            });
          });
          recipients += ids.length;
          capped += ids.length - jobs.length;
          // A cancel part-way stops adding pages (what is queued is dropped by the outbox).
          if ((await store.get(b.id))?.state === 'cancelled') return;
          await outbox.enqueueMany(jobs);
        } while (cursor !== '0');
      }
      await store.setTally(b.id, channel, 'recipients', recipients);
      await store.setTally(b.id, channel, 'capped', capped);
      total += recipients - capped;
    }
    if (await store.markFannedOut(b.id)) {
      this.deps.usage.record({ kind: 'announcement', what: 'created', recipients: total }, this.deps.now());
    }
    await this.checkProgress(b.id);
  }

  /** The outbox's word on one message of an announcement (it may say it again: counted once). */
  async outcome(data: OutboxJobData, channel: string, result: 'sent' | 'failed' | 'blocked'): Promise<void> {
    if (data.kind !== BROADCAST_KIND || !data.ref) return;
    const read = await this.deps.store.count(data.ref, { channel, id: data.chatId }, result);
    if (read.counted) this.deps.usage.record({ kind: 'announcement', what: result }, this.deps.now());
    await this.checkProgress(data.ref, read);
  }

  /** Whether a queued message of an announcement should still go out (not after a cancel). */
  async stillWanted(data: OutboxJobData): Promise<boolean> {
    if (data.kind !== BROADCAST_KIND || !data.ref) return true;
    return (await this.deps.store.get(data.ref))?.state !== 'cancelled';
  }

  /** `read`: the tally as just read with a count (saves reading it again) */
  private async checkProgress(id: string, read?: TallyRead): Promise<void> {
    const { store } = this.deps;
    const { tally, fannedOut, reported } = read ?? (await store.tally(id));
    if (!fannedOut) return;
    let total = 0;
    let settled = 0;
    for (const t of Object.values(tally)) {
      total += t.recipients;
      settled += t.sent + t.failed + t.blocked + t.capped;
    }
    const percent = total === 0 ? 100 : Math.floor((100 * settled) / total);
    const mark = Math.floor(percent / 10) * 10;
    if (mark < 10) return;
    // 100 %: the move to `done` happens once and is itself the guard, so a crash between a mark and the
    // state change cannot leave it «sending» for ever; the final report's job id keeps it single.
    if (mark === 100) {
      const done = await store.move(id, ['sending'], 'done');
      if (done) await this.tellSender(done, 100, tally);
      return;
    }
    // Once a mark is reported, every later message sees it in the tally: no HSETNX for them.
    if (reported.has(mark)) return;
    if (!(await store.firstAt(id, mark))) return;
    const b = await store.get(id);
    if (b?.state === 'sending') await this.tellSender(b, mark, tally);
  }

  private async tellSender(b: Broadcast, percent: number, tally: Tally): Promise<void> {
    const sender = parseUserKey(b.by);
    const outbox = sender ? this.deps.outbox(sender.channel) : undefined;
    if (!sender || !outbox) return;
    await outbox.enqueue(`bcp-${b.id}-${percent}`, {
      chatId: sender.id,
      reply: this.deps.progress(b, percent, tally),
      userKey: b.by,
      kind: 'broadcast-report',
    });
  }
}

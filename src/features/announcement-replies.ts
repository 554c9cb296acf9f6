import type { Broadcast, Tally } from '../core/broadcast';
import { ALL_VILLAGES } from '../core/broadcast';
import type { Reply } from '../core/reply';
import type { Translate } from '../i18n';
import { villageName } from '../knowledge/placeholders';
import type { Commune } from '../knowledge/schema';

/** What residents call a channel. */
export const appName = (channel: string): string =>
  channel === 'telegram' ? 'Telegram' : channel === 'zalo' ? 'Zalo' : channel;

/** «Thôn 1, Thôn 2» or «xã Ia Dom» for all of them. */
export function audience(villages: readonly string[], commune: Commune): string {
  if (villages.includes(ALL_VILLAGES)) return commune.name;
  return villages.map((id) => villageName(commune, id)).join(', ');
}

/** What a resident receives, exactly (the preview shows this very text). */
export function announcementText(
  b: Pick<Broadcast, 'text' | 'villages'>,
  commune: Commune,
  t: Translate,
): string {
  return t('vi', 'announcement-message', { audience: audience(b.villages, commune), text: b.text });
}

export function announcementReply(b: Broadcast, commune: Commune, t: Translate): Reply {
  return { text: announcementText(b, commune, t) };
}

/** To the sender: how far it went (10 … 90 %) or the final report (100 %). */
export function progressReply(b: Broadcast, percent: number, tally: Tally, t: Translate): Reply {
  const sum = (f: 'recipients' | 'sent' | 'failed' | 'blocked' | 'capped') =>
    Object.values(tally).reduce((n, x) => n + x[f], 0);
  const channels = Object.entries(tally)
    .map(([channel, x]) =>
      t('vi', 'announcement-report-channel', {
        channel: appName(channel),
        sent: x.sent,
        failed: x.failed,
        blocked: x.blocked,
        capped: x.capped,
      }),
    )
    .join('\n');
  if (percent < 100) {
    return {
      text: t('vi', 'announcement-progress', { percent, sent: sum('sent'), recipients: sum('recipients') }),
    };
  }
  return {
    text: [
      t('vi', 'announcement-done', { id: b.id, recipients: sum('recipients'), sent: sum('sent') }),
      channels,
    ]
      .filter((x) => x.length > 0)
      .join('\n'),
  };
}

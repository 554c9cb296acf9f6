import { withoutPlaceholderNotes } from '../knowledge/placeholders';
import type { Commune } from '../knowledge/schema';
import { type PosterLink, type PosterLinkSources, posterLinks, type UnsetLink } from './poster-links';

/** Everything one village's poster prints, already cleaned for residents. */
export interface PosterContent {
  /** «Ia Dom»: the title reads «… xã Ia Dom» */
  readonly communeName: string;
  /** empty when the commune has not named the village yet */
  readonly villageName: string;
  readonly phone: string | undefined;
  readonly links: readonly PosterLink[];
}

export type Village = Commune['villages'][number];

const hasNote = (value: string): boolean => value.toLowerCase().includes('cần cập nhật');

/** Text residents may read: staff notes «(cần cập nhật …)» removed, and nothing if a note remains. */
export function printable(value: string): string {
  const text = withoutPlaceholderNotes(value);
  return hasNote(text) ? '' : text;
}

export function findVillage(commune: Commune, villageId: string): Village | undefined {
  return commune.villages.find((v) => v.id === villageId);
}

/** The poster of one village and the codes left off it (to tell the staff what to fill in). */
export function villagePoster(
  commune: Commune,
  village: Village,
  publicUrl: string | undefined,
): { content: PosterContent; unset: UnsetLink[] } {
  const sources: PosterLinkSources = { chat: commune.chat, publicUrl };
  const { links, unset } = posterLinks(sources, village.id);
  const phone = commune.office.phones[0];
  return {
    content: {
      communeName: printable(commune.name).replace(/^xã\s+/i, ''),
      villageName: printable(village.name),
      phone: phone === undefined || hasNote(phone) ? undefined : phone.trim(),
      links,
    },
    unset,
  };
}

import type { Reply } from '../core/reply';
import { navigationRow, rows } from './keyboards';
import { payload } from './payloads';
import type { FeatureDeps, Outcome, Turn } from './types';

/** The main menu: topic groups, then settings. One button per row: big targets for older residents. */
export function mainMenu(turn: Turn, deps: FeatureDeps): Reply {
  const { t, kb } = deps;
  const en = turn.locale === 'en';
  const groups = kb.groups.map((g) => ({ label: en ? g.title_en : g.title, payload: payload.group(g.id) }));
  const village = turn.profile?.village
    ? kb.commune.villages.find((v) => v.id === turn.profile?.village)
    : undefined;
  return {
    text: t(turn.locale, 'menu-main', { village: village?.name ?? '' }),
    buttons: [
      ...rows(groups, 1),
      [
        { label: t(turn.locale, 'button-change-village'), payload: payload.changeVillage },
        { label: t(turn.locale, 'button-other-language'), payload: payload.language(en ? 'vi' : 'en') },
      ],
      [
        { label: t(turn.locale, 'button-help'), payload: payload.help },
        { label: t(turn.locale, 'button-delete-data'), payload: payload.deleteAsk },
      ],
    ],
  };
}

/** The topics of one group; undefined when the group does not exist (an old or forged button). */
export function groupMenu(groupId: string, turn: Turn, deps: FeatureDeps): Reply | undefined {
  const { t, kb } = deps;
  const group = kb.groups.find((g) => g.id === groupId);
  if (!group) return undefined;
  const topics = kb.topics.filter((x) => x.group === groupId);
  const en = turn.locale === 'en';
  return {
    text: t(turn.locale, 'menu-group', { group: en ? group.title_en : group.title }),
    buttons: [
      ...rows(
        topics.map((x) => ({ label: en && x.title_en ? x.title_en : x.title, payload: payload.topic(x.id) })),
        1,
      ),
      navigationRow(t, turn.locale),
    ],
  };
}

export function showMainMenu(turn: Turn, deps: FeatureDeps): Outcome {
  return { replies: [mainMenu(turn, deps)], session: { ...turn.session, misses: 0 } };
}

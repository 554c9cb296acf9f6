import type { Reply } from '../core/reply';
import { type Feature, payloadKind } from './feature';
import { groupPayload, MENU, navigationRow, parseId, rows, topicPayload } from './keyboards';
import type { FeatureDeps, Outcome, Turn } from './types';

/** The topics of one group; undefined when the group does not exist (an old or forged button). */
function groupMenu(groupId: string, turn: Turn, deps: FeatureDeps): Reply | undefined {
  const { t, kb } = deps;
  const group = kb.groups.find((g) => g.id === groupId);
  if (!group) return undefined;
  const topics = kb.topics.filter((x) => x.group === groupId);
  const en = turn.locale === 'en';
  return {
    text: t(turn.locale, 'menu-group', { group: en ? group.title_en : group.title }),
    buttons: [
      ...rows(
        topics.map((x) => ({ label: en && x.title_en ? x.title_en : x.title, payload: topicPayload(x.id) })),
        1,
      ),
      navigationRow(t, turn.locale),
    ],
  };
}

/** The main menu (its buttons come from every feature) and the topics of each group. */
export const menuFeature: Feature = {
  id: 'menu',
  commands: [
    {
      words: ['menu', 'menu chinh', 'danh muc'],
      handle: (turn, ctx) => ({ replies: [ctx.mainMenu(turn)], session: { ...turn.session, misses: 0 } }),
    },
  ],
  payloads: [
    payloadKind({
      prefix: MENU,
      parse: (args) => (args === undefined ? true : undefined),
      handle: (_menu, turn, ctx): Outcome => ({
        replies: [ctx.mainMenu(turn)],
        session: { ...turn.session, misses: 0 },
      }),
    }),
    payloadKind({
      prefix: 'g',
      parse: parseId,
      handle: (id, turn, ctx) => {
        const menu = groupMenu(id, turn, ctx);
        return menu ? { replies: [menu] } : undefined;
      },
    }),
  ],
  // One button per row: big targets for older residents.
  menu: [
    {
      row: 10,
      perRow: 1,
      buttons: (turn, { kb }) =>
        kb.groups.map((g) => ({
          label: turn.locale === 'en' ? g.title_en : g.title,
          payload: groupPayload(g.id),
        })),
    },
  ],
};

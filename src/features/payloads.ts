import type { SectionKey } from '../knowledge/schema';
import { SECTION_KEYS } from '../knowledge/schema';

/**
 * Button payloads: short ASCII strings (Telegram's callback_data holds 64 bytes). Anything that does not
 * parse — an old button, a forged one — becomes { kind: 'stale' } and gets a harmless answer.
 */
export type Payload =
  | { kind: 'start'; param?: string }
  | { kind: 'menu' }
  | { kind: 'group'; group: string }
  | { kind: 'topic'; topic: string }
  | { kind: 'section'; topic: string; section: SectionKey }
  | { kind: 'feedback'; topic: string; value: 'up' | 'down' }
  | { kind: 'village'; village: string }
  | { kind: 'change-village' }
  | { kind: 'language'; locale: 'vi' | 'en' }
  | { kind: 'help' }
  | { kind: 'delete'; answer?: 'yes' | 'no' }
  | { kind: 'none-of-these' }
  | { kind: 'cancel' }
  | { kind: 'stale' };

const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const RULES: [RegExp, (m: RegExpExecArray) => Payload][] = [
  [/^start$/, () => ({ kind: 'start' })],
  [new RegExp(`^start:(${ID})$`), (m) => ({ kind: 'start', param: m[1]! })],
  [/^menu$/, () => ({ kind: 'menu' })],
  [new RegExp(`^g:(${ID})$`), (m) => ({ kind: 'group', group: m[1]! })],
  [new RegExp(`^topic:(${ID})$`), (m) => ({ kind: 'topic', topic: m[1]! })],
  [
    new RegExp(`^sec:(${ID}):(${SECTION_KEYS.join('|')})$`),
    (m) => ({ kind: 'section', topic: m[1]!, section: m[2] as SectionKey }),
  ],
  [
    new RegExp(`^fb:(${ID}):(up|down)$`),
    (m) => ({ kind: 'feedback', topic: m[1]!, value: m[2] as 'up' | 'down' }),
  ],
  [new RegExp(`^v:(${ID})$`), (m) => ({ kind: 'village', village: m[1]! })],
  [/^village$/, () => ({ kind: 'change-village' })],
  [/^lang:(vi|en)$/, (m) => ({ kind: 'language', locale: m[1] as 'vi' | 'en' })],
  [/^help$/, () => ({ kind: 'help' })],
  [/^del$/, () => ({ kind: 'delete' })],
  [/^del:(yes|no)$/, (m) => ({ kind: 'delete', answer: m[1] as 'yes' | 'no' })],
  [/^clarify:none$/, () => ({ kind: 'none-of-these' })],
  [/^cancel$/, () => ({ kind: 'cancel' })],
];

export function parsePayload(raw: string): Payload {
  if (raw.length > 64) return { kind: 'stale' };
  for (const [re, make] of RULES) {
    const m = re.exec(raw);
    if (m) return make(m);
  }
  return { kind: 'stale' };
}

export const payload = {
  menu: 'menu',
  group: (id: string) => `g:${id}`,
  topic: (id: string) => `topic:${id}`,
  section: (topic: string, key: SectionKey) => `sec:${topic}:${key}`,
  feedback: (topic: string, value: 'up' | 'down') => `fb:${topic}:${value}`,
  village: (id: string) => `v:${id}`,
  changeVillage: 'village',
  language: (locale: 'vi' | 'en') => `lang:${locale}`,
  help: 'help',
  deleteAsk: 'del',
  deleteYes: 'del:yes',
  deleteNo: 'del:no',
  noneOfThese: 'clarify:none',
  cancel: 'cancel',
} as const;

import type { Locale } from '../core/user';
import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS } from '../language/when-calendar';
import { type Commune, PLACEHOLDER_MARK } from './schema';

/** Names that answers may use in braces, filled from commune.yaml. */
export const PLACEHOLDER_NAMES = [
  'commune',
  'province',
  'office',
  'address',
  'hours',
  'phone',
  'police',
  'post',
  'portal',
  'police_hours',
  'border',
] as const;
type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** The names a text uses in braces, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDER_NAMES);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name));
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The words of the opening hours, in each language residents may choose. */
const HOURS_WORDS = {
  vi: {
    days: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
    closed: 'nghỉ',
    to: 'đến',
    date: (d: string, m: string) => `Ngày ${d}/${m}`,
    soon: 'Sắp tới',
    unconfirmed: '(giờ thường lệ, bà con hỏi lại trước khi đi)',
  },
  en: {
    days: ENGLISH_WEEKDAYS,
    closed: 'closed',
    to: 'to',
    // the month by name: an American reads 01/02 as January 2
    date: (d: string, m: string) => `${Number(d)} ${ENGLISH_MONTHS[Number(m) - 1]}`,
    soon: 'Coming up',
    unconfirmed: '(usual hours; please check before you go)',
  },
} as const;

type WeekHours = Omit<Commune['hours'], 'exceptions'>;
const EXCEPTION_DAYS = 14;
const VIETNAM_OFFSET_MS = 7 * 60 * 60_000;

/** Opening hours in one short paragraph, days with the same hours grouped; with the dated exceptions of the
 * next two weeks (Vietnam dates) when given. The commune's own notes stay as written (Vietnamese). */
export function describeHours(commune: Commune, now = Date.now(), locale: Locale = 'vi'): string {
  const words = HOURS_WORDS[locale];
  const week = describeWeek(commune.hours, locale);
  const today = new Date(now + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  const until = new Date(now + VIETNAM_OFFSET_MS + EXCEPTION_DAYS * 86_400_000).toISOString().slice(0, 10);
  const soon = commune.hours.exceptions
    .filter((e) => e.date >= today && e.date <= until)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => {
      const [, m = '', d = ''] = e.date.split('-');
      const when = e.hours.length === 0 ? words.closed : e.hours.map((h) => `${h.from}–${h.to}`).join(', ');
      return `${words.date(d, m)}: ${when} (${e.note})`;
    });
  return soon.length > 0 ? `${week}\n${words.soon}: ${soon.join('; ')}` : week;
}

function describeWeek(hours: WeekHours, locale: Locale = 'vi'): string {
  const words = HOURS_WORDS[locale];
  const lines: string[] = [];
  let run: { first: string; last: string; text: string } | undefined;
  WEEKDAYS.forEach((day, i) => {
    const label = words.days[i]!;
    const slots = hours[day];
    const text = slots.length === 0 ? words.closed : slots.map((s) => `${s.from}–${s.to}`).join(', ');
    if (run && run.text === text) run.last = label;
    else {
      if (run) lines.push(formatRun(run, words.to));
      run = { first: label, last: label, text };
    }
  });
  if (run) lines.push(formatRun(run, words.to));
  // A note still to fill in («(cần cập nhật — giờ chưa được xã xác nhận)») means the hours are a guess:
  // residents are told so in their words, not shown the note.
  const note = !hours.note ? '' : isMissing(hours.note) ? ` ${words.unconfirmed}` : `\n${hours.note}`;
  return lines.join('; ') + note;
}

function formatRun(run: { first: string; last: string; text: string }, to: string): string {
  const days = run.first === run.last ? run.first : `${run.first} ${to} ${run.last}`;
  return `${days}: ${run.text}`;
}

/** A value the commune has not filled in yet («(cần cập nhật …)» in commune.yaml). */
export const isMissing = (value: string | undefined): boolean =>
  value === undefined || value.includes(PLACEHOLDER_MARK);

/** commune.yaml's notes to staff, «(cần cập nhật tên)», however they are capitalised */
const NOTE_IN_BRACKETS = /\s*\(\s*cần cập nhật[^)]*\)/giu;

/** The text without «(cần cập nhật …)» notes («Thôn/làng 1 (cần cập nhật tên)» → «Thôn/làng 1»). */
export function withoutPlaceholderNotes(value: string): string {
  return value.normalize('NFC').replace(NOTE_IN_BRACKETS, '').trim();
}

/** A village's name as residents read it (without staff notes); `fallback` for an id not in the list. */
export function villageName(commune: Commune, id: string, fallback = id): string {
  const village = commune.villages.find((v) => v.id === id);
  return village ? withoutPlaceholderNotes(village.name) : fallback;
}

/**
 * What residents read for each name. A value the commune has not filled in never reaches them: it is
 * replaced by words that still make the sentence read well and send them somewhere real («gọi số điện
 * thoại của xã (hỏi trưởng thôn)»), or left out (a phone after a name).
 */
export function placeholderValues(commune: Commune, locale: Locale = 'vi'): Record<PlaceholderName, string> {
  const en = locale === 'en';
  const phones = commune.office.phones.filter((p) => !isMissing(p));
  const withPhone = (name: string, phone: string) =>
    isMissing(phone) ? name : `${name}, ${en ? 'tel.' : 'ĐT'} ${phone}`;
  return {
    commune: commune.name,
    province: commune.province,
    office: commune.office.name,
    address: isMissing(commune.office.address)
      ? en
        ? 'the commune People’s Committee building'
        : 'trụ sở UBND xã'
      : commune.office.address,
    // Read when an answer is written, so dated exceptions (a holiday next week) are always current.
    get hours() {
      return describeHours(commune, Date.now(), locale);
    },
    police_hours: commune.police.hours
      ? describeWeek(commune.police.hours, locale)
      : en
        ? 'office hours; residence papers also on Saturday mornings (please check with Công an xã)'
        : 'giờ hành chính; hồ sơ cư trú nhận cả sáng thứ Bảy (bà con hỏi lại Công an xã)',
    border: commune.border ? commune.border.exemptions.join('; ') : '',
    phone:
      phones.length > 0
        ? phones.join(', ')
        : en
          ? 'the commune’s phone number (ask your village head)'
          : 'số điện thoại của xã (hỏi trưởng thôn)',
    police: withPhone(commune.police.name, commune.police.phone),
    post: withPhone(commune.post_office.name, commune.post_office.phone),
    portal: isMissing(commune.portals.provincial)
      ? `${en ? 'the National Public Service Portal' : 'Cổng dịch vụ công quốc gia'} ${commune.portals.national}`
      : commune.portals.provincial,
  };
}

/** What must be filled in before the bot serves residents in production (NODE_ENV=production). */
export function missingEssentials(commune: Commune): string[] {
  const missing: string[] = [];
  if (isMissing(commune.office.address)) missing.push('commune.yaml: office.address (địa chỉ trụ sở)');
  if (commune.office.phones.every((p) => isMissing(p)))
    missing.push('commune.yaml: office.phones (số điện thoại Bộ phận Một cửa)');
  return missing;
}

/**
 * Fills {phone}, {hours}… from the commune profile; unknown names are left as written. A value with its
 * own brackets written inside brackets reads them as a comma: «{office} ({phone})» is «… (số điện thoại
 * của xã, hỏi trưởng thôn)», not «(… (hỏi trưởng thôn))».
 */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return fillEach(text, values).replace(SAME_PORTAL_TWICE, '$1');
}

/**
 * «trên https://dichvucong.gov.vn hoặc {portal}» while the province's portal is not filled in: {portal} is
 * the national one, and the same address would be read twice in one sentence.
 */
const SAME_PORTAL_TWICE =
  /((?:https?:\/\/)?dichvucong\.gov\.vn)\/? (?:hoặc|or) [^,.:;\n]*?https?:\/\/dichvucong\.gov\.vn\/?/g;

function fillEach(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const value = values[name];
    if (value === undefined) return whole;
    const before = text.slice(0, offset);
    const open = before.split('(').length - before.split(')').length;
    const named = name === 'commune' && !startsSentence(before) ? inSentence(value) : value;
    return open > 0 ? named.replace(/\s*\(([^()]*)\)/g, ', $1') : named;
  });
}

/** At a sentence's start, a line's start or a bullet's («- Xã Ia Dom là xã biên giới»). */
const startsSentence = (before: string): boolean => /(^|[.!?:\n])\s*([-•]\s*)?$/.test(before);

/** «Xã Ia Dom» inside a sentence is «xã Ia Dom» («biên giới như xã Ia Dom», «UBND xã Ia Dom»). */
const inSentence = (name: string): string =>
  name.replace(/^(Xã|Phường|Thị trấn|Đặc khu)(?= )/u, (unit) => unit.toLocaleLowerCase('vi'));

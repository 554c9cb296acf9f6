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

export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDER_NAMES);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name));
}

const WEEKDAYS = [
  ['monday', 'Thứ Hai'],
  ['tuesday', 'Thứ Ba'],
  ['wednesday', 'Thứ Tư'],
  ['thursday', 'Thứ Năm'],
  ['friday', 'Thứ Sáu'],
  ['saturday', 'Thứ Bảy'],
  ['sunday', 'Chủ nhật'],
] as const;

type WeekHours = Omit<Commune['hours'], 'exceptions'>;
const EXCEPTION_DAYS = 14;
const VIETNAM_OFFSET_MS = 7 * 60 * 60_000;

/** Opening hours in one short Vietnamese paragraph, days with the same hours grouped; with the dated
 * exceptions of the next two weeks (Vietnam dates) when given. */
export function describeHours(commune: Commune, now = Date.now()): string {
  const week = describeWeek(commune.hours);
  const today = new Date(now + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  const until = new Date(now + VIETNAM_OFFSET_MS + EXCEPTION_DAYS * 86_400_000).toISOString().slice(0, 10);
  const soon = commune.hours.exceptions
    .filter((e) => e.date >= today && e.date <= until)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => {
      const [, m, d] = e.date.split('-');
      const when = e.hours.length === 0 ? 'nghỉ' : e.hours.map((h) => `${h.from}–${h.to}`).join(', ');
      return `Ngày ${d}/${m}: ${when} (${e.note})`;
    });
  return soon.length > 0 ? `${week}\nSắp tới: ${soon.join('; ')}` : week;
}

function describeWeek(hours: WeekHours): string {
  const lines: string[] = [];
  let run: { first: string; last: string; text: string } | undefined;
  for (const [day, label] of WEEKDAYS) {
    const slots = hours[day];
    const text = slots.length === 0 ? 'nghỉ' : slots.map((s) => `${s.from}–${s.to}`).join(', ');
    if (run && run.text === text) run.last = label;
    else {
      if (run) lines.push(formatRun(run));
      run = { first: label, last: label, text };
    }
  }
  if (run) lines.push(formatRun(run));
  const note = hours.note && !isMissing(hours.note) ? `\n${hours.note}` : '';
  return lines.join('; ') + note;
}

function formatRun(run: { first: string; last: string; text: string }): string {
  const days = run.first === run.last ? run.first : `${run.first} đến ${run.last}`;
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
export function placeholderValues(commune: Commune): Record<PlaceholderName, string> {
  const phones = commune.office.phones.filter((p) => !isMissing(p));
  const withPhone = (name: string, phone: string) => (isMissing(phone) ? name : `${name}, ĐT ${phone}`);
  return {
    commune: commune.name,
    province: commune.province,
    office: commune.office.name,
    address: isMissing(commune.office.address) ? 'trụ sở UBND xã' : commune.office.address,
    // Read when an answer is written, so dated exceptions (a holiday next week) are always current.
    get hours() {
      return describeHours(commune);
    },
    police_hours: commune.police.hours
      ? describeWeek(commune.police.hours)
      : 'giờ hành chính; hồ sơ cư trú nhận cả sáng thứ Bảy (bà con hỏi lại Công an xã)',
    border: commune.border ? commune.border.exemptions.join('; ') : '',
    phone: phones.length > 0 ? phones.join(', ') : 'số điện thoại của xã (hỏi trưởng thôn)',
    police: withPhone(commune.police.name, commune.police.phone),
    post: withPhone(commune.post_office.name, commune.post_office.phone),
    portal: isMissing(commune.portals.provincial)
      ? `Cổng dịch vụ công quốc gia ${commune.portals.national}`
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

/** Fills {phone}, {hours}… from the commune profile; unknown names are left as written. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

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

/** Opening hours in one short Vietnamese paragraph, days with the same hours grouped. */
export function describeHours(commune: Commune): string {
  const lines: string[] = [];
  let run: { first: string; last: string; text: string } | undefined;
  for (const [day, label] of WEEKDAYS) {
    const slots = commune.hours[day];
    const text = slots.length === 0 ? 'nghỉ' : slots.map((s) => `${s.from}–${s.to}`).join(', ');
    if (run && run.text === text) run.last = label;
    else {
      if (run) lines.push(formatRun(run));
      run = { first: label, last: label, text };
    }
  }
  if (run) lines.push(formatRun(run));
  const note = commune.hours.note && !isMissing(commune.hours.note) ? `\n${commune.hours.note}` : '';
  return lines.join('; ') + note;
}

function formatRun(run: { first: string; last: string; text: string }): string {
  const days = run.first === run.last ? run.first : `${run.first} đến ${run.last}`;
  return `${days}: ${run.text}`;
}

/** A value the commune has not filled in yet («(cần cập nhật …)» in commune.yaml). */
export const isMissing = (value: string | undefined): boolean =>
  value === undefined || value.includes(PLACEHOLDER_MARK);

/** The text without «(cần cập nhật …)» notes («Thôn/làng 1 (cần cập nhật tên)» → «Thôn/làng 1»). */
export function withoutPlaceholderNotes(value: string): string {
  return value.replace(/\s*\(cần cập nhật[^)]*\)/g, '').trim();
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
    hours: describeHours(commune),
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

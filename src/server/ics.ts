import { vnCivil } from '../language/when-calendar';

/**
 * An iCalendar file (RFC 5545) with one event and its alarm, in Vietnam's time zone, for residents the
 * bot cannot write to later (the web chat): their phone's calendar reminds them instead.
 */
export interface CalendarEvent {
  readonly uid: string;
  readonly summary: string;
  /** ms since epoch */
  readonly start: number;
  readonly durationMinutes?: number;
  /** when the file was made (ms) */
  readonly stamp: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 20261211T080000 in Vietnam, for DTSTART;TZID=Asia/Ho_Chi_Minh */
function vnLocal(ms: number): string {
  const t = vnCivil(new Date(ms));
  return `${t.y}${pad(t.m)}${pad(t.d)}T${pad(t.hh)}${pad(t.mm)}00`;
}

/** 20261201T010000Z */
const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
const escapeText = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendarFile(event: CalendarEvent): string {
  const end = event.start + (event.durationMinutes ?? 30) * 60_000;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tro ly DVC//Nhac viec//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Ho_Chi_Minh',
    'BEGIN:STANDARD',
    'DTSTART:19750613T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:ICT',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART;TZID=Asia/Ho_Chi_Minh:${vnLocal(event.start)}`,
    `DTEND;TZID=Asia/Ho_Chi_Minh:${vnLocal(end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(event.summary)}`,
    'TRIGGER:-PT0M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * Masks personal numbers before text is logged or stored (ARCHITECTURE §7): phone numbers,
 * 9-digit CMND and 12-digit CCCD numbers, and bot tokens.
 */

// Digits possibly separated by spaces, dots or dashes: 9 or more digits in a row is a phone or ID number,
// also when glued to a word, as residents type them ("sđt0912345678", "cccd001203004567nhé").
const LONG_NUMBER = /(?<!\p{N})\+?\d(?:[ .-]?\d){8,}(?!\p{N})/gu;
const BOT_TOKEN = /\b\d{6,}:[A-Za-z0-9_-]{20,}\b/g;

export function maskPersonalNumbers(text: string): string {
  return text.replace(BOT_TOKEN, '[token]').replace(LONG_NUMBER, (m) => {
    const digits = m.replace(/\D/g, '');
    return `${'*'.repeat(Math.max(0, digits.length - 3))}${digits.slice(-3)}`;
  });
}

import { fold } from '../language/normalize';

/**
 * Words that only call the bot before a command: «ad ơi nhắc em…», «chào admin, đặt lịch nhắc…». A chat
 * message on Zalo often opens with them, as it would to the page's staff.
 */
const CALLING = new Set(['ad', 'add', 'admin', 'bot', 'page', 'oi', 'chao']);

/** The typed words of a message without the words that only call the bot at its start. */
export function withoutCalling(text: string): string[] {
  const typed = text.trim().split(/\s+/);
  let start = 0;
  while (start < typed.length - 1 && CALLING.has(fold(typed[start]!.toLowerCase().replace(/[,.:;!]+$/, ''))))
    start++;
  return typed.slice(start);
}

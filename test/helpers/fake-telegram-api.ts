/**
 * A local fake of the Telegram Bot API (https://api.telegram.org) for tests.
 *
 * grammY talks to it with `new Bot(fake.token, { client: { apiRoot: fake.url } })`: every call is
 * `POST ${apiRoot}/bot${token}/${method}` with a JSON body. The fake answers like Telegram does —
 * `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }` with the matching HTTP
 * status — records every call, holds long-polling `getUpdates` requests, validates the things Telegram
 * rejects (HTML markup, message length, callback_data bytes, webhook URL, bot commands) and can be told
 * to fail the next calls of a method (429 / 403 / 400 / 500).
 *
 * Deliberate differences from Telegram (kept small and on the strict side):
 * - In HTML text a bare `&` that does not start `&lt; &gt; &amp; &quot; &#N; &#xH;` is rejected
 *   (Telegram passes it through literally). Attribute values (e.g. `href`) may contain a bare `&`.
 * - Messages the fake has never seen can still be edited or deleted (Telegram would say "not found").
 * - No file uploads (multipart/form-data), no webhook delivery: updates are served by `getUpdates` only.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';
import { readRequestParams } from './fake-http';
import { waitForCalls } from './wait-for-calls';

// ---------------------------------------------------------------------------------------------------------
// Public types

export interface RecordedCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
  /** Date.now() when the request arrived */
  at: number;
  /** The JSON the fake answered with; set once the call is answered (a held getUpdates answers later). */
  response?: ApiResponse;
}

export type ApiResponse =
  | { ok: true; result: unknown; description?: string }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

export type InjectedFailure =
  | { code: 429; retryAfter: number }
  | { code: 403; description?: string }
  | { code: 400; description: string }
  | { code: 500 };

export interface WebhookSettings {
  url: string;
  secret_token?: string;
  allowed_updates?: string[];
  max_connections?: number;
}

export interface FakeTelegram {
  /** http://127.0.0.1:<port>, use as grammY `apiRoot` */
  url: string;
  /** the only token the fake accepts */
  token: string;
  /** what getMe returns; pass it as `new Bot(token, { botInfo })` to skip getMe */
  botInfo: UserFromGetMe;
  /** every call, in order (including failed and unauthorized ones) */
  calls: RecordedCall[];
  callsOf(method: string): RecordedCall[];
  /** sendMessage calls (optionally only those for one chat), including failed ones — see `call.response` */
  sent(chatId?: number | string): RecordedCall[];
  /** queue an update for getUpdates; assigns update_id if missing (increasing from 1000), returns it */
  pushUpdate(update: object): number;
  /** the next `times` (default 1) calls of `method` fail that way */
  failNext(method: string, failure: InjectedFailure, times?: number): void;
  /** every later call that targets this chat_id fails with 403 "Forbidden: bot was blocked by the user" */
  setBlocked(chatId: number | string, blocked?: boolean): void;
  /** what setWebhook set, or undefined when no webhook is set */
  webhook(): WebhookSettings | undefined;
  /** resolves (with all calls of `method`) once `count` calls of `method` were recorded */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** clear calls, pending updates, failures, webhook, stored messages, commands and blocks */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeTelegramOptions {
  /** delay added before every answer */
  latencyMs?: number;
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  /** default 0: any free port */
  port?: number;
}

export const FAKE_TELEGRAM_TOKEN = '123456:TEST_fake_token_abcdefghijklmnop';

export const FAKE_BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: 'Trợ lý DVC (test)',
  username: 'tro_ly_dvc_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

// ---------------------------------------------------------------------------------------------------------
// Errors

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}

const badRequest = (what: string) => new ApiFailure(400, `Bad Request: ${what}`);
const cantParse = (what: string) => badRequest(`can't parse entities: ${what}`);

/** A `true` result that Telegram sends with a description (setWebhook, deleteWebhook). */
class Described {
  constructor(
    readonly value: unknown,
    readonly description: string,
  ) {}
}

function failureToApi(failure: InjectedFailure): ApiFailure {
  switch (failure.code) {
    case 429:
      return new ApiFailure(429, `Too Many Requests: retry after ${failure.retryAfter}`, {
        retry_after: failure.retryAfter,
      });
    case 403:
      return new ApiFailure(403, failure.description ?? 'Forbidden: bot was blocked by the user');
    case 400:
      return new ApiFailure(
        400,
        failure.description.startsWith('Bad Request')
          ? failure.description
          : `Bad Request: ${failure.description}`,
      );
    case 500:
      return new ApiFailure(500, 'Internal Server Error');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parameter helpers (JSON bodies carry typed values; query strings and form bodies carry strings)

type Params = Record<string, unknown>;

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function asInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function asBool(v: unknown): boolean {
  return v === true || v === 'true' || v === 1 || v === '1';
}

/** Telegram accepts JSON-serialized objects where an object is expected (form bodies). */
function asJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

// ---------------------------------------------------------------------------------------------------------
// HTML (parse_mode: 'HTML'), validated like Telegram's parser

interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

const HTML_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'span',
  'tg-spoiler',
  'blockquote',
  'tg-emoji',
]);

const SIMPLE_ENTITY: Record<string, MessageEntity['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  span: 'spoiler',
  'tg-spoiler': 'spoiler',
};

/** Decodes the entity at `src[i] === '&'`; returns the character and the index after it, or undefined. */
function decodeHtmlEntity(src: string, i: number): { char: string; next: number } | undefined {
  const m = /^&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7}));/.exec(src.slice(i, i + 12));
  if (!m) return undefined;
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
  let char: string | undefined;
  if (m[1] !== undefined) char = named[m[1]];
  else {
    const code = m[2] !== undefined ? Number.parseInt(m[2], 10) : Number.parseInt(m[3] ?? '', 16);
    if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff))
      char = String.fromCodePoint(code);
  }
  return char === undefined ? undefined : { char, next: i + m[0].length };
}

/** Decodes entities in an attribute value; a bare `&` stays literal there (as in Telegram). */
function decodeAttribute(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; ) {
    const decoded = value[i] === '&' ? decodeHtmlEntity(value, i) : undefined;
    if (decoded) {
      out += decoded.char;
      i = decoded.next;
    } else {
      out += value[i];
      i++;
    }
  }
  return out;
}

interface OpenTag {
  tag: string;
  attrs: Map<string, string>;
  offset: number;
}

export function parseTelegramHtml(src: string): ParsedText {
  const byteOffset = (i: number) => utf8Length(src.slice(0, i));
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  let text = '';
  const stack: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '&') {
      const decoded = decodeHtmlEntity(src, i);
      if (!decoded) {
        throw cantParse(
          `Character "&" at byte offset ${byteOffset(i)} must start an HTML entity (&amp; &lt; &gt; &quot; or &#N;)`,
        );
      }
      text += decoded.char;
      i = decoded.next;
      continue;
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    const begin = i;
    if (src[i + 1] === '/') {
      const close = src.indexOf('>', i + 2);
      if (close < 0) throw cantParse(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const name = src
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const open = stack.pop();
      if (!open) throw cantParse(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      if (name !== '' && name !== open.tag) {
        throw cantParse(
          `Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      const entity = entityFor(open, text.length - open.offset, stack);
      if (entity) entities.push(entity);
      i = close + 1;
      continue;
    }
    // start tag
    let j = i + 1;
    while (j < src.length && !isSpace(src[j]) && src[j] !== '>') j++;
    const name = src.slice(i + 1, j).toLowerCase();
    if (j >= src.length) throw cantParse(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
    if (!HTML_TAGS.has(name)) {
      throw cantParse(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);
    }
    const attrs = new Map<string, string>();
    for (;;) {
      while (isSpace(src[j])) j++;
      if (j >= src.length) throw cantParse(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      if (src[j] === '>') break;
      const nameStart = j;
      while (j < src.length && !isSpace(src[j]) && src[j] !== '=' && src[j] !== '>') j++;
      const attrName = src.slice(nameStart, j).toLowerCase();
      if (attrName === '') {
        throw cantParse(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}`);
      }
      while (isSpace(src[j])) j++;
      if (src[j] !== '=') {
        attrs.set(attrName, '');
        continue;
      }
      j++;
      while (isSpace(src[j])) j++;
      const quote = src[j];
      let value: string;
      if (quote === '"' || quote === "'") {
        const end = src.indexOf(quote, j + 1);
        if (end < 0) throw cantParse(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        value = src.slice(j + 1, end);
        j = end + 1;
      } else {
        const valueStart = j;
        while (j < src.length && !isSpace(src[j]) && src[j] !== '>') j++;
        value = src.slice(valueStart, j);
      }
      attrs.set(attrName, decodeAttribute(value));
    }
    if (name === 'span' && attrs.get('class') !== 'tg-spoiler') {
      throw cantParse(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
    }
    if (name === 'tg-emoji' && !/^\d+$/.test(attrs.get('emoji-id') ?? '')) {
      throw cantParse(
        `Custom emoji entity must have a numeric "emoji-id" at byte offset ${byteOffset(begin)}`,
      );
    }
    stack.push({ tag: name, attrs, offset: text.length });
    i = j + 1;
  }
  const unclosed = stack.at(-1);
  if (unclosed) throw cantParse(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function entityFor(open: OpenTag, length: number, outer: OpenTag[]): MessageEntity | undefined {
  if (length <= 0) return undefined;
  const { offset, tag, attrs } = open;
  const simple = SIMPLE_ENTITY[tag];
  if (simple) return { type: simple, offset, length } as MessageEntity;
  switch (tag) {
    case 'a': {
      const href = attrs.get('href');
      return href ? { type: 'text_link', offset, length, url: href } : undefined;
    }
    case 'code': {
      // <pre><code class="language-x"> makes one pre entity with a language
      const parent = outer.at(-1);
      const language = attrs.get('class')?.match(/^language-(.+)$/)?.[1];
      if (parent?.tag === 'pre' && language) {
        parent.attrs.set('data-language', language);
        return undefined;
      }
      return { type: 'code', offset, length };
    }
    case 'pre': {
      const language = attrs.get('data-language');
      return language ? { type: 'pre', offset, length, language } : { type: 'pre', offset, length };
    }
    case 'blockquote':
      return { type: attrs.has('expandable') ? 'expandable_blockquote' : 'blockquote', offset, length };
    case 'tg-emoji':
      return { type: 'custom_emoji', offset, length, custom_emoji_id: attrs.get('emoji-id') ?? '' };
    default:
      return undefined;
  }
}

/** Telegram trims leading and trailing white space of a message text; entities move with the text. */
function trimParsed({ text, entities }: ParsedText): ParsedText {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(trimmed.length, e.offset + e.length - lead);
    if (end > start) out.push({ ...e, offset: start, length: end - start });
  }
  return { text: trimmed, entities: out };
}

function parseMessageText(params: Params): ParsedText {
  const raw = asString(params.text);
  if (raw === undefined || raw.trim() === '') throw badRequest('message text is empty');
  const parseMode = asString(params.parse_mode) ?? '';
  let parsed: ParsedText;
  if (parseMode === '') {
    const given = asJson(params.entities);
    parsed = { text: raw, entities: Array.isArray(given) ? (given as MessageEntity[]) : [] };
  } else if (parseMode.toLowerCase() === 'html') {
    parsed = parseTelegramHtml(raw);
  } else if (parseMode.toLowerCase() === 'markdown' || parseMode.toLowerCase() === 'markdownv2') {
    parsed = { text: raw, entities: [] }; // not validated by the fake
  } else {
    throw badRequest('unsupported parse_mode');
  }
  parsed = trimParsed(parsed);
  if (parsed.text.length === 0) throw badRequest('message text is empty');
  if (parsed.text.length > 4096) throw badRequest('message is too long');
  return parsed;
}

// ---------------------------------------------------------------------------------------------------------
// reply_markup

const INLINE_BUTTON_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

/** Validates reply_markup; returns it when it is an inline keyboard (the only kind echoed in a Message). */
function validateReplyMarkup(raw: unknown): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  const markup = asJson(raw);
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in markup) {
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    }
    for (const row of rows as unknown[][]) {
      for (const button of row) validateInlineButton(button);
    }
    return markup;
  }
  if ('keyboard' in markup) {
    const rows = markup.keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    }
    for (const row of rows as unknown[][]) {
      for (const button of row) {
        if (typeof button !== 'string' && !(isRecord(button) && typeof button.text === 'string')) {
          throw badRequest(`can't parse keyboard button: Field "text" must be of type String`);
        }
      }
    }
    return undefined;
  }
  if (markup.remove_keyboard === true || markup.force_reply === true) return undefined;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function validateInlineButton(button: unknown): void {
  if (!isRecord(button)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  }
  if (typeof button.text !== 'string') {
    throw badRequest(`can't parse inline keyboard button: Field "text" must be of type String`);
  }
  const actions = INLINE_BUTTON_ACTIONS.filter((field) => button[field] !== undefined);
  if (actions.length === 0) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  if (actions.length > 1) {
    throw badRequest(
      `can't parse inline keyboard button: exactly one of the optional fields must be used, got ${actions.join(', ')}`,
    );
  }
  if (button.callback_data !== undefined) {
    const data = button.callback_data;
    if (typeof data !== 'string' || utf8Length(data) < 1 || utf8Length(data) > 64) {
      throw badRequest('BUTTON_DATA_INVALID');
    }
  }
  if (button.url !== undefined) {
    const url = button.url;
    const scheme =
      typeof url === 'string' ? /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() : undefined;
    if (
      typeof url !== 'string' ||
      url === '' ||
      /\s/.test(url) ||
      (scheme !== undefined && !['http', 'https', 'tg'].includes(scheme))
    ) {
      throw badRequest('BUTTON_URL_INVALID');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Updates

const DEFAULT_EXCLUDED_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

function updateType(update: Record<string, unknown>): string | undefined {
  return Object.keys(update).find((k) => k !== 'update_id');
}

interface StoredMessage {
  fromBot: boolean;
  message: Record<string, unknown>;
}

interface Poll {
  limit: number;
  timer: NodeJS.Timeout;
  resolve: (updates: unknown[]) => void;
  reject: (failure: ApiFailure) => void;
}

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const CONFLICT_WEBHOOK =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const CONFLICT_OTHER_POLL =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

interface CallIo {
  /** runs `fn` if the client goes away before the answer was sent */
  onAbort(fn: () => void): void;
}

type Handler = (params: Params, io: CallIo) => unknown;

// ---------------------------------------------------------------------------------------------------------
// The server

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? FAKE_TELEGRAM_TOKEN;
  const botInfo: UserFromGetMe = { ...FAKE_BOT_INFO, ...options.botInfo };
  const botUser: User = {
    id: botInfo.id,
    is_bot: true,
    first_name: botInfo.first_name,
    username: botInfo.username,
  };
  const latencyMs = options.latencyMs ?? 0;

  const calls: RecordedCall[] = [];
  const callListeners = new Set<() => void>();
  let queue: Record<string, unknown>[] = [];
  let nextUpdateId = 1000;
  let poll: Poll | undefined;
  let allowedUpdates: string[] = [];
  let webhookState: WebhookSettings | undefined;
  const failures = new Map<string, { failure: InjectedFailure; remaining: number }[]>();
  const blocked = new Set<string>();
  const chats = new Map<string, Chat>();
  const lastMessageId = new Map<string, number>();
  const messages = new Map<string, StoredMessage>();
  const commands = new Map<string, unknown[]>();
  const answeredQueries = new Set<string>();

  const now = () => Math.floor(Date.now() / 1000);

  // -- chats and messages -------------------------------------------------------------------------------

  function rememberChat(chat: unknown): void {
    if (isRecord(chat) && typeof chat.id === 'number') chats.set(String(chat.id), chat as unknown as Chat);
  }

  function rememberMessage(message: unknown): void {
    if (!isRecord(message) || !isRecord(message.chat) || typeof message.message_id !== 'number') return;
    rememberChat(message.chat);
    const chatKey = String(message.chat.id);
    lastMessageId.set(chatKey, Math.max(lastMessageId.get(chatKey) ?? 0, message.message_id));
    const from = message.from;
    const fromBot = isRecord(from) && from.id === botInfo.id;
    messages.set(`${chatKey}:${message.message_id}`, { fromBot, message });
  }

  function rememberUpdate(update: Record<string, unknown>): void {
    for (const key of [
      'message',
      'edited_message',
      'channel_post',
      'edited_channel_post',
      'business_message',
    ]) {
      rememberMessage(update[key]);
    }
    const query = update.callback_query;
    if (isRecord(query)) rememberMessage(query.message);
    for (const key of ['my_chat_member', 'chat_member', 'chat_join_request']) {
      const member = update[key];
      if (isRecord(member)) rememberChat(member.chat);
    }
  }

  function resolveChat(raw: unknown): Chat {
    if (raw === undefined || raw === '') throw badRequest('chat_id is empty');
    const id = asInt(raw);
    if (id === undefined) {
      const name = typeof raw === 'string' && raw.startsWith('@') ? raw.slice(1).toLowerCase() : undefined;
      const byName = name
        ? [...chats.values()].find((c) => 'username' in c && c.username?.toLowerCase() === name)
        : undefined;
      if (!byName) throw badRequest('chat not found');
      return byName;
    }
    if (id === 0) throw badRequest('chat not found');
    const known = chats.get(String(id));
    if (known) return known;
    if (id > 0) return { id, type: 'private', first_name: 'Test' };
    if (String(id).startsWith('-100')) return { id, type: 'supergroup', title: 'Test supergroup' };
    return { id, type: 'group', title: 'Test group' };
  }

  function targetChat(params: Params): Chat {
    const chat = resolveChat(params.chat_id);
    if (blocked.has(String(chat.id))) throw new ApiFailure(403, 'Forbidden: bot was blocked by the user');
    return chat;
  }

  function nextMessageId(chatId: number): number {
    const id = (lastMessageId.get(String(chatId)) ?? 0) + 1;
    lastMessageId.set(String(chatId), id);
    return id;
  }

  // -- updates ------------------------------------------------------------------------------------------

  function isAllowed(update: Record<string, unknown>): boolean {
    const type = updateType(update);
    if (type === undefined) return false;
    return allowedUpdates.length === 0 ? !DEFAULT_EXCLUDED_UPDATES.has(type) : allowedUpdates.includes(type);
  }

  /** Pending updates to deliver; updates of types the bot did not ask for are dropped. */
  function collect(limit: number): Record<string, unknown>[] {
    queue = queue.filter(isAllowed);
    return queue.slice(0, limit);
  }

  function confirm(offset: number): void {
    if (offset > 0) queue = queue.filter((u) => (u.update_id as number) >= offset);
    else if (offset < 0) queue = queue.slice(offset);
  }

  function endPoll(result: { updates: unknown[] } | { failure: ApiFailure }): void {
    const current = poll;
    if (!current) return;
    poll = undefined;
    clearTimeout(current.timer);
    if ('updates' in result) current.resolve(result.updates);
    else current.reject(result.failure);
  }

  function pushUpdate(update: object): number {
    const u = { ...(update as Record<string, unknown>) };
    const given = asInt(u.update_id);
    const id = given ?? nextUpdateId;
    nextUpdateId = Math.max(nextUpdateId, id + 1);
    const withId = { update_id: id, ...u };
    withId.update_id = id;
    queue.push(withId);
    rememberUpdate(withId);
    // answer a held getUpdates; setImmediate lets several pushes of one tick arrive in one batch
    setImmediate(() => {
      if (!poll) return;
      const ready = collect(poll.limit);
      if (ready.length > 0) endPoll({ updates: ready });
    });
    return id;
  }

  // -- methods ------------------------------------------------------------------------------------------

  function sendMessage(params: Params): unknown {
    const chat = targetChat(params);
    const { text, entities } = parseMessageText(params);
    const inlineMarkup = validateReplyMarkup(params.reply_markup);
    const message: Record<string, unknown> = {
      message_id: nextMessageId(chat.id),
      from: botUser,
      chat,
      date: now(),
      text,
    };
    if (entities.length > 0) message.entities = entities;
    const preview = asJson(params.link_preview_options);
    if (isRecord(preview)) message.link_preview_options = preview;
    if (inlineMarkup) message.reply_markup = inlineMarkup;
    rememberMessage(message);
    return message;
  }

  function editMessageText(params: Params): unknown {
    const parsed = parseMessageText(params);
    const inlineMarkup = validateReplyMarkup(params.reply_markup);
    if (params.inline_message_id !== undefined) return true;
    const chat = targetChat(params);
    const messageId = asInt(params.message_id);
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    const key = `${chat.id}:${messageId}`;
    const stored = messages.get(key);
    if (stored && !stored.fromBot) throw badRequest("message can't be edited");
    if (
      stored &&
      stored.message.text === parsed.text &&
      JSON.stringify(stored.message.entities ?? []) === JSON.stringify(parsed.entities) &&
      JSON.stringify(stored.message.reply_markup) === JSON.stringify(inlineMarkup)
    ) {
      throw badRequest(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    const message: Record<string, unknown> = {
      message_id: messageId,
      from: botUser,
      chat,
      date: (stored?.message.date as number | undefined) ?? now(),
      edit_date: now(),
      text: parsed.text,
    };
    if (parsed.entities.length > 0) message.entities = parsed.entities;
    if (inlineMarkup) message.reply_markup = inlineMarkup;
    messages.set(key, { fromBot: true, message });
    return message;
  }

  function getUpdates(params: Params, io: CallIo): unknown {
    if (webhookState) throw new ApiFailure(409, CONFLICT_WEBHOOK);
    const offset = asInt(params.offset);
    const limit = Math.min(100, Math.max(1, asInt(params.limit) ?? 100));
    const timeout = Math.max(0, asNumber(params.timeout) ?? 0);
    const allowed = asJson(params.allowed_updates);
    if (Array.isArray(allowed)) allowedUpdates = allowed.filter((t): t is string => typeof t === 'string');
    if (offset !== undefined) confirm(offset);
    endPoll({ failure: new ApiFailure(409, CONFLICT_OTHER_POLL) });
    const ready = collect(limit);
    if (ready.length > 0 || timeout === 0) return ready;
    return new Promise<unknown[]>((resolve, reject) => {
      const waiter: Poll = {
        limit,
        resolve,
        reject,
        timer: setTimeout(() => endPoll({ updates: collect(limit) }), timeout * 1000),
      };
      poll = waiter;
      io.onAbort(() => {
        if (poll === waiter) endPoll({ updates: [] });
      });
    });
  }

  function setWebhook(params: Params): unknown {
    const url = asString(params.url) ?? '';
    if (url === '') return deleteWebhook(params);
    if (!url.toLowerCase().startsWith('https://')) {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    }
    if (!['', '443', '80', '88', '8443'].includes(parsed.port)) {
      throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
    }
    const secret = params.secret_token;
    if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
      throw badRequest('secret token contains unallowed characters');
    }
    const allowed = asJson(params.allowed_updates);
    const next: WebhookSettings = {
      url,
      max_connections: Math.min(100, Math.max(1, asInt(params.max_connections) ?? 40)),
    };
    if (typeof secret === 'string') next.secret_token = secret;
    if (Array.isArray(allowed)) {
      allowedUpdates = allowed.filter((t): t is string => typeof t === 'string');
      next.allowed_updates = [...allowedUpdates];
    } else if (webhookState?.allowed_updates) {
      next.allowed_updates = webhookState.allowed_updates; // allowed_updates is sticky
    }
    if (asBool(params.drop_pending_updates)) queue = [];
    const unchanged = JSON.stringify(webhookState) === JSON.stringify(next);
    webhookState = next;
    endPoll({ failure: new ApiFailure(409, CONFLICT_WEBHOOK) });
    return new Described(true, unchanged ? 'Webhook is already set' : 'Webhook was set');
  }

  function deleteWebhook(params: Params): unknown {
    if (asBool(params.drop_pending_updates)) queue = [];
    const had = webhookState !== undefined;
    webhookState = undefined;
    return new Described(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
  }

  function getWebhookInfo(): unknown {
    const info: Record<string, unknown> = {
      url: webhookState?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: queue.filter(isAllowed).length,
    };
    if (webhookState) {
      info.max_connections = webhookState.max_connections;
      info.ip_address = '127.0.0.1';
      if (webhookState.allowed_updates) info.allowed_updates = webhookState.allowed_updates;
    }
    return info;
  }

  function commandsKey(params: Params): string {
    const scope = asJson(params.scope);
    const scopeKey = isRecord(scope)
      ? [scope.type ?? 'default', scope.chat_id ?? '', scope.user_id ?? ''].join('/')
      : 'default//';
    return `${scopeKey}|${asString(params.language_code) ?? ''}`;
  }

  function setMyCommands(params: Params): unknown {
    const list = asJson(params.commands);
    if (!Array.isArray(list)) throw badRequest('field "commands" must be an Array');
    if (list.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
    const language = asString(params.language_code) ?? '';
    if (language !== '' && !/^[a-z]{2}$/.test(language)) throw badRequest('invalid language code specified');
    const stored = list.map((item) => {
      if (!isRecord(item) || typeof item.command !== 'string' || typeof item.description !== 'string') {
        throw badRequest('BOT_COMMAND_INVALID');
      }
      const description = item.description.trim();
      if (!/^[a-z0-9_]{1,32}$/.test(item.command) || description.length < 1 || description.length > 256) {
        throw badRequest('BOT_COMMAND_INVALID');
      }
      return { command: item.command, description };
    });
    commands.set(commandsKey(params), stored);
    return true;
  }

  function answerCallbackQuery(params: Params): unknown {
    const id = asString(params.callback_query_id);
    if (!id || answeredQueries.has(id)) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    const text = asString(params.text);
    if (text !== undefined && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    answeredQueries.add(id);
    return true;
  }

  const handlers: Record<string, Handler> = {
    getMe: () => botInfo,
    logOut: () => true,
    close: () => true,
    getUpdates,
    setWebhook,
    deleteWebhook,
    getWebhookInfo,
    sendMessage,
    editMessageText,
    answerCallbackQuery,
    setMyCommands,
    getMyCommands: (params) => commands.get(commandsKey(params)) ?? [],
    deleteMyCommands: (params) => {
      commands.delete(commandsKey(params));
      return true;
    },
    sendChatAction: (params) => {
      targetChat(params);
      if (!CHAT_ACTIONS.has(asString(params.action) ?? '')) {
        throw badRequest('wrong parameter action in request');
      }
      return true;
    },
    deleteMessage: (params) => {
      const chat = resolveChat(params.chat_id);
      const messageId = asInt(params.message_id);
      if (messageId === undefined) throw badRequest('message identifier is not specified');
      messages.delete(`${chat.id}:${messageId}`);
      return true;
    },
  };
  const handlerByLowerName = new Map(
    Object.entries(handlers).map(([name, fn]) => [name.toLowerCase(), { name, fn }] as const),
  );

  // -- HTTP ---------------------------------------------------------------------------------------------

  function record(call: RecordedCall): void {
    calls.push(call);
    for (const listener of [...callListeners]) listener();
  }

  function takeFailure(method: string): ApiFailure | undefined {
    const pending = failures.get(method.toLowerCase());
    const first = pending?.[0];
    if (!pending || !first) return undefined;
    first.remaining--;
    if (first.remaining <= 0) pending.shift();
    if (pending.length === 0) failures.delete(method.toLowerCase());
    return failureToApi(first.failure);
  }

  function readParams(req: IncomingMessage, url: URL): Promise<Params> {
    return readRequestParams(req, url, (problem) =>
      badRequest(
        problem === 'multipart'
          ? 'the fake Telegram server does not accept multipart/form-data uploads'
          : problem === 'json'
            ? "can't parse JSON encoded request parameters"
            : 'request parameters must be a JSON object',
      ),
    );
  }

  function send(res: ServerResponse, status: number, body: ApiResponse): void {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let params: Params = {};
    let paramsError: ApiFailure | undefined;
    try {
      params = await readParams(req, url);
    } catch (err) {
      paramsError = err instanceof ApiFailure ? err : badRequest(String(err));
    }
    const path = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
    if (!path) {
      send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const callToken = decodeURIComponent(path[1] ?? '');
    const rawMethod = path[2] ?? '';
    const entry = handlerByLowerName.get(rawMethod.toLowerCase());
    const call: RecordedCall = { method: entry?.name ?? rawMethod, token: callToken, params, at };
    record(call);
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));

    let answer: ApiResponse;
    let status = 200;
    try {
      if (callToken !== token) throw new ApiFailure(401, 'Unauthorized');
      if (rawMethod === '') throw new ApiFailure(404, 'Not Found');
      const injected = takeFailure(call.method);
      if (injected) throw injected;
      if (!entry) throw new ApiFailure(404, 'Not Found: method not found');
      if (paramsError) throw paramsError;
      const io: CallIo = {
        onAbort(fn) {
          res.on('close', () => {
            if (!res.writableFinished) fn();
          });
        },
      };
      const result = await entry.fn(params, io);
      answer =
        result instanceof Described
          ? { ok: true, result: result.value, description: result.description }
          : { ok: true, result };
    } catch (err) {
      const failure =
        err instanceof ApiFailure
          ? err
          : new ApiFailure(500, `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`);
      status = failure.code;
      answer = { ok: false, error_code: failure.code, description: failure.description };
      if (failure.parameters) answer.parameters = failure.parameters;
    }
    call.response = answer;
    send(res, status, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const callsOf = (method: string) => calls.filter((c) => c.method.toLowerCase() === method.toLowerCase());

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    callsOf,
    sent(chatId) {
      const sends = callsOf('sendMessage');
      return chatId === undefined ? sends : sends.filter((c) => String(c.params.chat_id) === String(chatId));
    },
    pushUpdate,
    failNext(method, failure, times = 1) {
      const key = method.toLowerCase();
      const pending = failures.get(key) ?? [];
      pending.push({ failure, remaining: times });
      failures.set(key, pending);
    },
    setBlocked(chatId, isBlocked = true) {
      if (isBlocked) blocked.add(String(chatId));
      else blocked.delete(String(chatId));
    },
    webhook: () => (webhookState ? { ...webhookState } : undefined),
    waitForCalls: (method, count, timeoutMs = 5000) =>
      waitForCalls(
        calls,
        callsOf,
        (listener) => {
          callListeners.add(listener);
          return () => callListeners.delete(listener);
        },
        method,
        count,
        timeoutMs,
      ),
    reset() {
      calls.length = 0;
      queue = [];
      failures.clear();
      webhookState = undefined;
      allowedUpdates = [];
      blocked.clear();
      chats.clear();
      lastMessageId.clear();
      messages.clear();
      commands.clear();
      answeredQueries.clear();
      // update ids keep increasing so that a bot that keeps polling never skips new updates
    },
    async close() {
      endPoll({ updates: [] });
      callListeners.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Update builders, shaped like real Telegram updates. update_id is left out unless given, so that
// pushUpdate numbers them; for bot.handleUpdate use `{ update_id: 1, ...textUpdate(...) }`.

export type UpdateDraft = Omit<Update, 'update_id'> & { update_id?: number };

let builderMessageId = 0;
let builderQueryId = 0;
const nextBuilderMessageId = () => ++builderMessageId;
const seconds = () => Math.floor(Date.now() / 1000);

type ChatType = 'private' | 'group' | 'supergroup';
type NonChannelChat = Exclude<Chat, Chat.ChannelChat>;

function userFor(userId: number, firstName = 'Nguyễn Văn A', languageCode = 'vi'): User {
  return { id: userId, is_bot: false, first_name: firstName, language_code: languageCode };
}

function chatFor(
  chatId: number,
  type: ChatType = chatId > 0 ? 'private' : 'supergroup',
  firstName = 'Nguyễn Văn A',
) {
  if (type === 'private') return { id: chatId, type, first_name: firstName } satisfies Chat.PrivateChat;
  if (type === 'group') return { id: chatId, type, title: 'Nhóm thử nghiệm' } satisfies Chat.GroupChat;
  return { id: chatId, type, title: 'Nhóm thử nghiệm' } satisfies Chat.SupergroupChat;
}

function withId(draft: UpdateDraft, updateId: number | undefined): UpdateDraft {
  return updateId === undefined ? draft : { update_id: updateId, ...draft };
}

interface BaseOpts {
  chatId: number;
  userId?: number;
  chatType?: ChatType;
  firstName?: string;
  languageCode?: string;
  messageId?: number;
  updateId?: number;
}

function messageBase(opts: BaseOpts): {
  message_id: number;
  from: User;
  chat: NonChannelChat;
  date: number;
} {
  const chatType = opts.chatType ?? (opts.chatId > 0 ? 'private' : 'supergroup');
  const userId = opts.userId ?? (chatType === 'private' ? opts.chatId : 777000001);
  return {
    message_id: opts.messageId ?? nextBuilderMessageId(),
    from: userFor(userId, opts.firstName, opts.languageCode),
    chat: chatFor(opts.chatId, chatType, opts.firstName),
    date: seconds(),
  };
}

/** A bot_command entity for a text that starts with a command, as Telegram adds it. */
function commandEntities(text: string): MessageEntity[] {
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?/.exec(text);
  return command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : [];
}

export function textUpdate(opts: BaseOpts & { text: string; entities?: MessageEntity[] }): UpdateDraft {
  const entities = opts.entities ?? commandEntities(opts.text);
  return withId(
    {
      message: {
        ...messageBase(opts),
        text: opts.text,
        ...(entities.length > 0 ? { entities } : {}),
      },
    },
    opts.updateId,
  );
}

/** "/start" or "/start <param>" (a deep link), with the bot_command entity over "/start". */
export function startUpdate(chatId: number, param?: string): UpdateDraft {
  return textUpdate({
    chatId,
    text: param ? `/start ${param}` : '/start',
    entities: [{ type: 'bot_command', offset: 0, length: '/start'.length }],
  });
}

/** A press on an inline button under a message the bot sent. */
export function callbackUpdate(opts: {
  chatId: number;
  userId?: number;
  data: string;
  messageId?: number;
  messageText?: string;
  firstName?: string;
  languageCode?: string;
  updateId?: number;
}): UpdateDraft {
  const user = userFor(opts.userId ?? opts.chatId, opts.firstName, opts.languageCode);
  return withId(
    {
      callback_query: {
        id: `${4_382_000_000_000_000_000n + BigInt(++builderQueryId)}`,
        from: user,
        message: {
          message_id: opts.messageId ?? nextBuilderMessageId(),
          from: {
            id: FAKE_BOT_INFO.id,
            is_bot: true,
            first_name: FAKE_BOT_INFO.first_name,
            username: FAKE_BOT_INFO.username,
          },
          chat: chatFor(opts.chatId, opts.chatId > 0 ? 'private' : 'supergroup', opts.firstName),
          date: seconds() - 5,
          text: opts.messageText ?? 'Chọn một mục:',
          reply_markup: { inline_keyboard: [[{ text: 'Nút', callback_data: opts.data }]] },
        },
        chat_instance: '-4818352312334429154',
        data: opts.data,
      },
    },
    opts.updateId,
  );
}

export function photoUpdate(
  chatId: number,
  opts: { caption?: string; messageId?: number } = {},
): UpdateDraft {
  const unique = `AQADk7Ex${nextBuilderMessageId()}`;
  const size = (suffix: string, width: number, height: number, file_size: number) => ({
    file_id: `AgACAgUAAxkBAAI${unique}${suffix}`,
    file_unique_id: `${unique}${suffix}`,
    width,
    height,
    file_size,
  });
  return {
    message: {
      ...messageBase({ chatId, messageId: opts.messageId }),
      photo: [size('m', 90, 67, 1320), size('x', 320, 240, 16_402), size('y', 800, 600, 71_237)],
      ...(opts.caption ? { caption: opts.caption } : {}),
    },
  };
}

export function stickerUpdate(
  chatId: number,
  opts: { emoji?: string; messageId?: number } = {},
): UpdateDraft {
  const unique = `AgADwQ${nextBuilderMessageId()}`;
  return {
    message: {
      ...messageBase({ chatId, messageId: opts.messageId }),
      sticker: {
        file_id: `CAACAgIAAxkBAAI${unique}`,
        file_unique_id: unique,
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: opts.emoji ?? '👍',
        set_name: 'HotCherry',
        thumbnail: {
          file_id: `AAMCAgADGQEAAI${unique}`,
          file_unique_id: `${unique}t`,
          width: 128,
          height: 128,
          file_size: 5_416,
        },
        file_size: 22_124,
      },
    },
  };
}

export function voiceUpdate(
  chatId: number,
  opts: { duration?: number; messageId?: number } = {},
): UpdateDraft {
  const unique = `AgADPw${nextBuilderMessageId()}`;
  return {
    message: {
      ...messageBase({ chatId, messageId: opts.messageId }),
      voice: {
        file_id: `AwACAgUAAxkBAAI${unique}`,
        file_unique_id: unique,
        duration: opts.duration ?? 3,
        mime_type: 'audio/ogg',
        file_size: 12_844,
      },
    },
  };
}

/** Default location: Hà Nội (Hoàn Kiếm). */
export function locationUpdate(
  chatId: number,
  opts: { latitude?: number; longitude?: number; messageId?: number } = {},
): UpdateDraft {
  return {
    message: {
      ...messageBase({ chatId, messageId: opts.messageId }),
      location: { latitude: opts.latitude ?? 21.028511, longitude: opts.longitude ?? 105.854167 },
    },
  };
}

/** The user edited an earlier message of theirs. */
export function editedMessageUpdate(chatId: number, text: string, messageId?: number): UpdateDraft {
  const base = messageBase({ chatId, messageId });
  return {
    edited_message: {
      ...base,
      date: base.date - 60,
      edit_date: base.date,
      text,
      ...(commandEntities(text).length > 0 ? { entities: commandEntities(text) } : {}),
    },
  };
}

function myChatMember(
  chatId: number,
  oldStatus: 'member' | 'kicked',
  newStatus: 'member' | 'kicked',
): UpdateDraft {
  const bot: User = {
    id: FAKE_BOT_INFO.id,
    is_bot: true,
    first_name: FAKE_BOT_INFO.first_name,
    username: FAKE_BOT_INFO.username,
  };
  const member = (status: 'member' | 'kicked') =>
    status === 'kicked' ? { status, user: bot, until_date: 0 } : { status, user: bot };
  return {
    my_chat_member: {
      chat: chatFor(chatId, chatId > 0 ? 'private' : 'supergroup'),
      from: userFor(chatId > 0 ? chatId : 777000001),
      date: seconds(),
      old_chat_member: member(oldStatus),
      new_chat_member: member(newStatus),
    },
  };
}

/** The user blocked the bot (private chat): my_chat_member from "member" to "kicked". */
export function myChatMemberBlocked(chatId: number): UpdateDraft {
  return myChatMember(chatId, 'member', 'kicked');
}

/** The user unblocked the bot: my_chat_member from "kicked" to "member". */
export function myChatMemberUnblocked(chatId: number): UpdateDraft {
  return myChatMember(chatId, 'kicked', 'member');
}

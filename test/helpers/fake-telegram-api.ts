/**
 * A local fake of the Telegram Bot API (https://api.telegram.org) for tests, with only the methods the
 * bot, its scripts and its tests call: getMe, setMyCommands, sendMessage, answerCallbackQuery, getUpdates,
 * setWebhook, deleteWebhook and getWebhookInfo.
 *
 * grammY talks to it with `new Bot(fake.token, { client: { apiRoot: fake.url } })`: every call is
 * `POST ${apiRoot}/bot${token}/${method}` with a JSON body. The fake answers like Telegram does —
 * `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }` with the matching HTTP
 * status — records every call, holds long-polling `getUpdates` requests, rejects what Telegram rejects
 * (401 bad token, 404 unknown method, 400 bad parameters, 403 blocked chat) and can be told to fail the
 * next calls of a method (429 / 403 / 400 / 500).
 *
 * Deliberate differences from Telegram (kept small and on the strict side):
 * - sendMessage refuses `parse_mode` (the bot sends plain text; the fake parses no markup) and ignores
 *   `entities`; inline buttons must be callback buttons (the only kind the bot sends).
 * - Message length counts the text as sent (Telegram trims white space first); the text is echoed as sent.
 * - Any integer chat id exists (a private chat when positive, a group when negative) unless blocked.
 * - No file uploads, no webhook delivery: updates are served by `getUpdates` only.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';
import { readRequestParams } from './fake-http';
import { methodHolds } from './method-holds';
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
  /** Date.now() when the answer was sent */
  answeredAt?: number;
}

export type ApiResponse =
  | { ok: true; result: unknown }
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
  /** every later sendMessage to this chat_id fails with 403 "Forbidden: bot was blocked by the user" */
  setBlocked(chatId: number | string, blocked?: boolean): void;
  /** what setWebhook set, or undefined when no webhook is set */
  webhook(): WebhookSettings | undefined;
  /** resolves (with all calls of `method`) once `count` calls of `method` were recorded */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** calls of `method` are recorded and then wait, unanswered, until the returned function is called */
  hold(method: string): () => void;
  /** clear calls, pending updates, failures, webhook, answered queries and blocks */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeTelegramOptions {
  /** delay added before every answer */
  latencyMs?: number;
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

/** The bot as the sender of its messages. */
const fromBot: User = {
  id: FAKE_BOT_INFO.id,
  is_bot: true,
  first_name: FAKE_BOT_INFO.first_name,
  username: FAKE_BOT_INFO.username,
};

/** Telegram's limit for one message text, in UTF-16 code units. */
const TEXT_LIMIT = 4096;

// ---------------------------------------------------------------------------------------------------------
// Errors and parameters

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

function failureToApi(failure: InjectedFailure): ApiFailure {
  switch (failure.code) {
    case 429:
      return new ApiFailure(429, `Too Many Requests: retry after ${failure.retryAfter}`, {
        retry_after: failure.retryAfter,
      });
    case 403:
      return new ApiFailure(403, failure.description ?? 'Forbidden: bot was blocked by the user');
    case 400:
      return failure.description.startsWith('Bad Request')
        ? new ApiFailure(400, failure.description)
        : badRequest(failure.description);
    case 500:
      return new ApiFailure(500, 'Internal Server Error');
  }
}

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

/** Telegram accepts JSON-serialized objects where an object is expected (query strings, form bodies). */
function asJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function asStringList(v: unknown): string[] | undefined {
  const list = asJson(v);
  return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------------------
// sendMessage parameters

function messageText(params: Params): string {
  if (params.parse_mode !== undefined) {
    throw badRequest('the fake Telegram API does not parse parse_mode: send plain text');
  }
  const text = asString(params.text);
  if (text === undefined || text.trim() === '') throw badRequest('message text is empty');
  if (text.length > TEXT_LIMIT) throw badRequest('message is too long');
  return text;
}

/** An inline keyboard of callback buttons (callback_data: 1–64 bytes); undefined when none is given. */
function inlineKeyboard(raw: unknown): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  const markup = asJson(raw);
  const rows = isRecord(markup) ? markup.inline_keyboard : undefined;
  if (!isRecord(markup) || !Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  for (const button of rows.flat() as unknown[]) {
    if (!isRecord(button) || typeof button.text !== 'string') {
      throw badRequest(`can't parse inline keyboard button: Field "text" must be of type String`);
    }
    const data = button.callback_data;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0;
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
  }
  return markup;
}

/** The chat a call targets: any non-zero integer id; blocked chats answer 403. */
function targetChat(params: Params, blocked: ReadonlySet<string>): Chat {
  if (params.chat_id === undefined || params.chat_id === '') throw badRequest('chat_id is empty');
  const id = asInt(params.chat_id);
  if (id === undefined || id === 0) throw badRequest('chat not found');
  if (blocked.has(String(id))) throw new ApiFailure(403, 'Forbidden: bot was blocked by the user');
  return id > 0 ? { id, type: 'private', first_name: 'Test' } : { id, type: 'group', title: 'Test group' };
}

// ---------------------------------------------------------------------------------------------------------
// The server

/** Update types Telegram leaves out when allowed_updates is not given. */
const DEFAULT_EXCLUDED_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

const CONFLICT_WEBHOOK =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const CONFLICT_OTHER_POLL =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

interface Poll {
  limit: number;
  timer: NodeJS.Timeout;
  resolve: (updates: unknown[]) => void;
  reject: (failure: ApiFailure) => void;
}

type Handler = (params: Params, res: ServerResponse) => unknown;

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = FAKE_TELEGRAM_TOKEN;
  const botInfo = FAKE_BOT_INFO;
  const latencyMs = options.latencyMs ?? 0;
  const holds = methodHolds();

  const calls: RecordedCall[] = [];
  const callListeners = new Set<() => void>();
  let queue: Record<string, unknown>[] = [];
  let nextUpdateId = 1000;
  let poll: Poll | undefined;
  let allowedUpdates: string[] = [];
  let webhookState: WebhookSettings | undefined;
  const failures = new Map<string, { failure: InjectedFailure; remaining: number }[]>();
  const blocked = new Set<string>();
  const lastMessageId = new Map<number, number>();
  const answeredQueries = new Set<string>();

  // -- updates ------------------------------------------------------------------------------------------

  function isAllowed(update: Record<string, unknown>): boolean {
    const type = Object.keys(update).find((k) => k !== 'update_id');
    if (type === undefined) return false;
    return allowedUpdates.length === 0 ? !DEFAULT_EXCLUDED_UPDATES.has(type) : allowedUpdates.includes(type);
  }

  /** Pending updates to deliver; updates of types the bot did not ask for are dropped. */
  function collect(limit: number): Record<string, unknown>[] {
    queue = queue.filter(isAllowed);
    return queue.slice(0, limit);
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
    const given = asInt((update as Record<string, unknown>).update_id);
    const id = given ?? nextUpdateId;
    nextUpdateId = Math.max(nextUpdateId, id + 1);
    queue.push({ ...update, update_id: id });
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
    const chat = targetChat(params, blocked);
    const text = messageText(params);
    const keyboard = inlineKeyboard(params.reply_markup);
    const messageId = (lastMessageId.get(chat.id) ?? 0) + 1;
    lastMessageId.set(chat.id, messageId);
    const preview = asJson(params.link_preview_options);
    return {
      message_id: messageId,
      from: fromBot,
      chat,
      date: Math.floor(Date.now() / 1000),
      text,
      ...(isRecord(preview) ? { link_preview_options: preview } : {}),
      ...(keyboard ? { reply_markup: keyboard } : {}),
    };
  }

  function getUpdates(params: Params, res: ServerResponse): unknown {
    if (webhookState) throw new ApiFailure(409, CONFLICT_WEBHOOK);
    const offset = asInt(params.offset) ?? 0;
    const limit = Math.min(100, Math.max(1, asInt(params.limit) ?? 100));
    const timeout = Math.max(0, asInt(params.timeout) ?? 0);
    allowedUpdates = asStringList(params.allowed_updates) ?? allowedUpdates;
    if (offset > 0) queue = queue.filter((u) => (u.update_id as number) >= offset);
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
      // the client gave up (grammY aborts a poll to stop): forget it
      res.on('close', () => {
        if (poll === waiter) endPoll({ updates: [] });
      });
    });
  }

  function setWebhook(params: Params): unknown {
    const url = asString(params.url) ?? '';
    if (url === '') return deleteWebhook(params);
    if (!/^https:\/\/[^/\s]+/i.test(url)) {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
    const secret = params.secret_token;
    if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
      throw badRequest('secret token contains unallowed characters');
    }
    const allowed = asStringList(params.allowed_updates);
    if (allowed) allowedUpdates = allowed;
    webhookState = {
      url,
      ...(typeof secret === 'string' ? { secret_token: secret } : {}),
      ...(allowed ? { allowed_updates: allowed } : {}),
    };
    if (params.drop_pending_updates === true) queue = [];
    endPoll({ failure: new ApiFailure(409, CONFLICT_WEBHOOK) });
    return true;
  }

  function deleteWebhook(params: Params): unknown {
    if (params.drop_pending_updates === true) queue = [];
    webhookState = undefined;
    return true;
  }

  function setMyCommands(params: Params): unknown {
    const list = asJson(params.commands);
    if (!Array.isArray(list)) throw badRequest('field "commands" must be an Array');
    const valid = (c: unknown) =>
      isRecord(c) &&
      typeof c.command === 'string' &&
      /^[a-z0-9_]{1,32}$/.test(c.command) &&
      typeof c.description === 'string' &&
      c.description.trim().length >= 1 &&
      c.description.length <= 256;
    if (list.length > 100 || !list.every(valid)) throw badRequest('BOT_COMMAND_INVALID');
    return true;
  }

  function answerCallbackQuery(params: Params): unknown {
    const id = asString(params.callback_query_id);
    if (!id || answeredQueries.has(id)) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    answeredQueries.add(id);
    return true;
  }

  const handlers: Record<string, Handler> = {
    getMe: () => botInfo,
    setMyCommands,
    sendMessage,
    answerCallbackQuery,
    getUpdates,
    setWebhook,
    deleteWebhook,
    getWebhookInfo: () => ({
      url: webhookState?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: queue.filter(isAllowed).length,
      ...(webhookState?.allowed_updates ? { allowed_updates: webhookState.allowed_updates } : {}),
    }),
  };
  const handlerByLowerName = new Map(
    Object.entries(handlers).map(([name, fn]) => [name.toLowerCase(), { name, fn }] as const),
  );

  // -- HTTP ---------------------------------------------------------------------------------------------

  function takeFailure(method: string): ApiFailure | undefined {
    const pending = failures.get(method.toLowerCase());
    const first = pending?.[0];
    if (!pending || !first) return undefined;
    first.remaining--;
    if (first.remaining <= 0) pending.shift();
    if (pending.length === 0) failures.delete(method.toLowerCase());
    return failureToApi(first.failure);
  }

  function reply(res: ServerResponse, status: number, body: ApiResponse): void {
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let params: Params = {};
    let paramsError: ApiFailure | undefined;
    try {
      params = await readRequestParams(req, url, (problem) =>
        badRequest(
          problem === 'multipart'
            ? 'the fake does not accept file uploads'
            : "can't parse request parameters",
        ),
      );
    } catch (err) {
      paramsError = err instanceof ApiFailure ? err : badRequest(String(err));
    }
    const path = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
    if (!path) {
      reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const callToken = decodeURIComponent(path[1] ?? '');
    const rawMethod = path[2] ?? '';
    const entry = handlerByLowerName.get(rawMethod.toLowerCase());
    const call: RecordedCall = { method: entry?.name ?? rawMethod, token: callToken, params, at };
    calls.push(call);
    for (const listener of [...callListeners]) listener();
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    await holds.passed(call.method);

    let answer: ApiResponse;
    let status = 200;
    try {
      if (callToken !== token) throw new ApiFailure(401, 'Unauthorized');
      if (rawMethod === '') throw new ApiFailure(404, 'Not Found');
      const injected = takeFailure(call.method);
      if (injected) throw injected;
      if (!entry) throw new ApiFailure(404, 'Not Found: method not found');
      if (paramsError) throw paramsError;
      answer = { ok: true, result: await entry.fn(params, res) };
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
    call.answeredAt = Date.now();
    reply(res, status, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
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
      failures.set(key, [...(failures.get(key) ?? []), { failure, remaining: times }]);
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
    hold: holds.hold,
    reset() {
      calls.length = 0;
      queue = [];
      failures.clear();
      webhookState = undefined;
      allowedUpdates = [];
      blocked.clear();
      lastMessageId.clear();
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
// Update builders for a private chat (chat id = user id), shaped like real Telegram updates. update_id is
// left out, so that pushUpdate numbers them; for bot.handleUpdate use `{ update_id: 1, ...textUpdate(…) }`.

export type UpdateDraft = Omit<Update, 'update_id'> & { update_id?: number };

let builderMessageId = 0;
let builderQueryId = 0;
const seconds = () => Math.floor(Date.now() / 1000);
const resident = (id: number): User => ({
  id,
  is_bot: false,
  first_name: 'Nguyễn Văn A',
  language_code: 'vi',
});
const privateChat = (id: number): Chat.PrivateChat => ({ id, type: 'private', first_name: 'Nguyễn Văn A' });

function messageFrom(chatId: number) {
  return {
    message_id: ++builderMessageId,
    from: resident(chatId),
    chat: privateChat(chatId),
    date: seconds(),
  };
}

/** A text message; a leading /command gets its bot_command entity, as Telegram adds it. */
export function textUpdate(opts: { chatId: number; text: string }): UpdateDraft {
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?/.exec(opts.text)?.[0];
  const entities: MessageEntity[] = command
    ? [{ type: 'bot_command', offset: 0, length: command.length }]
    : [];
  return {
    message: { ...messageFrom(opts.chatId), text: opts.text, ...(command ? { entities } : {}) },
  };
}

/** "/start" or "/start <param>" (a deep link). */
export function startUpdate(chatId: number, param?: string): UpdateDraft {
  return textUpdate({ chatId, text: param ? `/start ${param}` : '/start' });
}

/** A press on an inline button under a message the bot sent. */
export function callbackUpdate(opts: { chatId: number; data: string; messageId?: number }): UpdateDraft {
  return {
    callback_query: {
      id: `${4_382_000_000_000_000_000n + BigInt(++builderQueryId)}`,
      from: resident(opts.chatId),
      message: {
        message_id: opts.messageId ?? ++builderMessageId,
        from: fromBot,
        chat: privateChat(opts.chatId),
        date: seconds() - 5,
        text: 'Chọn một mục:',
        reply_markup: { inline_keyboard: [[{ text: 'Nút', callback_data: opts.data }]] },
      },
      chat_instance: '-4818352312334429154',
      data: opts.data,
    },
  };
}

const file = (kind: string) => ({
  file_id: `${kind}AxkBAAI${builderMessageId}`,
  file_unique_id: `AgAD${kind}${builderMessageId}`,
});

export function photoUpdate(chatId: number): UpdateDraft {
  const message = messageFrom(chatId);
  return {
    message: {
      ...message,
      photo: [
        { ...file('Pm'), width: 90, height: 67, file_size: 1320 },
        { ...file('Py'), width: 800, height: 600, file_size: 71_237 },
      ],
    },
  };
}

export function stickerUpdate(chatId: number): UpdateDraft {
  const message = messageFrom(chatId);
  const sticker = { ...file('S'), type: 'regular', width: 512, height: 512, is_animated: false } as const;
  return {
    message: { ...message, sticker: { ...sticker, is_video: false, emoji: '👍', set_name: 'HotCherry' } },
  };
}

export function voiceUpdate(chatId: number): UpdateDraft {
  const message = messageFrom(chatId);
  return {
    message: { ...message, voice: { ...file('V'), duration: 3, mime_type: 'audio/ogg', file_size: 12_844 } },
  };
}

/** The user blocked the bot: my_chat_member from "member" to "kicked". */
export function myChatMemberBlocked(chatId: number): UpdateDraft {
  return {
    my_chat_member: {
      chat: privateChat(chatId),
      from: resident(chatId),
      date: seconds(),
      old_chat_member: { status: 'member', user: fromBot },
      new_chat_member: { status: 'kicked', user: fromBot, until_date: 0 },
    },
  };
}

const groupChat = (id: number): Chat.GroupChat => ({ id, type: 'group', title: 'Cán bộ xã' });

/**
 * A message in a group (the staff group) from a member; with `replyTo` it answers one of the bot's
 * messages there, which Telegram sends along whole (reply_to_message).
 */
export function groupTextUpdate(opts: {
  groupId: number;
  fromId: number;
  text: string;
  replyTo?: { messageId: number; text: string };
}): UpdateDraft {
  return {
    message: {
      message_id: ++builderMessageId,
      from: resident(opts.fromId),
      chat: groupChat(opts.groupId),
      date: seconds(),
      text: opts.text,
      ...(opts.replyTo
        ? {
            reply_to_message: {
              message_id: opts.replyTo.messageId,
              from: fromBot,
              chat: groupChat(opts.groupId),
              date: seconds() - 30,
              text: opts.replyTo.text,
            },
          }
        : {}),
    },
  } as UpdateDraft;
}

/** A member of a group pressing a button under one of the bot's messages there. */
export function groupCallbackUpdate(opts: {
  groupId: number;
  fromId: number;
  data: string;
  messageId?: number;
}): UpdateDraft {
  return {
    callback_query: {
      id: `${5_382_000_000_000_000_000n + BigInt(++builderQueryId)}`,
      from: resident(opts.fromId),
      message: {
        message_id: opts.messageId ?? ++builderMessageId,
        from: fromBot,
        chat: groupChat(opts.groupId),
        date: seconds() - 5,
        text: 'Yêu cầu',
      },
      chat_instance: '-4818352312334429155',
      data: opts.data,
    },
  } as UpdateDraft;
}

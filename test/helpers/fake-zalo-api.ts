/**
 * A local fake of the Zalo Bot Platform API (https://bot-api.zaloplatforms.com) for tests, built from
 * `/work/shared/reference/zalo-api.md` PART 1.
 *
 * The Zalo adapter talks to it with its base URL set to `fake.url`: every call is
 * `POST ${url}/bot${token}/${method}` with a JSON body (GET with a query string and form bodies work too).
 * The fake answers like the live API — **always HTTP 200** with `{ ok: true, result }` or
 * `{ ok: false, error_code, description }` (a live probe saw errors arrive with HTTP 200). With
 * `httpStatusErrors: true` the error code is also used as the HTTP status, as some clients report, so a
 * client must decide from the body's `ok` either way.
 *
 * What it models:
 * - getMe, getUpdates (ONE update object per call, oldest first, dropped when handed out; no offset and no
 *   acknowledgement; an idle poll is held for `timeout` seconds and then answered with
 *   `{ ok: false, error_code: 408, description: "Request timeout" }`), setWebhook / deleteWebhook /
 *   getWebhookInfo / testWebhook, sendMessage, sendPhoto, sendSticker, sendChatAction (answers
 *   `{ ok: true }` with no `result`), sendVoice.
 * - An unknown method (or a path that is not /bot<token>/<method>) gets HTTP 400 with
 *   `{ ok: false, error_code: 400, description: "wrong path or invalid API Name" }` (reference, «Checked
 *   against public sources, December 2026»).
 * - setWebhook saves the URL, then probes it at once and answers `{ url, updated_at, verification }`
 *   (fake-zalo-probe.ts: the URL is saved even when the probe fails; localhost and private addresses are
 *   refused unless `webhookProbe.allowPrivateHosts`). testWebhook probes again and answers
 *   `{ url, ok, outcome, status_code, latency_ms, hint }`. UNDOCUMENTED, so chosen here: getWebhookInfo
 *   also carries the last verification; testWebhook with no webhook set is a 400; its daily limit (426) is
 *   not modelled (inject it with failNext).
 * - Injected failures (`failNext`) and chats the bot cannot reach (`setUnreachable`).
 * - Webhook delivery to a local receiver (`deliverTo`, `deliverWebhook`) in both envelopes seen in the wild:
 *   wrapped `{ ok: true, result: { event_name, message } }` and flat `{ event_name, message }`.
 * - Update builders (`zaloText`, `zaloImage`, …) shaped like the docs' samples.
 *
 * Points the reference marks UNCONFIRMED are handled on the tolerant side:
 * - Text length is counted in code points (the larger of the two readings) unless `textLengthUnit: 'utf16'`.
 * - `offset`, `limit`, `allowed_updates`, `drop_pending_updates`, `parse_mode`, `text_styles`,
 *   `reply_to_message_id`, `reply_markup` and any other unknown parameter are accepted and ignored (they
 *   stay visible in `call.params`). Zalo has no buttons, so `reply_markup` never shows up anywhere else.
 * - While a webhook is set, getUpdates hands out nothing and reports no error: it just answers 408 after the
 *   timeout (what one team observed). Pushed updates stay queued and are served once the webhook is deleted.
 * - Several concurrent getUpdates are allowed (no 409); a pushed update goes to the one that waited longest.
 * - `chat_id` may be a string or a number (a number is compared as `String(n)`); `sendSticker` accepts
 *   `sticker` or `sticker_id`; `sendChatAction` accepts `typing` and `upload_photo` ("coming soon").
 * - The "unreachable user" error wording is a guess and can be configured (`unreachableError`).
 * - Whether updates are redelivered after a crash, and how Zalo retries a failing webhook, are not modelled.
 *
 * The fake never logs and never stores the token in `calls`, so test output cannot leak it.
 */

import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestParams } from './fake-http';
import { probeWebhook, type ZaloProbeOptions, type ZaloVerification } from './fake-zalo-probe';
import { methodHolds } from './method-holds';
import { waitForCalls } from './wait-for-calls';

// ---------------------------------------------------------------------------------------------------------
// Public types

export type ZaloResponse =
  | { ok: true; result?: unknown }
  | { ok: false; error_code: number; description: string; [field: string]: unknown };

export interface ZaloCall {
  method: string;
  /** query string and body parameters merged (body wins) */
  params: Record<string, unknown>;
  /** Date.now() when the request arrived */
  at: number;
  /** The JSON the fake answered with; undefined until the call is answered (a held getUpdates answers later). */
  response: ZaloResponse | undefined;
  /** false when the request carried a token other than `fake.token` (the token itself is never stored) */
  authorized: boolean;
}

export interface ZaloUser {
  id: string;
  display_name: string;
  is_bot: boolean;
}

export interface ZaloChat {
  id: string;
  chat_type: 'PRIVATE' | 'GROUP';
}

export interface ZaloInboundMessage {
  from: ZaloUser;
  chat: ZaloChat;
  /** string id, e.g. "2d758cb5e222177a4e35" */
  message_id: string;
  /** epoch MILLISECONDS */
  date: number;
  text?: string;
  /** image URL (message.image.received) */
  photo?: string;
  caption?: string;
  /** sticker id (message.sticker.received) */
  sticker?: string;
  /** sticker image URL (message.sticker.received) */
  url?: string;
  /** .aac URL (message.voice.received) */
  voice_url?: string;
}

export type ZaloEventName =
  | 'message.text.received'
  | 'message.image.received'
  | 'message.sticker.received'
  | 'message.voice.received'
  | 'message.unsupported.received';

export interface ZaloUpdate {
  event_name: ZaloEventName | (string & {});
  message: ZaloInboundMessage;
}

export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type: string;
  can_join_groups: boolean;
}

/** Error codes of the official table (§1.4) plus 500; any other number can be injected too. */
export type ZaloErrorCode = 400 | 401 | 403 | 404 | 408 | 429 | 500;

export interface ZaloInjectedFailure {
  code: ZaloErrorCode | (number & {});
  /** defaults: 400 "Bad Request", 401 "Unauthorized", 403 "Internal server error" (the docs' wording),
   * 404 "Not Found", 408 "Request timeout", 429 "Quota exceeded", 500 "Internal Server Error"; "Error"
   * for any other code */
  description?: string;
  /** more fields in the error envelope (what an unknown real answer might carry) */
  extra?: Record<string, unknown>;
}

export interface ZaloWebhookState {
  url: string;
  secret_token: string;
  updated_at: number;
}

export type WebhookForm = 'wrapped' | 'flat';

export interface DeliverOptions {
  form: WebhookForm;
  /** value of the `X-Bot-Api-Secret-Token` header; null sends no header */
  secret: string | null;
  /** default 10 000 */
  timeoutMs?: number;
}

export interface DeliverWebhookOptions {
  form: WebhookForm;
  /** default: the secret_token given to setWebhook; null sends no header */
  secret?: string | null;
  /** default: the URL given to setWebhook (which is https://, so a local test usually passes its http URL) */
  url?: string;
  timeoutMs?: number;
}

export interface FakeZalo {
  /** http://127.0.0.1:<port>: use it as the Zalo API base URL */
  url: string;
  /** the only token the fake accepts */
  token: string;
  /** what getMe returns */
  botInfo: ZaloBotInfo;
  /** every call, in order (including failed and unauthorized ones) */
  calls: ZaloCall[];
  callsOf(method: string): ZaloCall[];
  /** sendMessage calls (optionally only those for one chat), including failed ones: see `call.response` */
  sent(chatId?: string): ZaloCall[];
  /** queue an update for getUpdates (a copy is queued) */
  pushUpdate(update: { event_name: string; message: object }): void;
  /** the next `times` (default 1) calls of `method` fail that way (checked after the token) */
  failNext(method: string, failure: ZaloInjectedFailure, times?: number): void;
  /** while set, every send to this chat fails with `unreachableError` (default 400 "Bad Request: user not
   * found or blocked the bot") */
  setUnreachable(chatId: string, unreachable?: boolean): void;
  /** what setWebhook set, or undefined when no webhook is set */
  webhook(): ZaloWebhookState | undefined;
  /** POSTs the update to `url` as Zalo would; resolves with the HTTP status of the answer */
  deliverTo(url: string, update: object, opts: DeliverOptions): Promise<number>;
  /** like deliverTo, to the webhook set by setWebhook (or `opts.url`) with its secret (or `opts.secret`) */
  deliverWebhook(update: object, opts: DeliverWebhookOptions): Promise<number>;
  /** resolves (with all calls of `method`) once `count` calls of `method` have arrived */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<ZaloCall[]>;
  /** calls of `method` are recorded and then wait, unanswered, until the returned function is called */
  hold(method: string): () => void;
  /** updates pushed and not yet handed to a poll */
  pendingUpdates(): number;
  /** clear calls, pending updates, failures, webhook and unreachable chats (held polls keep waiting) */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeZaloOptions {
  /** delay added before every answer */
  latencyMs?: number;
  /** use the error code as the HTTP status of error answers (default false: always HTTP 200) */
  httpStatusErrors?: boolean;
  token?: string;
  botInfo?: Partial<ZaloBotInfo>;
  /** the error a send to an unreachable chat gets (UNCONFIRMED wording) */
  unreachableError?: { code?: number; description?: string };
  /** how text and caption lengths are counted against the 2000 limit (default 'code-points') */
  textLengthUnit?: 'code-points' | 'utf16';
  /** default 0: any free port */
  port?: number;
  /** how setWebhook and testWebhook probe the webhook (fake-zalo-probe.ts) */
  webhookProbe?: ZaloProbeOptions;
}

export const FAKE_ZALO_TOKEN = '1234567890:fakeZaloToken_abcdefghijklmnopqrstuv';

export const FAKE_ZALO_BOT_INFO: ZaloBotInfo = {
  id: '1459232241454765289',
  account_name: 'bot.TroLyDvc',
  account_type: 'BASIC',
  can_join_groups: false,
};

export const ZALO_TEXT_LIMIT = 2000;
export const ZALO_SECRET_MIN = 8;
export const ZALO_SECRET_MAX = 256;
export const ZALO_UNREACHABLE_DESCRIPTION = 'Bad Request: user not found or blocked the bot';
export const ZALO_SECRET_HEADER = 'X-Bot-Api-Secret-Token';

// ---------------------------------------------------------------------------------------------------------
// Errors and parameters

class ZaloApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(description);
  }
}

const WRONG_PATH = 'wrong path or invalid API Name';

const badRequest = (what: string) => new ZaloApiFailure(400, `Bad Request: ${what}`);

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Internal server error',
  404: 'Not Found',
  408: 'Request timeout',
  429: 'Quota exceeded',
  500: 'Internal Server Error',
};

/** Marks a successful answer that has no `result` field (sendChatAction). */
const NO_RESULT = Symbol('no result');

type Params = Record<string, unknown>;

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Zalo ids are strings; a 19-digit id only survives as a string, so hex ids count up as BigInt. */
function hexCounter(start: bigint): () => string {
  let n = start;
  return () => {
    n += 1n;
    return n.toString(16).padStart(20, '0');
  };
}

interface Waiter {
  timer: NodeJS.Timeout;
  /** undefined: the poll timed out (408) */
  resolve: (update: ZaloUpdate | undefined) => void;
}

type Handler = (params: Params, io: CallIo) => unknown;

interface CallIo {
  /** runs `fn` if the client goes away before the answer was sent */
  onAbort(fn: () => void): void;
}

// ---------------------------------------------------------------------------------------------------------
// Webhook delivery (node:http; tests receive on http://127.0.0.1)

function envelope(update: object, form: WebhookForm): unknown {
  return form === 'wrapped' ? { ok: true, result: update } : update;
}

function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      reject(new Error('deliverTo: invalid URL'));
      return;
    }
    if (target.protocol !== 'http:') {
      reject(
        new Error(
          `deliverTo: the fake delivers over plain http only (got ${target.protocol}); pass the local receiver's http:// URL`,
        ),
      );
      return;
    }
    const json = JSON.stringify(body);
    const req = httpRequest(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(json)),
          'user-agent': 'fake-zalo-bot-platform',
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`deliverTo: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(json);
  });
}

export function deliverUpdate(url: string, update: object, opts: DeliverOptions): Promise<number> {
  const headers: Record<string, string> = {};
  if (opts.secret !== null) headers[ZALO_SECRET_HEADER] = opts.secret;
  return postJson(url, envelope(update, opts.form), headers, opts.timeoutMs ?? 10_000);
}

// ---------------------------------------------------------------------------------------------------------
// The server

export async function startFakeZalo(options: FakeZaloOptions = {}): Promise<FakeZalo> {
  const token = options.token ?? FAKE_ZALO_TOKEN;
  const botInfo: ZaloBotInfo = { ...FAKE_ZALO_BOT_INFO, ...options.botInfo };
  const latencyMs = options.latencyMs ?? 0;
  const httpStatusErrors = options.httpStatusErrors ?? false;
  const unreachableCode = options.unreachableError?.code ?? 400;
  const unreachableDescription = options.unreachableError?.description ?? ZALO_UNREACHABLE_DESCRIPTION;
  const textLength =
    options.textLengthUnit === 'utf16' ? (s: string) => s.length : (s: string) => [...s].length;

  const calls: ZaloCall[] = [];
  const callListeners = new Set<() => void>();
  let queue: ZaloUpdate[] = [];
  const waiters: Waiter[] = [];
  let webhookState: ZaloWebhookState | undefined;
  let webhookUpdatedAt = Date.now();
  let verification: ZaloVerification | undefined;
  const failures = new Map<string, { failure: ZaloInjectedFailure; remaining: number }[]>();
  const unreachable = new Set<string>();
  const nextSentId = hexCounter(0x82599fa32f56d00e8941n);
  const holds = methodHolds();

  // -- updates ------------------------------------------------------------------------------------------

  /** hands pending updates to held polls, oldest first, unless a webhook is set */
  function dispatch(): void {
    if (webhookState) return;
    while (waiters.length > 0 && queue.length > 0) {
      const waiter = waiters.shift()!;
      const update = queue.shift()!;
      clearTimeout(waiter.timer);
      waiter.resolve(update);
    }
  }

  function pushUpdate(update: { event_name: string; message: object }): void {
    queue.push(structuredClone(update) as ZaloUpdate);
    dispatch();
  }

  // -- methods ------------------------------------------------------------------------------------------

  function chatIdOf(params: Params): string {
    const chatId = asString(params.chat_id);
    if (chatId === undefined || chatId.trim() === '') throw badRequest('chat_id is required');
    if (unreachable.has(chatId)) throw new ZaloApiFailure(unreachableCode, unreachableDescription);
    return chatId;
  }

  function checkText(value: unknown, what: 'text' | 'caption', required: boolean): void {
    const text = asString(value);
    if (text === undefined || text === '') {
      if (required) throw badRequest(`${what} is empty`);
      return;
    }
    if (textLength(text) > ZALO_TEXT_LIMIT) throw badRequest(`${what} is too long`);
  }

  function checkUrl(value: unknown, what: string): void {
    const url = asString(value);
    if (url === undefined || url === '') throw badRequest(`${what} is required`);
    if (!isHttpUrl(url)) throw badRequest(`invalid ${what}`);
  }

  const sentMessage = () => ({ message_id: nextSentId(), date: Date.now() });

  function getUpdates(params: Params, io: CallIo): Promise<ZaloUpdate | undefined> {
    const raw = Number(asString(params.timeout) ?? '30');
    const timeout = Number.isFinite(raw) && raw >= 0 ? raw : 30;
    if (!webhookState && queue.length > 0) return Promise.resolve(queue.shift());
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          resolve(undefined);
        }, timeout * 1000),
      };
      waiters.push(waiter);
      io.onAbort(() => {
        // the client went away: forget the poll, keep the updates
        const i = waiters.indexOf(waiter);
        if (i >= 0) waiters.splice(i, 1);
        clearTimeout(waiter.timer);
      });
    });
  }

  async function setWebhook(params: Params): Promise<unknown> {
    const url = asString(params.url) ?? '';
    if (!/^https:\/\//i.test(url) || !isHttpUrl(url)) throw badRequest('invalid url');
    const secret = asString(params.secret_token) ?? '';
    if (secret.length < ZALO_SECRET_MIN || secret.length > ZALO_SECRET_MAX) {
      throw badRequest(`secret_token must be ${ZALO_SECRET_MIN}-${ZALO_SECRET_MAX} characters`);
    }
    // Saved first, kept whatever the probe says.
    webhookUpdatedAt = Date.now();
    webhookState = { url, secret_token: secret, updated_at: webhookUpdatedAt };
    verification = undefined;
    const updatedAt = webhookUpdatedAt;
    const probed = await probeWebhook(url, secret, options.webhookProbe);
    if (webhookState?.url === url) verification = probed;
    return { url, updated_at: updatedAt, verification: probed };
  }

  async function testWebhook(): Promise<unknown> {
    const state = webhookState;
    if (!state) throw badRequest('webhook is not set');
    const probed = await probeWebhook(state.url, state.secret_token, options.webhookProbe);
    if (webhookState?.url === state.url) verification = probed;
    return { url: state.url, ...probed };
  }

  const webhookInfo = () => ({
    url: webhookState?.url ?? '',
    updated_at: webhookUpdatedAt,
    ...(verification ? { verification } : {}),
  });

  const handlers: Record<string, Handler> = {
    getMe: () => ({ ...botInfo }),
    getUpdates: async (params, io) => {
      const update = await getUpdates(params, io);
      if (!update) throw new ZaloApiFailure(408, 'Request timeout');
      return update;
    },
    setWebhook,
    deleteWebhook: () => {
      webhookUpdatedAt = Date.now();
      webhookState = undefined;
      verification = undefined;
      dispatch();
      return { url: '', updated_at: webhookUpdatedAt };
    },
    getWebhookInfo: webhookInfo,
    testWebhook,
    sendMessage: (params) => {
      chatIdOf(params);
      checkText(params.text, 'text', true);
      return sentMessage();
    },
    sendPhoto: (params) => {
      chatIdOf(params);
      checkUrl(params.photo, 'photo');
      checkText(params.caption, 'caption', false);
      return sentMessage();
    },
    sendSticker: (params) => {
      chatIdOf(params);
      const sticker = asString(params.sticker) ?? asString(params.sticker_id);
      if (!sticker) throw badRequest('sticker is required');
      return sentMessage();
    },
    sendVoice: (params) => {
      chatIdOf(params);
      checkUrl(params.voice_url, 'voice_url');
      return sentMessage();
    },
    sendChatAction: (params) => {
      chatIdOf(params);
      const action = asString(params.action);
      if (!action) throw badRequest('action is required');
      if (action !== 'typing' && action !== 'upload_photo') throw badRequest('invalid action');
      return NO_RESULT;
    },
  };

  // -- HTTP ---------------------------------------------------------------------------------------------

  function notify(): void {
    for (const listener of [...callListeners]) listener();
  }

  function takeFailure(method: string): ZaloApiFailure | undefined {
    const pending = failures.get(method);
    const first = pending?.[0];
    if (!pending || !first) return undefined;
    first.remaining--;
    if (first.remaining <= 0) pending.shift();
    if (pending.length === 0) failures.delete(method);
    return new ZaloApiFailure(
      first.failure.code,
      first.failure.description ?? DEFAULT_DESCRIPTIONS[first.failure.code] ?? 'Error',
      first.failure.extra,
    );
  }

  function readParams(req: IncomingMessage, url: URL): Promise<Params> {
    return readRequestParams(req, url, (problem) =>
      badRequest(
        problem === 'multipart'
          ? 'the fake Zalo server does not accept multipart/form-data'
          : problem === 'json'
            ? 'invalid JSON body'
            : 'the JSON body must be an object',
      ),
    );
  }

  /** `httpStatus` forces the HTTP status (a wrong path is answered with HTTP 400 whatever the option) */
  function send(res: ServerResponse, body: ZaloResponse, httpStatus?: number): void {
    if (res.writableEnded || res.destroyed) return;
    const status = httpStatus ?? (!body.ok && httpStatusErrors ? body.error_code : 200);
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let params: Params = {};
    let paramsError: ZaloApiFailure | undefined;
    try {
      params = await readParams(req, url);
    } catch (err) {
      paramsError = err instanceof ZaloApiFailure ? err : badRequest('unreadable request');
    }
    const path = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!path || (req.method !== 'GET' && req.method !== 'POST')) {
      send(res, { ok: false, error_code: 400, description: WRONG_PATH }, 400);
      return;
    }
    let callToken: string;
    try {
      callToken = decodeURIComponent(path[1] ?? '');
    } catch {
      callToken = '';
    }
    const method = path[2] ?? '';
    const call: ZaloCall = { method, params, at, response: undefined, authorized: callToken === token };
    calls.push(call);
    notify();
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    await holds.passed(method);

    let answer: ZaloResponse;
    let httpStatus: number | undefined;
    try {
      if (!call.authorized) throw new ZaloApiFailure(401, 'Unauthorized');
      const injected = takeFailure(method);
      if (injected) throw injected;
      // method names are case-sensitive
      const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
      if (!handler) {
        httpStatus = 400;
        throw new ZaloApiFailure(400, WRONG_PATH);
      }
      if (paramsError) throw paramsError;
      const io: CallIo = {
        onAbort(fn) {
          res.on('close', () => {
            if (!res.writableFinished) fn();
          });
        },
      };
      const result = await handler(params, io);
      answer = result === NO_RESULT ? { ok: true } : { ok: true, result };
    } catch (err) {
      const failure = err instanceof ZaloApiFailure ? err : new ZaloApiFailure(500, 'Internal Server Error');
      answer = { ...failure.extra, ok: false, error_code: failure.code, description: failure.description };
    }
    call.response = answer;
    send(res, answer, httpStatus);
    notify();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      send(res, { ok: false, error_code: 500, description: 'Internal Server Error' });
    });
  });
  // long polls and keep-alive clients: keep idle sockets a while so a reused socket is not cut mid-request
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const callsOf = (method: string) => calls.filter((c) => c.method === method);

  function deliverTo(url: string, update: object, opts: DeliverOptions): Promise<number> {
    return deliverUpdate(url, update, opts);
  }

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    botInfo: { ...botInfo },
    calls,
    callsOf,
    sent(chatId) {
      const sends = callsOf('sendMessage');
      return chatId === undefined ? sends : sends.filter((c) => asString(c.params.chat_id) === chatId);
    },
    pushUpdate,
    failNext(method, failure, times = 1) {
      const pending = failures.get(method) ?? [];
      pending.push({ failure, remaining: times });
      failures.set(method, pending);
    },
    setUnreachable(chatId, isUnreachable = true) {
      if (isUnreachable) unreachable.add(chatId);
      else unreachable.delete(chatId);
    },
    webhook: () => (webhookState ? { ...webhookState } : undefined),
    deliverTo,
    deliverWebhook(update, opts) {
      const url = opts.url ?? webhookState?.url;
      if (url === undefined) {
        return Promise.reject(new Error('deliverWebhook: no webhook is set and no url was given'));
      }
      const secret = opts.secret === undefined ? (webhookState?.secret_token ?? null) : opts.secret;
      const delivery: DeliverOptions = { form: opts.form, secret };
      if (opts.timeoutMs !== undefined) delivery.timeoutMs = opts.timeoutMs;
      return deliverTo(url, update, delivery);
    },
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
    pendingUpdates: () => queue.length,
    reset() {
      calls.length = 0;
      queue = [];
      failures.clear();
      webhookState = undefined;
      webhookUpdatedAt = Date.now();
      verification = undefined;
      unreachable.clear();
    },
    async close() {
      for (const waiter of waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.resolve(undefined);
      }
      callListeners.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Update builders, shaped like the docs' samples: string ids, `date` in epoch milliseconds, and in a
// PRIVATE chat chat.id == from.id. message_id is a 20-hex-digit string, unique and increasing.

export interface ZaloUpdateOptions {
  /** sender id; default: chatId in a PRIVATE chat, a fixed member id in a GROUP */
  userId?: string;
  displayName?: string;
  /** default 'PRIVATE' */
  chatType?: 'PRIVATE' | 'GROUP';
  messageId?: string;
  /** epoch ms; default Date.now() */
  date?: number;
}

export const ZALO_GROUP_MEMBER_ID = '7a1f3c9e2b4d6f8a0c1e';

const nextInboundId = hexCounter(0x2d758cb5e222177a4e35n);

function inboundMessage(chatId: string, opts: ZaloUpdateOptions = {}): ZaloInboundMessage {
  const chatType = opts.chatType ?? 'PRIVATE';
  const userId = opts.userId ?? (chatType === 'PRIVATE' ? chatId : ZALO_GROUP_MEMBER_ID);
  return {
    from: { id: userId, display_name: opts.displayName ?? 'Nguyễn Văn A', is_bot: false },
    chat: { id: chatId, chat_type: chatType },
    message_id: opts.messageId ?? nextInboundId(),
    date: opts.date ?? Date.now(),
  };
}

export function zaloText(chatId: string, text: string, opts: ZaloUpdateOptions = {}): ZaloUpdate {
  return { event_name: 'message.text.received', message: { ...inboundMessage(chatId, opts), text } };
}

export function zaloImage(
  chatId: string,
  opts: ZaloUpdateOptions & { photo?: string; caption?: string } = {},
): ZaloUpdate {
  const message: ZaloInboundMessage = {
    ...inboundMessage(chatId, opts),
    photo: opts.photo ?? `https://photo-stal-zalo.example/${randomBytes(8).toString('hex')}.jpg`,
  };
  if (opts.caption !== undefined) message.caption = opts.caption;
  return { event_name: 'message.image.received', message };
}

export function zaloSticker(chatId: string, opts: ZaloUpdateOptions & { sticker?: string } = {}): ZaloUpdate {
  const sticker = opts.sticker ?? 'bfe458bf64fa8da4d4eb';
  return {
    event_name: 'message.sticker.received',
    message: {
      ...inboundMessage(chatId, opts),
      sticker,
      url: `https://sticker.zalo.example/webpc?eid=${sticker}&size=130`,
    },
  };
}

export function zaloVoice(chatId: string, opts: ZaloUpdateOptions & { voiceUrl?: string } = {}): ZaloUpdate {
  return {
    event_name: 'message.voice.received',
    message: {
      ...inboundMessage(chatId, opts),
      voice_url: opts.voiceUrl ?? `https://voice-aac-dl.zadn.example/${randomBytes(8).toString('hex')}.aac`,
    },
  };
}

/** Sent instead of the content when the sender belongs to a protected group: no content at all. */
export function zaloUnsupported(chatId: string, opts: ZaloUpdateOptions = {}): ZaloUpdate {
  return { event_name: 'message.unsupported.received', message: inboundMessage(chatId, opts) };
}

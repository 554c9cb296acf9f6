import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { ZaloApiError } from './api-error';
import { guessZaloError } from './errors';
import {
  botInfoSchema,
  envelopeSchema,
  sentSchema,
  testWebhookSchema,
  webhookInfoSchema,
  type ZaloBotInfo,
} from './schemas';

export { ZaloApiError } from './api-error';

export interface ZaloClientOptions {
  readonly token: string;
  readonly baseUrl: string;
  /** per request, except long polls (which get their poll time plus a margin) */
  readonly timeoutMs?: number;
}

/** Told about every `{ok: false}` answer that guessZaloError does not recognise (token already removed). */
export type ZaloUnknownErrorObserver = (err: ZaloApiError) => void;

/** A typed axios client of the Zalo Bot Platform (reference §1.1–1.2). */
export class ZaloClient {
  private readonly http: AxiosInstance;
  private observer: ZaloUnknownErrorObserver | undefined;

  constructor(private readonly o: ZaloClientOptions) {
    // Read the envelope's ok, not the HTTP status: Zalo answers errors with HTTP 200.
    this.http = axios.create({
      baseURL: o.baseUrl.replace(/\/$/, ''),
      timeout: o.timeoutMs ?? 15_000,
      validateStatus: () => true,
    });
  }

  /** Who hears of error answers nobody understands yet (logged and counted where the bot is composed). */
  onUnknownError(observer: ZaloUnknownErrorObserver): void {
    this.observer = observer;
  }

  /** The value without the token, in case Zalo ever echoes the request path back. */
  private scrub<T>(value: T): T {
    const { token } = this.o;
    if (!token || value === undefined) return value;
    const json = JSON.stringify(value);
    if (json === undefined) return value;
    const clean = json.replaceAll(token, '[token]').replaceAll(encodeURIComponent(token), '[token]');
    return clean === json ? value : (JSON.parse(clean) as T);
  }

  private async call<S extends z.ZodType>(
    method: string,
    params: object,
    schema: S,
    timeoutMs?: number,
  ): Promise<z.output<S>> {
    let status: number;
    let body: unknown;
    try {
      const res = await this.http.post(
        `/bot${this.o.token}/${method}`,
        params,
        timeoutMs ? { timeout: timeoutMs } : {},
      );
      status = res.status;
      body = res.data;
    } catch (err) {
      // An axios error holds the request URL, with the token in it: keep only what went wrong.
      const code = (err as { code?: string }).code ?? 'network error';
      throw new ZaloApiError(method, 0, code);
    }
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success)
      throw new ZaloApiError(method, status >= 400 ? status : 0, `unreadable answer (HTTP ${status})`);
    const e = envelope.data;
    if (!e.ok) throw this.failure(method, status, e, body);
    const result = schema.safeParse(e.result);
    if (!result.success)
      throw new ZaloApiError(method, 0, `unexpected result: ${result.error.issues[0]?.message ?? ''}`);
    return result.data;
  }

  /** The error for an `{ok: false}` answer; one nobody recognises is reported to the observer first. */
  private failure(
    method: string,
    status: number,
    e: z.output<typeof envelopeSchema>,
    body: unknown,
  ): ZaloApiError {
    const err = new ZaloApiError(
      method,
      e.error_code ?? status,
      this.scrub(e.description ?? 'error'),
      e.parameters?.retry_after,
      this.scrub(body),
    );
    if (this.observer && !guessZaloError(err).known) {
      try {
        this.observer(err);
      } catch {
        // Observing must never change what the caller sees.
      }
    }
    return err;
  }

  getMe(): Promise<ZaloBotInfo> {
    return this.call('getMe', {}, botInfoSchema);
  }

  /** One update, or undefined when the long poll ended with nothing (Zalo's 408 "Request timeout"). */
  async getUpdates(timeoutSeconds: number): Promise<unknown> {
    try {
      return await this.call(
        'getUpdates',
        { timeout: String(timeoutSeconds) },
        envelopeSchema.shape.result,
        (timeoutSeconds + 20) * 1000,
      );
    } catch (err) {
      if (err instanceof ZaloApiError && (err.errorCode === 408 || /timeout/i.test(err.description)))
        return undefined;
      throw err;
    }
  }

  /** Zalo saves the URL, then probes it at once: the answer carries `verification` (saved even if it failed). */
  setWebhook(url: string, secretToken: string) {
    return this.call('setWebhook', { url, secret_token: secretToken }, webhookInfoSchema);
  }

  deleteWebhook() {
    return this.call('deleteWebhook', {}, webhookInfoSchema.or(envelopeSchema.shape.result));
  }

  getWebhookInfo() {
    return this.call('getWebhookInfo', {}, webhookInfoSchema);
  }

  /** Asks Zalo to probe the webhook now (rate-limited per day; not offered by every API version). */
  testWebhook() {
    return this.call('testWebhook', {}, testWebhookSchema);
  }

  async sendMessage(chatId: string, text: string): Promise<void> {
    await this.call('sendMessage', { chat_id: chatId, text }, sentSchema);
  }

  async sendPhoto(chatId: string, photo: string, caption?: string): Promise<void> {
    await this.call('sendPhoto', { chat_id: chatId, photo, ...(caption ? { caption } : {}) }, sentSchema);
  }

  async sendChatAction(chatId: string, action: 'typing' = 'typing'): Promise<void> {
    await this.call('sendChatAction', { chat_id: chatId, action }, envelopeSchema.shape.result);
  }
}

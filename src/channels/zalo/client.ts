import axios, { type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { botInfoSchema, envelopeSchema, sentSchema, webhookInfoSchema, type ZaloBotInfo } from './schemas';

/** A Zalo Bot API error. Never carries the token (it is in the URL, so URLs are never kept). */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    /** Zalo's error_code; 0 for a network failure or an unreadable answer */
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`Zalo ${method}: ${errorCode} ${description}`);
    this.name = 'ZaloApiError';
  }
}

export interface ZaloClientOptions {
  readonly token: string;
  readonly baseUrl: string;
  /** per request, except long polls (which get their poll time plus a margin) */
  readonly timeoutMs?: number;
}

/** A typed axios client of the Zalo Bot Platform (reference §1.1–1.2). */
export class ZaloClient {
  private readonly http: AxiosInstance;

  constructor(private readonly o: ZaloClientOptions) {
    // Read the envelope's ok, not the HTTP status: Zalo answers errors with HTTP 200.
    this.http = axios.create({
      baseURL: o.baseUrl.replace(/\/$/, ''),
      timeout: o.timeoutMs ?? 15_000,
      validateStatus: () => true,
    });
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
    if (!e.ok) {
      throw new ZaloApiError(
        method,
        e.error_code ?? status,
        e.description ?? 'error',
        e.parameters?.retry_after,
      );
    }
    const result = schema.safeParse(e.result);
    if (!result.success)
      throw new ZaloApiError(method, 0, `unexpected result: ${result.error.issues[0]?.message ?? ''}`);
    return result.data;
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

  setWebhook(url: string, secretToken: string) {
    return this.call('setWebhook', { url, secret_token: secretToken }, webhookInfoSchema);
  }

  deleteWebhook() {
    return this.call('deleteWebhook', {}, webhookInfoSchema.or(envelopeSchema.shape.result));
  }

  getWebhookInfo() {
    return this.call('getWebhookInfo', {}, webhookInfoSchema);
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

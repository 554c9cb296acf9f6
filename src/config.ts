import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The environment, validated. The only module that reads process.env (ARCHITECTURE §3).
 * Every variable is documented in README.md ("Cấu hình / Configuration") and .env.example.
 */

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const adminIds = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: { channel: 'telegram' | 'zalo' | 'web'; id: string }[] = [];
      for (const raw of (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const m = /^(telegram|zalo|web):([A-Za-z0-9_-]{1,128})$/.exec(raw);
        if (!m) {
          ctx.addIssue({
            code: 'custom',
            message: `"${raw}" phải có dạng kênh:id, ví dụ telegram:123 hoặc zalo:abc`,
          });
          return z.NEVER;
        }
        out.push({ channel: m[1] as 'telegram' | 'zalo' | 'web', id: m[2]! });
      }
      return out;
    }),
);

/** Names proxy-addr (Fastify's trustProxy) knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which reverse proxies may set X-Forwarded-For: none (false), how many stand in front of the server
 * (a hop count: the client is that many addresses from the right), or the proxies' own addresses.
 * A bare `true` would trust whatever address a client writes in the header, so it is refused.
 */
const trustProxy = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx): false | number | string[] => {
      const value = (v ?? 'false').trim().toLowerCase();
      if (value === 'false' || value === 'no' || value === '0') return false;
      if (value === 'true' || value === 'yes') {
        ctx.addIssue({
          code: 'custom',
          message:
            '"true" không an toàn (ai cũng giả được X-Forwarded-For): ghi số proxy đứng trước máy chủ, ví dụ 1, ' +
            'hoặc địa chỉ của proxy, ví dụ 127.0.0.1,10.0.0.0/8',
        });
        return z.NEVER;
      }
      if (/^\d+$/.test(value)) {
        const hops = Number(value);
        if (hops > 10) {
          ctx.addIssue({ code: 'custom', message: 'số proxy phải từ 1 đến 10' });
          return z.NEVER;
        }
        return hops;
      }
      const entries = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = entries.find((e) => !isProxyAddress(e));
      if (bad !== undefined || entries.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `"${bad ?? value}" không phải địa chỉ IP hay dải CIDR; ghi false, số proxy (ví dụ 1) hoặc địa chỉ proxy (ví dụ 127.0.0.1,10.0.0.0/8)`,
        });
        return z.NEVER;
      }
      return entries;
    }),
);

const envSchema = z
  .object({
    NODE_ENV: z.preprocess(
      emptyToUndefined,
      z.enum(['development', 'production', 'test']).default('development'),
    ),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    REDIS_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^rediss?:\/\//, 'phải bắt đầu bằng redis:// hoặc rediss://')
        .optional(),
    ),
    REDIS_PREFIX: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,32}:$/, 'chữ, số, - hoặc _, kết thúc bằng dấu hai chấm, ví dụ dvc:')
        .default('dvc:'),
    ),
    ROLE: z.preprocess(emptyToUndefined, z.enum(['all', 'web', 'worker']).default('all')),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    CONTENT_DIR: z.preprocess(emptyToUndefined, z.string().default('content')),
    LOCALES_DIR: z.preprocess(emptyToUndefined, z.string().default('locales')),
    DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['vi', 'en']).default('vi')),
    PUBLIC_URL: z.preprocess(
      emptyToUndefined,
      z.url({ message: 'phải là một địa chỉ https://…' }).optional(),
    ),
    TELEGRAM_BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'không đúng dạng token của BotFather (123456:ABC…)')
        .optional(),
    ),
    TELEGRAM_MODE: z.preprocess(emptyToUndefined, z.enum(['polling', 'webhook']).default('polling')),
    TELEGRAM_WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 ký tự A-Z, a-z, 0-9, _ hoặc -')
        .optional(),
    ),
    TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, z.url().default('https://api.telegram.org')),
    ZALO_BOT_TOKEN: z.preprocess(emptyToUndefined, z.string().min(10, 'token Zalo quá ngắn').optional()),
    /** default: webhook when PUBLIC_URL is https (Zalo: polling is for development), else polling */
    ZALO_MODE: z.preprocess(emptyToUndefined, z.enum(['polling', 'webhook']).optional()),
    ZALO_WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(8, 'ít nhất 8 ký tự').max(256).optional(),
    ),
    ZALO_API_BASE: z.preprocess(emptyToUndefined, z.url().default('https://bot-api.zaloplatforms.com')),
    ADMIN_IDS: adminIds,
    STATS_SALT: z.preprocess(emptyToUndefined, z.string().min(16, 'ít nhất 16 ký tự ngẫu nhiên').optional()),
    STAFF_CHAT_ID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^-?\d{1,20}$/, 'mã số nhóm Telegram của cán bộ, ví dụ -1001234567890')
        .optional(),
    ),
    HANDOFF_CLOSE_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().min(0.25).max(720).default(24)),
    REQUEST_RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(30).max(3660).default(365),
    ),
    STATS_RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(31).max(3660).default(1100),
    ),
    COOKIE_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'ít nhất 32 ký tự ngẫu nhiên').optional(),
    ),
    REDIS_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data/redis')),
    REDIS_PROBE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^rediss?:\/\//, 'phải bắt đầu bằng redis:// hoặc rediss://')
        .default('redis://127.0.0.1:6379'),
    ),
    REDIS_MAXMEMORY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d+(kb|mb|gb)$/i, 'một số kèm đơn vị kb, mb hoặc gb, ví dụ 256mb')
        .default('256mb'),
    ),
    SESSION_TTL_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(60).max(2_592_000).default(86_400),
    ),
    REMINDER_RECONCILE_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(1).max(86_400).default(300),
    ),
    WEB_ALLOWED_ORIGINS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .optional()
        .transform((v, ctx) => {
          const origins = (v ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          for (const origin of origins) {
            if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(origin)) {
              ctx.addIssue({
                code: 'custom',
                message: `"${origin}" phải có dạng https://ten-mien (không có / ở cuối)`,
              });
              return z.NEVER;
            }
          }
          return origins;
        }),
    ),
    WEB_RATE_PER_VISITOR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(30)),
    WEB_RATE_PER_IP: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(300)),
    WEB_RATE_NEW_PER_IP: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(30)),
    TRUST_PROXY: trustProxy,
    ALLOW_INCOMPLETE_CONTENT: z.preprocess(
      emptyToUndefined,
      z.enum(['true', 'false'], 'true hoặc false').default('false'),
    ),
    ANNOUNCEMENT_APPROVAL: z.preprocess(
      emptyToUndefined,
      z.enum(['true', 'false'], 'true hoặc false').default('false'),
    ),
    ANNOUNCEMENT_DAILY_CAP: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(3)),
    HTTP_REQUEST_TIMEOUT_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(1).max(300).default(15),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_MODE === 'webhook') {
      if (!env.TELEGRAM_WEBHOOK_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['TELEGRAM_WEBHOOK_SECRET'],
          message: 'bắt buộc khi TELEGRAM_MODE=webhook',
        });
      if (!isHttps(env.PUBLIC_URL))
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_URL'],
          message: 'phải là địa chỉ https://… khi TELEGRAM_MODE=webhook (Telegram chỉ gửi tới https)',
        });
    }
    if (env.ZALO_BOT_TOKEN && zaloMode(env) === 'webhook') {
      const why = env.ZALO_MODE
        ? 'khi ZALO_MODE=webhook'
        : 'vì PUBLIC_URL là https nên Zalo nhận tin qua webhook (đặt ZALO_MODE=polling nếu chỉ chạy thử)';
      if (!env.ZALO_WEBHOOK_SECRET)
        ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: `bắt buộc ${why}` });
      if (!isHttps(env.PUBLIC_URL))
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_URL'],
          message: 'phải là địa chỉ https://… khi ZALO_MODE=webhook (Zalo chỉ gửi tới https)',
        });
    }
  });

export type Env = z.output<typeof envSchema>;

function isHttps(url: string | undefined): boolean {
  return url?.startsWith('https://') ?? false;
}

/** Zalo says polling is for development and a webhook for production: a public https address means production. */
function zaloMode(env: { ZALO_MODE?: 'polling' | 'webhook' | undefined; PUBLIC_URL?: string | undefined }) {
  return env.ZALO_MODE ?? (isHttps(env.PUBLIC_URL) ? 'webhook' : 'polling');
}

export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly port: number;
  readonly host: string;
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly role: Env['ROLE'];
  readonly logLevel: Env['LOG_LEVEL'];
  readonly contentDir: string;
  readonly localesDir: string;
  readonly defaultLocale: Env['DEFAULT_LOCALE'];
  readonly publicUrl: string | undefined;
  readonly telegram: {
    readonly token: string | undefined;
    readonly mode: Env['TELEGRAM_MODE'];
    readonly webhookSecret: string | undefined;
    readonly apiRoot: string;
  };
  readonly zalo: {
    readonly token: string | undefined;
    readonly mode: 'polling' | 'webhook';
    readonly webhookSecret: string | undefined;
    readonly apiBase: string;
  };
  readonly adminIds: Env['ADMIN_IDS'];
  /** without STATS_SALT, a random salt is kept in Redis (see compose.ts) */
  readonly statsSalt: string | undefined;
  /** the Telegram group where staff get postal requests and «Gặp cán bộ» tickets */
  readonly staffChatId: string | undefined;
  /** an open ticket closes by itself after this many hours without a message */
  readonly handoffCloseHours: number;
  /** postal requests and tickets are deleted this many days after their last change */
  readonly requestRetentionDays: number;
  /** a day's statistics are deleted this many days after it */
  readonly statsRetentionDays: number;
  readonly cookieSecret: string | undefined;
  readonly redisDataDir: string;
  /** where `npm start` looks for a Redis when REDIS_URL is not set */
  readonly redisProbeUrl: string;
  /** memory cap of the private redis-server, e.g. 256mb */
  readonly redisMaxmemory: string;
  readonly sessionTtlSeconds: number;
  /** how often pending reminders are checked against their queue jobs (besides at start) */
  readonly reminderReconcileSeconds: number;
  /** a village team's announcement waits for a staff member's approval */
  readonly announcementApproval: boolean;
  /** announcements one resident may receive per day */
  readonly announcementDailyCap: number;
  /** serve residents in production although the office phone or address is not filled in yet */
  readonly allowIncompleteContent: boolean;
  readonly web: {
    readonly allowedOrigins: string[];
    readonly perVisitorPerMinute: number;
    readonly perIpPerMinute: number;
    /** messages without a visitor token (each one a new visitor, kept 30 min) per IP address or /64 */
    readonly newVisitorsPerIpPerMinute: number;
    /** false, a hop count, or the reverse proxies' addresses/CIDR ranges (Fastify's trustProxy) */
    readonly trustProxy: false | number | readonly string[];
    /** a client must have sent its whole request (headers and body) within this time */
    readonly requestTimeoutMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly variables: { name: string; problem: string }[]) {
    super(
      `Cấu hình không hợp lệ (invalid environment):\n${variables.map((v) => `  - ${v.name}: ${v.problem}`).join('\n')}\nXem bảng cấu hình trong README.md.`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment (process.env unless given), with `overrides` on top, and returns the typed
 * config, or throws ConfigError.
 */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  overrides: Record<string, string> = {},
): Config {
  const parsed = envSchema.safeParse({ ...source, ...overrides });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        name: String(i.path[0] ?? '?'),
        problem: `${i.message}${valueHint(source, String(i.path[0] ?? ''))}`,
      })),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    contentDir: e.CONTENT_DIR,
    localesDir: e.LOCALES_DIR,
    defaultLocale: e.DEFAULT_LOCALE,
    publicUrl: e.PUBLIC_URL,
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      mode: e.TELEGRAM_MODE,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      apiRoot: e.TELEGRAM_API_ROOT,
    },
    zalo: {
      token: e.ZALO_BOT_TOKEN,
      mode: zaloMode(e),
      webhookSecret: e.ZALO_WEBHOOK_SECRET,
      apiBase: e.ZALO_API_BASE,
    },
    adminIds: e.ADMIN_IDS,
    statsSalt: e.STATS_SALT,
    statsRetentionDays: e.STATS_RETENTION_DAYS,
    staffChatId: e.STAFF_CHAT_ID,
    handoffCloseHours: e.HANDOFF_CLOSE_HOURS,
    requestRetentionDays: e.REQUEST_RETENTION_DAYS,
    cookieSecret: e.COOKIE_SECRET,
    redisDataDir: e.REDIS_DATA_DIR,
    redisProbeUrl: e.REDIS_PROBE_URL,
    redisMaxmemory: e.REDIS_MAXMEMORY,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    reminderReconcileSeconds: e.REMINDER_RECONCILE_SECONDS,
    allowIncompleteContent: e.ALLOW_INCOMPLETE_CONTENT === 'true',
    announcementApproval: e.ANNOUNCEMENT_APPROVAL === 'true',
    announcementDailyCap: e.ANNOUNCEMENT_DAILY_CAP,
    web: {
      allowedOrigins: e.WEB_ALLOWED_ORIGINS,
      perVisitorPerMinute: e.WEB_RATE_PER_VISITOR,
      perIpPerMinute: e.WEB_RATE_PER_IP,
      newVisitorsPerIpPerMinute: e.WEB_RATE_NEW_PER_IP,
      trustProxy: e.TRUST_PROXY,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    },
  };
}

const SECRET_NAMES = /TOKEN|SECRET|SALT|REDIS_URL|REDIS_PROBE_URL/;

/** Shows the bad value, except for secrets, which must never reach a log. */
function valueHint(source: Record<string, string | undefined>, name: string): string {
  const value = source[name];
  if (value === undefined || SECRET_NAMES.test(name)) return '';
  return ` (đang là "${value.slice(0, 60)}")`;
}

/**
 * The environment for a child process this program starts (benchmarks start the server this way):
 * this process's own environment with some variables replaced.
 */
export function childEnvironment(overrides: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}

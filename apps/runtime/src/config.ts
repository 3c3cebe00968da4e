import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every setting the runtime reads from the environment. `.env.example` documents each one. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * A second port that serves only /healthz and /readyz, for load balancers' probes, from a thread of its own: its
   * connections do not wait behind the visitors' (Node accepts one new connection per turn of its event loop).
   * Unset: none.
   */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The address people reach the product at; used in links (emails, embed snippet). */
  PUBLIC_URL: z.url().optional(),
  /** postgres://… to use PostgreSQL; unset means embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * redis://… (or rediss://…): realtime events, presence, typing and socket revocation cross instances through
   * Redis pub/sub and the public rate limits are counted in Redis (one budget across instances). Unset:
   * PostgreSQL LISTEN/NOTIFY and per-instance counters.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  /** Prefix of every Redis key and channel (several deployments on one Redis). */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, 'letters, digits and _ : . - only (at most 64)')
    .default('flowdesk:'),
  /** Folder for the embedded database; `memory://` keeps everything in memory (tests). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** PGlite on a thread of its own (the runtime's thread stays free while statements run) or on the runtime's. */
  PGLITE_THREAD: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Extra origins allowed to call the admin API with cookies (comma separated). The server's own origin always is. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** Largest accepted request body in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
  /** Behind a load balancer: take the client address from the last X-Forwarded-For hop (rate limits, logs). */
  TRUST_PROXY: bool.default(false),
  /** Public widget API requests per minute per client IP address (0 = no limit). */
  PUBLIC_RATE_LIMIT_PER_IP: z.coerce.number().int().min(0).default(600),
  /** Public widget API requests per minute per visitor token (0 = no limit). */
  PUBLIC_RATE_LIMIT_PER_VISITOR: z.coerce.number().int().min(0).default(120),
  /** New visitors (first chat session of a browser) per minute per client IP address (0 = no limit). */
  PUBLIC_SESSION_LIMIT_PER_IP: z.coerce.number().int().min(0).default(60),
  /** Frames per 10 seconds one WebSocket may send before frames are refused (0 = no limit). */
  WS_FRAME_LIMIT: z.coerce.number().int().min(0).default(100),
  /** Let flow HTTP blocks reach private and loopback addresses (off by default: SSRF guard). */
  HTTP_BLOCK_ALLOW_PRIVATE: bool.default(false),
  HTTP_BLOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  HTTP_BLOCK_MAX_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(512_000),
  /** PostgreSQL: longest wait for a connection, and for one query, before the request answers 503. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  DB_PREPARED_STATEMENTS: bool.default(true),
  /**
   * Visitor writes (messages, new conversations, contact details) one instance handles at once; more wait their
   * turn before any of their work starts. A bound against floods: lower values shorten the event loop's turns
   * during a burst but finish the burst later (bench/runtime/slow-effects.ts, BENCHMARKS.md).
   */
  PUBLIC_WRITES_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(256),
  /** Flow calls (HTTP blocks, AI) one instance runs at once; more wait in memory, never on the database. */
  EFFECTS_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(256),
  /** How long an instance holds a flow call before another may take it over (after a crash). */
  EFFECT_LEASE_MS: z.coerce.number().int().min(200).max(600_000).default(5000),
  /** Most conversation writes that arrive together and share one transaction (1: each its own). */
  GROUP_COMMIT_MAX: z.coerce.number().int().min(1).max(256).default(32),
  /** How often WebSockets are pinged; a socket that missed a pong by the next ping is closed. */
  WS_HEARTBEAT_MS: z.coerce.number().int().min(50).max(600_000).default(30_000),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  /** Directories of the built dashboard and widget; defaults point at the workspace's apps. */
  BUILDER_DIST: optionalText,
  WIDGET_DIST: optionalText,
  /** Seed the demo workspace, bot and users at start (idempotent). */
  SEED_DEMO: bool.default(true),
  /** Run the email outbox worker in this process (turn off on instances that should only serve). */
  EMAIL_WORKER: bool.default(true),
  OPENAI_API_KEY: optionalText,
  /**
   * Server secret that encrypts the AI keys admins save in the dashboard (at least 32 characters). Unset: with
   * PGlite on disk one is created in DATA_DIR/secret.key; in memory one per process; on PostgreSQL keys cannot be
   * saved until it is set (every instance needs the same one).
   */
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Knowledge-base embeddings (same endpoint and key as the chat model; only used with a key). */
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  /** Longest wait for an AI call before the offline fallback answers (a streamed answer: for each new text). */
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  RESEND_API_KEY: optionalText,
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default('Flowdesk <notifications@flowdesk.local>'),
  /** Domain of the per-conversation reply addresses (reply+<signed token>@domain); Resend receives on it. */
  EMAIL_REPLY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain such as reply.example.com')
    .default('reply.flowdesk.local'),
  /** Svix signing secret (whsec_…) of the Resend webhook posting email.received / email.bounced events. */
  RESEND_WEBHOOK_SECRET: optionalText,
  /** How long an agent's reply waits for the visitor to be back in the widget before it goes by email. */
  EMAIL_REPLY_GRACE_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** Page the email's "continue the chat" link opens (it gets ?flowdesk_continue=…); default the runtime's /demo. */
  EMAIL_CONTINUE_URL: z.url().optional(),
  /** How long a "continue the chat" link in an email works. */
  CONTINUE_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses settings from an env-like record. Empty strings count as unset. Throws ConfigError listing every bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`));
  }
  return result.data;
}

/** Public API rate limits off: for load generators and tests that are not about rate limiting. */
export const PUBLIC_LIMITS_OFF = {
  PUBLIC_RATE_LIMIT_PER_IP: '0',
  PUBLIC_RATE_LIMIT_PER_VISITOR: '0',
  PUBLIC_SESSION_LIMIT_PER_IP: '0',
  WS_FRAME_LIMIT: '0',
} as const;

/** Test and embedding convenience: defaults plus overrides, no process.env. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...PUBLIC_LIMITS_OFF,
    ...overrides,
  });
}

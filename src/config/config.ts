import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readTtsConfig, type TtsConfig } from './tts-config.js';

/** Which parts of Masthead a process runs: the web server, the job worker, or both. */
export type ProcessRole = 'web' | 'worker' | 'all';

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly siteUrl: string;
  readonly databaseUrl: string;
  readonly dataDir: string;
  /** IANA time zone for dates shown to readers; null means "use the site setting". */
  readonly timezone: string | null;
  readonly role: ProcessRole;
  readonly smtpUrl: string | null;
  /**
   * The From of every e-mail, e.g. `Kyiv Daily <newsroom@kyiv.example>`; null means the
   * site title with `newsroom@` the site's host name.
   */
  readonly mailFrom: string | null;
  /** Seed the demo newsroom into an empty database on start. */
  readonly demo: boolean;
  /** Answer cached pages on fresh connections before node:http parses them (ADR 0016). */
  readonly connectionFront: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Whose `X-Forwarded-For`/`-Proto`/`-Host` is believed: no one (false, the default), the
   * proxies at these addresses and CIDR ranges, or the given number of proxy hops.
   */
  readonly trustProxy: TrustProxy;
  /** S3-compatible object storage for files; null keeps them on local disk under dataDir. */
  readonly storage: S3StorageConfig | null;
  /** Public base URL readers fetch stored files from (a CDN or bucket domain); null: this site. */
  readonly mediaUrl: string | null;
  /** The CDN in front of the site, purged after changes; null when there is none. */
  readonly cdn: CdnConfig | null;
  /** Bearer token that opens `/metrics`; null leaves it open to loopback requests only. */
  readonly metricsToken: string | null;
  /**
   * How many web processes share the port (node:cluster), beside one job worker; 1 runs
   * everything in one process. The machine's core count by default.
   */
  readonly webProcesses: number;
  /** Memory for rendered reader pages in each web process; 0 renders every request. */
  readonly pageCacheMegabytes: number;
  /** The narration engine (`MASTHEAD_TTS_*`); flite on this machine by default. */
  readonly tts: TtsConfig;
  /** Stripe; null runs the embedded test payment provider. */
  readonly stripe: StripeConfig | null;
  /** Card brands shown beside payment forms, e.g. visa, mastercard, amex. */
  readonly paymentMethods: readonly PaymentMethod[];
  /** Days a member keeps reading after a failed renewal while the card is retried. */
  readonly paymentGraceDays: number;
  /** Newsletter messages a worker process submits per second at most; 0: as fast as it can. */
  readonly newsletterRate: number;
  /** SMTP connections kept open for sending (`MASTHEAD_SMTP_POOL`). */
  readonly smtpPool: number;
  /** Postmark's webhook credentials `user:password` (basic auth); null: the webhook is closed. */
  readonly postmarkWebhookAuth: string | null;
  /** SNS topic ARNs whose SES notifications are believed; empty: any topic with a valid signature. */
  readonly sesTopicArns: readonly string[];
}

export const paymentMethods = ['visa', 'mastercard', 'amex', 'discover', 'maestro'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export interface StripeConfig {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Another API base (a local server in tests); null is Stripe's own. */
  readonly apiUrl: string | null;
}

export interface S3StorageConfig {
  readonly bucket: string;
  /** Prepended to every key, without leading or trailing slashes; '' for none. */
  readonly prefix: string;
  readonly region: string;
  /** For MinIO, R2 and other S3-compatible services; null means AWS itself. */
  readonly endpoint: string | null;
  readonly forcePathStyle: boolean;
  /** From AWS_ACCESS_KEY_ID and friends; null leaves the SDK's own lookup to find them. */
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken: string | null;
  } | null;
}

export type CdnProvider = 'fastly' | 'cloudflare' | 'bunny';

/** The CDN in front of the site, which decides the header that carries cache tags. */
export type CdnKind = CdnProvider;

export interface CdnConfig {
  readonly provider: CdnProvider;
  readonly token: string;
  /** Fastly service id, Cloudflare zone id or Bunny pull zone id. */
  readonly zone: string;
  /** The provider's API base; the provider's public API when not set. */
  readonly apiUrl: string | null;
}

export type TrustProxy = false | number | readonly string[];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    got: string,
  ) {
    super(`${variable} must be ${expected}; got "${got}".`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(name, 'a whole number from 0 to 65535', raw);
  }
  return port;
}

function readCount(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
  }
  return value;
}

function readUrl(env: Env, name: string, fallback: string, protocols: readonly string[]): string {
  const raw = read(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, raw);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, raw);
  }
  return raw;
}

function readDatabaseUrl(env: Env, dataDir: string): string {
  const name = 'MASTHEAD_DATABASE_URL';
  const raw = read(env, name);
  if (raw === undefined) return `sqlite:${path.join(dataDir, 'masthead.db')}`;
  if (raw.startsWith('sqlite:') && raw.length > 'sqlite:'.length) return raw;
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) return raw;
  throw new ConfigError(name, 'sqlite:PATH or a postgres:// URL', redactUrl(raw));
}

function readTimezone(env: Env): string | null {
  const name = 'MASTHEAD_TIMEZONE';
  const raw = read(env, name);
  if (raw === undefined) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw new ConfigError(name, 'an IANA time zone such as Europe/Kyiv', raw);
  }
  return raw;
}

function readChoice<T extends string>(
  env: Env,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const found = choices.find((choice) => choice === raw);
  if (found === undefined) throw new ConfigError(name, `one of ${choices.join(', ')}`, raw);
  return found;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'true or false', raw);
}

/** `Name <address>` or a bare address; the address needs one `@` and a dot after it. */
function readMailFrom(env: Env): string | null {
  const name = 'MASTHEAD_MAIL_FROM';
  const raw = read(env, name);
  if (raw === undefined) return null;
  const address = /<([^<>]+)>$/.exec(raw)?.[1] ?? raw;
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) {
    throw new ConfigError(name, 'an address such as "Kyiv Daily <newsroom@kyiv.example>"', raw);
  }
  return raw;
}

/** Names of address ranges the proxy check understands besides addresses and CIDRs. */
const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(item: string): boolean {
  if (proxyRangeNames.includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/** Unset: trust no proxy. A whole number: that many hops. Otherwise addresses and CIDRs. */
function readTrustProxy(env: Env): TrustProxy {
  const name = 'MASTHEAD_TRUST_PROXY';
  const expected =
    'a number of proxy hops, or comma-separated addresses and CIDR ranges such as "10.0.0.0/8, ::1" (or loopback, linklocal, uniquelocal)';
  const raw = read(env, name);
  if (raw === undefined) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 32) throw new ConfigError(name, expected, raw);
    return hops === 0 ? false : hops;
  }
  const items = raw.split(',').map((item) => item.trim());
  if (items.some((item) => !isProxyAddress(item))) throw new ConfigError(name, expected, raw);
  return Object.freeze(items);
}

/** Hides the password of a URL so it can be printed. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/** `s3://bucket/prefix?region=…&endpoint=…&forcePathStyle=true`, credentials from AWS_*. */
function readStorage(env: Env): S3StorageConfig | null {
  const name = 'MASTHEAD_STORAGE_URL';
  const raw = read(env, name);
  if (raw === undefined || raw === 'local') return null;
  const expected = 'local or s3://bucket/prefix?region=…&endpoint=…&forcePathStyle=true';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, expected, raw);
  }
  const bucket = url.hostname;
  if (url.protocol !== 's3:' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(name, expected, raw);
  }
  const known = ['region', 'endpoint', 'forcePathStyle'];
  const unknown = [...url.searchParams.keys()].find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new ConfigError(name, `a URL with only ${known.join(', ')} as options`, raw);
  }
  const endpoint = url.searchParams.get('endpoint');
  if (endpoint !== null) readUrl({ [name]: endpoint }, name, endpoint, ['http:', 'https:']);
  const pathStyle = url.searchParams.get('forcePathStyle');
  const accessKeyId = read(env, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = read(env, 'AWS_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError(
      accessKeyId === undefined ? 'AWS_ACCESS_KEY_ID' : 'AWS_SECRET_ACCESS_KEY',
      'set together with the other AWS key variable',
      '',
    );
  }
  return {
    bucket,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ''),
    region:
      url.searchParams.get('region') ??
      read(env, 'AWS_REGION') ??
      read(env, 'AWS_DEFAULT_REGION') ??
      'us-east-1',
    endpoint,
    forcePathStyle: pathStyle === null ? false : readBoolean({ [name]: pathStyle }, name, false),
    credentials:
      accessKeyId === undefined || secretAccessKey === undefined
        ? null
        : {
            accessKeyId,
            secretAccessKey,
            sessionToken: read(env, 'AWS_SESSION_TOKEN') ?? null,
          },
  };
}

function readCdn(env: Env): CdnConfig | null {
  const provider = read(env, 'MASTHEAD_CDN');
  if (provider === undefined) return null;
  const chosen = readChoice(
    env,
    'MASTHEAD_CDN',
    ['fastly', 'cloudflare', 'bunny'] as const,
    'fastly',
  );
  const token = read(env, 'MASTHEAD_CDN_TOKEN');
  if (token === undefined)
    throw new ConfigError('MASTHEAD_CDN_TOKEN', `the ${chosen} API token`, '');
  const zone = read(env, 'MASTHEAD_CDN_ZONE');
  if (zone === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(zone)) {
    throw new ConfigError(
      'MASTHEAD_CDN_ZONE',
      'the Fastly service id, Cloudflare zone id or Bunny pull zone id',
      zone ?? '',
    );
  }
  const apiUrl = read(env, 'MASTHEAD_CDN_API_URL');
  return {
    provider: chosen,
    token,
    zone,
    apiUrl:
      apiUrl === undefined
        ? null
        : readUrl(env, 'MASTHEAD_CDN_API_URL', apiUrl, ['http:', 'https:']).replace(/\/+$/, ''),
  };
}

function readWebProcesses(env: Env): number {
  const name = 'MASTHEAD_WEB_PROCESSES';
  const raw = read(env, name);
  if (raw === undefined) return os.availableParallelism();
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    throw new ConfigError(name, 'a whole number from 1 to 256', raw);
  }
  return count;
}

function readStripe(env: Env): StripeConfig | null {
  const secretKey = read(env, 'MASTHEAD_STRIPE_SECRET_KEY');
  if (secretKey === undefined) return null;
  const webhookSecret = read(env, 'MASTHEAD_STRIPE_WEBHOOK_SECRET');
  if (webhookSecret === undefined) {
    throw new ConfigError(
      'MASTHEAD_STRIPE_WEBHOOK_SECRET',
      'set with MASTHEAD_STRIPE_SECRET_KEY (the whsec_… signing secret of the webhook endpoint)',
      '',
    );
  }
  const apiUrl = read(env, 'MASTHEAD_STRIPE_API_URL');
  return {
    secretKey,
    webhookSecret,
    apiUrl:
      apiUrl === undefined
        ? null
        : readUrl(env, 'MASTHEAD_STRIPE_API_URL', apiUrl, ['http:', 'https:']).replace(/\/+$/, ''),
  };
}

function readPaymentMethods(env: Env): readonly PaymentMethod[] {
  const name = 'MASTHEAD_PAYMENT_METHODS';
  const raw = read(env, name) ?? 'visa,mastercard,amex';
  const items = raw
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  const known = items.filter((item): item is PaymentMethod =>
    (paymentMethods as readonly string[]).includes(item),
  );
  if (known.length !== items.length) {
    throw new ConfigError(name, `a comma-separated list of ${paymentMethods.join(', ')}`, raw);
  }
  return Object.freeze(known);
}

function readWholeNumber(env: Env, name: string, fallback: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new ConfigError(name, `a whole number from 0 to ${max}`, raw);
  }
  return Number(raw);
}

/**
 * Reads every MASTHEAD_* variable once, checks it, and returns a frozen object.
 * This is the only module that reads the environment.
 */
export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(read(env, 'MASTHEAD_DATA_DIR') ?? './data');
  const port = readPort(env, 'MASTHEAD_PORT', 2368);
  const siteUrl = readUrl(env, 'MASTHEAD_SITE_URL', `http://localhost:${port}`, [
    'http:',
    'https:',
  ]).replace(/\/+$/, '');
  const smtp = read(env, 'MASTHEAD_SMTP_URL');
  const mediaUrl = read(env, 'MASTHEAD_MEDIA_URL');
  return Object.freeze({
    host: read(env, 'MASTHEAD_HOST') ?? '127.0.0.1',
    port,
    siteUrl,
    databaseUrl: readDatabaseUrl(env, dataDir),
    dataDir,
    timezone: readTimezone(env),
    role: readChoice(env, 'MASTHEAD_ROLE', ['web', 'worker', 'all'] as const, 'all'),
    smtpUrl:
      smtp === undefined ? null : readUrl(env, 'MASTHEAD_SMTP_URL', smtp, ['smtp:', 'smtps:']),
    mailFrom: readMailFrom(env),
    demo: readBoolean(env, 'MASTHEAD_DEMO', true),
    connectionFront: readBoolean(env, 'MASTHEAD_CONNECTION_FRONT', true),
    logLevel: readChoice(
      env,
      'MASTHEAD_LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    trustProxy: readTrustProxy(env),
    storage: readStorage(env),
    mediaUrl:
      mediaUrl === undefined
        ? null
        : readUrl(env, 'MASTHEAD_MEDIA_URL', mediaUrl, ['http:', 'https:']).replace(/\/+$/, ''),
    cdn: readCdn(env),
    metricsToken: read(env, 'MASTHEAD_METRICS_TOKEN') ?? null,
    webProcesses: readWebProcesses(env),
    pageCacheMegabytes: readCount(env, 'MASTHEAD_PAGE_CACHE_MB', 256, 0, 65_536),
    tts: readTtsConfig(env),
    stripe: readStripe(env),
    paymentMethods: readPaymentMethods(env),
    paymentGraceDays: readWholeNumber(env, 'MASTHEAD_PAYMENT_GRACE_DAYS', 7, 60),
    newsletterRate: readCount(env, 'MASTHEAD_NEWSLETTER_RATE', 0, 0, 100_000),
    smtpPool: readCount(env, 'MASTHEAD_SMTP_POOL', 5, 1, 100),
    postmarkWebhookAuth: read(env, 'MASTHEAD_POSTMARK_WEBHOOK_AUTH') ?? null,
    sesTopicArns: (read(env, 'MASTHEAD_SES_TOPIC_ARNS') ?? '')
      .split(',')
      .map((arn) => arn.trim())
      .filter((arn) => arn !== ''),
  });
}

import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEVELOPMENT_DATA_KEY } from './platform/crypto/data-protection.js';
import { DEFAULT_OIDC_SCOPES, IDENTITY_FIELDS, parseClaimMapping, type ClaimMapping } from './modules/citizens/oidc/claims.js';

/**
 * Every setting, validated once at start-up. A wrong value stops the process with a message that
 * names the setting (STYLE: configuration read lazily lets a typo surface in production).
 */
const port = z.coerce.number().int().min(0).max(65_535);

const settingsSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // Read replicas (src/platform/db/replicas.ts): one or more, comma-separated; only beside DATABASE_URL.
  DATABASE_REPLICA_URL: z.string().optional().refine((v) => !v || splitList(v).every((u) => /^postgres(ql)?:\/\//.test(u)), {
    message: 'must be one or more postgres:// or postgresql:// URLs separated by commas',
  }),
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  MOTCUA_DATA_DIR: z.string().min(1).default('./data'),
  MOTCUA_ENV: z.enum(['development', 'production', 'test']).default('development'),
  MOTCUA_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  MOTCUA_PUBLIC_URL: z.url().optional(),
  MOTCUA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MOTCUA_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  MOTCUA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  MOTCUA_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  MOTCUA_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  MOTCUA_LOGIN_RATE_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(10),
  MOTCUA_LOOKUP_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  MOTCUA_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  MOTCUA_RATING_CODE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  MOTCUA_RATING_WRONG_CODES_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  MOTCUA_TRUSTED_PROXIES: z.string().optional().refine((v) => !v || splitList(v).every(isProxyAddress), {
    message: 'must be a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16) or loopback',
  }),
  MOTCUA_CHAIN_KEY: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  MOTCUA_SECURITY_CONTACT: z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+|tel:\+?[0-9 ()-]+)$/, 'must be a mailto:, https: or tel: address (RFC 9116 Contact), e.g. mailto:attt@stttt.laichau.gov.vn').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  MOTCUA_DATA_KEY: z.string().refine(isDataKey, 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)').optional(),
  // Online payment (docs/PAYMENTS.md). Unset outside production: the local gateway serves the demo.
  MOTCUA_PAYMENT_URL: z.url().optional(),
  MOTCUA_PAYMENT_QUERY_URL: z.url().optional(),
  MOTCUA_PAYMENT_MERCHANT_CODE: z.string().regex(/^[A-Za-z0-9]{1,20}$/, 'must be the merchant (terminal) code the gateway issued: letters and digits, e.g. MOTCUA01').optional(),
  MOTCUA_PAYMENT_SECRET: z.string().min(16, 'must be the secret the gateway issued (at least 16 characters)').optional(),
  MOTCUA_LOCAL_GATEWAY_PORT: port.optional(),
  MOTCUA_DATA_KEY_PREVIOUS: z.string().refine((v) => v.split(',').every((k) => isDataKey(k.trim())), 'must be one or more 32-byte keys in base64, separated by commas').optional(),
  // Citizen sign-in with e-ID (OpenID Connect, docs/EID.md). Unset issuer outside production: the local demo provider.
  MOTCUA_OIDC_ISSUER: z.url().optional(),
  MOTCUA_OIDC_CLIENT_ID: z.string().min(1).max(255).optional(),
  MOTCUA_OIDC_CLIENT_SECRET: z.string().min(1).max(1000).optional(),
  MOTCUA_OIDC_SCOPES: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'must be scopes separated by single spaces, e.g. "openid profile phone"')
    .refine((v) => v.split(' ').includes('openid'), 'must include "openid"').default(DEFAULT_OIDC_SCOPES),
  MOTCUA_OIDC_CLAIMS: z.string().optional().refine((v) => v === undefined || parseClaimMapping(v) !== null, {
    message: `must be field=claim pairs separated by commas, fields among ${IDENTITY_FIELDS.join(', ')} (e.g. idNumber=citizen_id,phone=phone_number)`,
  }),
  MOTCUA_DEMO_EID_PORT: port.optional(),
});

function isDataKey(v: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(v.trim()) && Buffer.from(v.trim(), 'base64').length === 32;
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Read replicas of DATABASE_URL's server; empty on the embedded database (see `notes`). */
  replicaUrls: string[];
  /** A replica further behind the primary than this is not read from. */
  replicaMaxLagMs: number;
  /** Settings given but ignored, said once at start (main.ts). */
  notes: string[];
  dataDir: string;
  env: 'development' | 'production' | 'test';
  demo: 'auto' | 'on' | 'off';
  publicUrl: string;
  logLevel: string;
  sessionHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRatePerMinute: number;
  /** Sign-in attempts per username per minute, whatever address they come from. */
  loginRatePerAccount: number;
  /** Public dossier lookups per client address per minute (raised only to benchmark the lookup itself). */
  lookupRatePerMinute: number;
  /** A session unused for this long ends, even before `sessionHours`. */
  sessionIdleMinutes: number;
  /** Satisfaction (modules/satisfaction): a kiosk code works until this many days after the result is returned. */
  ratingCodeDays: number;
  /** Wrong kiosk codes an address may send per minute before it is refused (429) for the rest of the minute. */
  ratingWrongCodesPerMinute: number;
  /** Reverse proxies whose X-Forwarded-For is believed; empty: the socket's address is the client's. */
  trustedProxies: string[];
  smtpUrl: string | undefined;
  /** Where vulnerabilities are reported (/.well-known/security.txt); unset: no security.txt is served. */
  securityContact: string | undefined;
  /** Signs each dossier's event chain (dossiers/rules/hash-chain.ts); a fixed, public key outside production. */
  chainKey: string;
  /** Encryption at rest of ID numbers and uploaded files (platform/crypto/data-protection.ts). */
  dataKey: Buffer;
  /** Older keys, for reading data sealed before a rotation until `npx motcua rotate-data-key` has run. */
  previousDataKeys: Buffer[];
  /** Online payment; null when it is off (production without a gateway configured). */
  payments: PaymentSettings | null;
  /**
   * The e-ID provider citizens sign in with (OpenID Connect); undefined: none configured, and then
   * outside production `npm start` runs the local demo provider (demoEidPort) and fills this in.
   */
  oidc: OidcSettings | undefined;
  /** Port of the local demo e-ID provider; undefined: PORT+2 (or any free port when that is taken). */
  demoEidPort: number | undefined;
  version: string;
};

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  claims: ClaimMapping;
};

/**
 * The gateway the app pays through. `localGateway` is set only outside production when no gateway is
 * configured: `npm start` then runs the local gateway (modules/payments/local-gateway) on that port.
 */
export type PaymentSettings = {
  provider: 'vnpay';
  merchantCode: string;
  secret: string;
  payUrl: string;
  queryUrl: string;
  localGateway: { port: number } | null;
};

/** The demo merchant's code and secret, shared with the local gateway. Public: production refuses it. */
export const DEMO_PAYMENT_MERCHANT = 'MOTCUA01';
export const DEMO_PAYMENT_SECRET = 'motcua-demo-payment-secret-public-do-not-use';

/**
 * The chain key of development, tests and the demo. It is public (it is here), so it proves nothing
 * there; production refuses to start without its own MOTCUA_CHAIN_KEY.
 */
export const DEMO_CHAIN_KEY = 'motcua-demo-chain-key-public-do-not-use-in-production';

export class ConfigError extends Error {}

type Interfaces = ReturnType<typeof networkInterfaces>;

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[?::1\]?|0\.0\.0\.0|\[?::\]?)$/i;

/** True for an address only this machine can open (a QR code on paper must never carry one). */
export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK.test(new URL(url).hostname);
}

/**
 * The address printed in QR codes when MOTCUA_PUBLIC_URL is not set (development and the demo only):
 * the one a phone on the same network can open — the listening address if it is a specific one, else
 * the machine's first network (IPv4) address. `localhost` only when nothing else reaches the server.
 */
export function defaultPublicUrl(host: string, port: number, interfaces: Interfaces): string {
  const listening = host.replace(/^\[|\]$/g, '');
  if (!LOOPBACK.test(listening)) return `http://${listening.includes(':') ? `[${listening}]` : listening}:${port}`;
  if (listening === '0.0.0.0' || listening === '::') {
    const lan = Object.values(interfaces).flat().find((i): i is NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal);
    if (lan) return `http://${lan.address}:${port}`;
  }
  return `http://localhost:${port}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.0.0', interfaces: Interfaces = networkInterfaces()): Config {
  const parsed = settingsSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  if (s.MOTCUA_ENV === 'production' && (!s.MOTCUA_PUBLIC_URL || isLoopbackUrl(s.MOTCUA_PUBLIC_URL))) {
    throw new ConfigError(
      'Cấu hình không hợp lệ / invalid configuration:\n  MOTCUA_PUBLIC_URL: ở chế độ production phải là địa chỉ công khai của cổng (vd. https://dichvucong.example.gov.vn), không phải localhost: mã QR trên thẻ, phiếu và bản niêm yết dẫn đến địa chỉ này / in production it must be the public address of the site, not localhost: QR codes on badges, slips and posting sheets lead there',
    );
  }
  if (s.MOTCUA_ENV === 'production' && !s.MOTCUA_CHAIN_KEY) {
    throw new ConfigError(
      'Cấu hình không hợp lệ / invalid configuration:\n  MOTCUA_CHAIN_KEY: ở chế độ production phải đặt khóa bí mật (ít nhất 32 ký tự, vd. `openssl rand -hex 32`) để ký chuỗi lịch sử hồ sơ; giữ khóa ngoài cơ sở dữ liệu và sao lưu riêng / in production set a secret key (at least 32 characters) that signs the dossier history chains; keep it outside the database and back it up separately',
    );
  }
  if (s.MOTCUA_ENV === 'production' && (!s.MOTCUA_DATA_KEY || Buffer.from(s.MOTCUA_DATA_KEY, 'base64').equals(DEVELOPMENT_DATA_KEY))) {
    throw new ConfigError(
      'Cấu hình không hợp lệ / invalid configuration:\n  MOTCUA_DATA_KEY: ở chế độ production phải đặt khóa mã hóa dữ liệu cá nhân (32 byte, base64, vd. `openssl rand -base64 32`) và giữ bí mật; mất khóa là mất số định danh và bản quét giấy tờ đã mã hóa / in production set the personal-data encryption key (32 bytes, base64) and keep it secret; losing it loses the encrypted ID numbers and scans',
    );
  }
  const payments = paymentSettings(s, interfaces);
  const oidc = oidcSettings(s);
  return {
    port: s.PORT,
    host: s.HOST,
    databaseUrl: s.DATABASE_URL,
    replicaUrls: s.DATABASE_URL && s.DATABASE_REPLICA_URL ? splitList(s.DATABASE_REPLICA_URL) : [],
    replicaMaxLagMs: s.DATABASE_REPLICA_MAX_LAG_SECONDS * 1000,
    notes: !s.DATABASE_URL && s.DATABASE_REPLICA_URL
      ? ['DATABASE_REPLICA_URL bỏ qua: CSDL nhúng (PGlite) không có bản sao; đặt DATABASE_URL để dùng PostgreSQL / ignored: the embedded database (PGlite) has no replicas; set DATABASE_URL to use PostgreSQL']
      : [],
    dataDir: resolve(s.MOTCUA_DATA_DIR),
    env: s.MOTCUA_ENV,
    demo: s.MOTCUA_DEMO,
    publicUrl: (s.MOTCUA_PUBLIC_URL ?? defaultPublicUrl(s.HOST, s.PORT, interfaces)).replace(/\/$/, ''),
    logLevel: s.MOTCUA_LOG_LEVEL,
    sessionHours: s.MOTCUA_SESSION_HOURS,
    loginMaxFailures: s.MOTCUA_LOGIN_MAX_FAILURES,
    lockoutMinutes: s.MOTCUA_LOCKOUT_MINUTES,
    loginRatePerMinute: s.MOTCUA_LOGIN_RATE_PER_MINUTE,
    loginRatePerAccount: s.MOTCUA_LOGIN_RATE_PER_ACCOUNT,
    lookupRatePerMinute: s.MOTCUA_LOOKUP_RATE_PER_MINUTE,
    sessionIdleMinutes: s.MOTCUA_SESSION_IDLE_MINUTES,
    ratingCodeDays: s.MOTCUA_RATING_CODE_DAYS,
    ratingWrongCodesPerMinute: s.MOTCUA_RATING_WRONG_CODES_PER_MINUTE,
    trustedProxies: s.MOTCUA_TRUSTED_PROXIES ? splitList(s.MOTCUA_TRUSTED_PROXIES) : [],
    smtpUrl: s.SMTP_URL,
    securityContact: s.MOTCUA_SECURITY_CONTACT,
    chainKey: s.MOTCUA_CHAIN_KEY ?? DEMO_CHAIN_KEY,
    dataKey: s.MOTCUA_DATA_KEY ? Buffer.from(s.MOTCUA_DATA_KEY.trim(), 'base64') : DEVELOPMENT_DATA_KEY,
    previousDataKeys: s.MOTCUA_DATA_KEY_PREVIOUS ? s.MOTCUA_DATA_KEY_PREVIOUS.split(',').map((k) => Buffer.from(k.trim(), 'base64')) : [],
    payments,
    oidc,
    demoEidPort: s.MOTCUA_DEMO_EID_PORT,
    version,
  };
}

type Settings = z.infer<typeof settingsSchema>;

function paymentSettings(s: Settings, interfaces: Interfaces): PaymentSettings | null {
  const invalid = (setting: string, vi: string, en: string) => new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n  ${setting}: ${vi} / ${en}`);
  if (s.MOTCUA_PAYMENT_URL) {
    if (!s.MOTCUA_PAYMENT_QUERY_URL) throw invalid('MOTCUA_PAYMENT_QUERY_URL', 'phải đặt địa chỉ API truy vấn giao dịch của cổng thanh toán (dùng để đối soát)', 'set the gateway\'s transaction query API address (used for reconciliation)');
    if (!s.MOTCUA_PAYMENT_MERCHANT_CODE) throw invalid('MOTCUA_PAYMENT_MERCHANT_CODE', 'phải đặt mã đơn vị chấp nhận thanh toán do cổng thanh toán cấp', 'set the merchant code the gateway issued');
    if (!s.MOTCUA_PAYMENT_SECRET) throw invalid('MOTCUA_PAYMENT_SECRET', 'phải đặt khóa bí mật do cổng thanh toán cấp', 'set the secret the gateway issued');
    if (s.MOTCUA_ENV === 'production' && s.MOTCUA_PAYMENT_SECRET === DEMO_PAYMENT_SECRET) {
      throw invalid('MOTCUA_PAYMENT_SECRET', 'ở chế độ production không được dùng khóa mẫu (công khai); đặt khóa do cổng thanh toán cấp', 'in production the public demo secret is refused; set the secret the gateway issued');
    }
    return { provider: 'vnpay', merchantCode: s.MOTCUA_PAYMENT_MERCHANT_CODE, secret: s.MOTCUA_PAYMENT_SECRET, payUrl: s.MOTCUA_PAYMENT_URL, queryUrl: s.MOTCUA_PAYMENT_QUERY_URL, localGateway: null };
  }
  // Production never runs the local gateway: without a configured gateway, online payment is off.
  if (s.MOTCUA_ENV === 'production') return null;
  const gatewayPort = s.MOTCUA_LOCAL_GATEWAY_PORT ?? (s.PORT === 0 ? 0 : s.PORT + 1);
  // The browser opens the payment page: at the address the app is reached at, on the gateway's port.
  const browserBase = new URL(s.MOTCUA_PUBLIC_URL ?? defaultPublicUrl(s.HOST, s.PORT, interfaces));
  browserBase.port = String(gatewayPort);
  return {
    provider: 'vnpay', merchantCode: s.MOTCUA_PAYMENT_MERCHANT_CODE ?? DEMO_PAYMENT_MERCHANT, secret: s.MOTCUA_PAYMENT_SECRET ?? DEMO_PAYMENT_SECRET,
    payUrl: `${browserBase.origin}/paymentv2/vpcpay.html`, queryUrl: `http://127.0.0.1:${gatewayPort}/merchant_webapi/api/transaction`,
    localGateway: { port: gatewayPort },
  };
}

function oidcSettings(s: z.infer<typeof settingsSchema>): OidcSettings | undefined {
  const invalid = (line: string) => new ConfigError(`Cấu hình không hợp lệ / invalid configuration:\n  ${line}`);
  if (!s.MOTCUA_OIDC_ISSUER) {
    if (s.MOTCUA_OIDC_CLIENT_ID || s.MOTCUA_OIDC_CLIENT_SECRET) throw invalid('MOTCUA_OIDC_ISSUER: cần đặt địa chỉ nhà cung cấp định danh khi đã đặt MOTCUA_OIDC_CLIENT_ID / set the identity provider\'s issuer URL when a client id is set');
    return undefined;
  }
  if (!s.MOTCUA_OIDC_CLIENT_ID || !s.MOTCUA_OIDC_CLIENT_SECRET) {
    throw invalid('MOTCUA_OIDC_CLIENT_ID, MOTCUA_OIDC_CLIENT_SECRET: phải đặt cả hai (do nhà cung cấp định danh cấp khi đăng ký cổng) / both are required with MOTCUA_OIDC_ISSUER (issued when the portal is registered with the provider)');
  }
  if (s.MOTCUA_ENV === 'production' && !s.MOTCUA_OIDC_ISSUER.startsWith('https://')) {
    throw invalid('MOTCUA_OIDC_ISSUER: ở chế độ production phải là địa chỉ https:// / in production it must be an https:// address');
  }
  return {
    issuer: s.MOTCUA_OIDC_ISSUER,
    clientId: s.MOTCUA_OIDC_CLIENT_ID,
    clientSecret: s.MOTCUA_OIDC_CLIENT_SECRET,
    scopes: s.MOTCUA_OIDC_SCOPES,
    claims: parseClaimMapping(s.MOTCUA_OIDC_CLAIMS ?? '')!,
  };
}

function splitList(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

/** An address or CIDR range as proxy-addr (Fastify's trustProxy) reads it, or its `loopback` keyword. */
function isProxyAddress(value: string): boolean {
  if (value === 'loopback') return true;
  const [address, bits, extra] = value.split('/');
  const version = isIP(address ?? '');
  if (!version || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/** An exported-but-empty variable (`PORT=`) means "use the default", as shells make that easy to do by accident. */
function emptyToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) out[k] = v === '' ? undefined : v;
  return out;
}

/**
 * Runtime configuration, read from environment variables and validated once at start-up.
 *
 * | variable                                  | meaning                                        | default  |
 * |-------------------------------------------|------------------------------------------------|----------|
 * | `KINERJA_DATABASE_URL` (or `DATABASE_URL`)| a PostgreSQL URL; unset = embedded PGlite      | unset    |
 * | `KINERJA_DATA_DIR`                        | where the embedded database and files live (relative: to the directory the command is started in) | `data` in Kinerja's install directory (next to package.json) |
 * | `PORT`                                    | the web server's TCP port                      | `3000`   |
 * | `KINERJA_MAX_DATASET_MB`                  | largest dataset upload accepted, in MiB        | `32`     |
 * | `KINERJA_HOST`                            | the address the web server listens on          | `127.0.0.1` |
 * | `KINERJA_PUBLIC_URL`                      | the address users reach the server at (its origin is trusted for CSRF; https makes cookies Secure) | `http://localhost:<PORT>` |
 * | `KINERJA_TRUSTED_ORIGINS`                 | more origins allowed to send changes, comma-separated | none |
 * | `KINERJA_ALLOWED_HOSTS`                   | more names the server answers to (`host` or `host:port`, comma-separated) besides the public URL's; without `KINERJA_PUBLIC_URL` the loopback names on `PORT` | none |
 * | `KINERJA_AUTH_SECRET`                     | the secret sessions are signed with (≥ 32 characters); required in production | generated once into `<dataDir>/auth-secret` |
 * | `KINERJA_DEMO`                            | `1`: load the demo agency and its accounts on first start; `0`: do not | `1`, but `0` in production |
 * | `KINERJA_TODAY`                           | tests and demonstrations only: the day the server takes as today (`2025-10-22`; the time of day runs on), for due and overdue work; refused in production | unset (the clock) |
 * | `KINERJA_TRUST_PROXY`                     | `1`: take the client address from `X-Forwarded-For` (behind a reverse proxy) | `0` |
 * | `NODE_ENV`                                | `production` turns on production mode          | unset    |
 *
 * An empty variable counts as unset (shells and `.env` files often leave `X=` behind).
 * `KINERJA_DATABASE_URL` wins over `DATABASE_URL` when both are set.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The default data directory: `data` next to Kinerja's package.json, wherever a command is run
 * from (a command run in `docs/` must not create a second, empty database there).
 */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

export interface Config {
  /** PostgreSQL connection string; absent = the embedded PGlite database under `dataDir`. */
  databaseUrl?: string;
  /** absolute: {@link DEFAULT_DATA_DIR}, or `KINERJA_DATA_DIR` resolved against the start directory */
  dataDir: string;
  port: number;
  /** `KINERJA_MAX_DATASET_MB` × 1 048 576, rounded down. */
  maxDatasetBytes: number;
  host: string;
  /** the address users reach the server at, without a trailing slash */
  publicUrl: string;
  /** origins (scheme://host:port) allowed to send changes besides `publicUrl`'s */
  trustedOrigins: string[];
  /** Host values accepted besides `publicUrl`'s (`host[:port]`, lower case) */
  allowedHosts: string[];
  /** `KINERJA_PUBLIC_URL` unset (development): Host localhost, 127.0.0.1, [::1] on the server's port is accepted */
  loopbackHosts: boolean;
  /** absent = generated once and kept in `<dataDir>/auth-secret` (never in production) */
  authSecret?: string;
  /** load the demo agency and seed its accounts on first start */
  demo: boolean;
  production: boolean;
  trustProxy: boolean;
  /** `KINERJA_TODAY`: a fixed day taken as today (tests, demonstrations; never in production) */
  today?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const DatabaseUrl = z.preprocess(
  unsetIfEmpty,
  z
    .string()
    .trim()
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'postgres:' || u.protocol === 'postgresql:';
      } catch {
        return false;
      }
    }, 'expected a PostgreSQL URL such as postgres://user@host:5432/database')
    .optional(),
);

const Flag = () =>
  z.preprocess(
    unsetIfEmpty,
    z
      .enum(['0', '1', 'true', 'false'], { message: `expected 1 or 0` })
      .transform((v) => v === '1' || v === 'true')
      .optional(),
  );

const Origin = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s.replace(/\/$/, '');
  } catch {
    return false;
  }
}, 'expected an origin such as https://kinerja.example.go.id (scheme, host and port only)');

/** `host` or `host:port`: a name or an address (IPv6 in brackets), nothing else. */
const HostName = z
  .string()
  .transform((s) => s.toLowerCase())
  .refine((s) => {
    if (/[/\\?#@\s]/.test(s)) return false;
    try {
      return new URL(`http://${s}`).host === s.replace(/:80$/, '');
    } catch {
      return false;
    }
  }, 'expected host names such as kinerja.example.go.id or 10.0.0.5:3000 (a name or an address and an optional port: no scheme, no path)');

const EnvSchema = z.object({
  databaseUrl: DatabaseUrl,
  dataDir: z.preprocess(unsetIfEmpty, z.string().optional()),
  port: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'expected a whole number between 1 and 65535')
      .transform(Number)
      .pipe(z.number().int().min(1, 'expected a whole number between 1 and 65535').max(65535, 'expected a whole number between 1 and 65535'))
      .default(3000),
  ),
  maxDatasetMb: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, 'expected a positive number of megabytes such as 32')
      .transform(Number)
      .pipe(z.number().positive('expected a positive number of megabytes such as 32'))
      .default(32),
  ),
  host: z.preprocess(unsetIfEmpty, z.string().trim().default('127.0.0.1')),
  publicUrl: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .refine((s) => {
        try {
          const u = new URL(s);
          return u.protocol === 'http:' || u.protocol === 'https:';
        } catch {
          return false;
        }
      }, 'expected an http or https URL such as https://kinerja.example.go.id')
      .transform((s) => s.replace(/\/+$/, ''))
      .optional(),
  ),
  trustedOrigins: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
      .pipe(z.array(Origin))
      .default([]),
  ),
  allowedHosts: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
      .pipe(z.array(HostName))
      .default([]),
  ),
  authSecret: z.preprocess(unsetIfEmpty, z.string().min(32, 'expected at least 32 characters (for example `openssl rand -hex 32`)').optional()),
  demo: Flag(),
  trustProxy: Flag(),
  today: z.preprocess(unsetIfEmpty, z.iso.date({ message: 'expected a date as YYYY-MM-DD' }).optional()),
  nodeEnv: z.preprocess(unsetIfEmpty, z.string().optional()),
});

/** The variable each config key is read from, for messages. */
const VARIABLE: Record<keyof z.input<typeof EnvSchema>, string> = {
  databaseUrl: 'KINERJA_DATABASE_URL',
  dataDir: 'KINERJA_DATA_DIR',
  port: 'PORT',
  maxDatasetMb: 'KINERJA_MAX_DATASET_MB',
  host: 'KINERJA_HOST',
  publicUrl: 'KINERJA_PUBLIC_URL',
  trustedOrigins: 'KINERJA_TRUSTED_ORIGINS',
  allowedHosts: 'KINERJA_ALLOWED_HOSTS',
  authSecret: 'KINERJA_AUTH_SECRET',
  demo: 'KINERJA_DEMO',
  trustProxy: 'KINERJA_TRUST_PROXY',
  today: 'KINERJA_TODAY',
  nodeEnv: 'NODE_ENV',
};

/**
 * Read and validate the configuration; throws {@link ConfigError} naming every bad variable.
 * `cwd` is the directory the command was started in: a relative `KINERJA_DATA_DIR` is taken from it.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const urlVariable = unsetIfEmpty(env.KINERJA_DATABASE_URL) !== undefined ? 'KINERJA_DATABASE_URL' : 'DATABASE_URL';
  const raw = {
    databaseUrl: env[urlVariable],
    dataDir: env.KINERJA_DATA_DIR,
    port: env.PORT,
    maxDatasetMb: env.KINERJA_MAX_DATASET_MB,
    host: env.KINERJA_HOST,
    publicUrl: env.KINERJA_PUBLIC_URL,
    trustedOrigins: env.KINERJA_TRUSTED_ORIGINS,
    allowedHosts: env.KINERJA_ALLOWED_HOSTS,
    authSecret: env.KINERJA_AUTH_SECRET,
    demo: env.KINERJA_DEMO,
    trustProxy: env.KINERJA_TRUST_PROXY,
    today: env.KINERJA_TODAY,
    nodeEnv: env.NODE_ENV,
  };
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path[0] as keyof typeof VARIABLE;
      const variable = key === 'databaseUrl' ? urlVariable : VARIABLE[key];
      const got = key === 'authSecret' ? '(hidden)' : JSON.stringify(raw[key]);
      return `${variable}: ${issue.message}, got ${got}`;
    });
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  const production = c.nodeEnv === 'production';
  const problems: string[] = [];
  if (production && c.demo === true) {
    problems.push('KINERJA_DEMO: the demo accounts (with a published password) are never created in production (NODE_ENV=production); expected 0 or unset');
  }
  if (production && c.authSecret === undefined) {
    problems.push('KINERJA_AUTH_SECRET: required in production (NODE_ENV=production): at least 32 random characters, for example `openssl rand -hex 32`');
  }
  if (production && c.today !== undefined) {
    problems.push('KINERJA_TODAY: a fixed day is for tests and demonstrations; the server in production (NODE_ENV=production) runs on the clock; expected it unset');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const config: Config = {
    dataDir: c.dataDir === undefined ? DEFAULT_DATA_DIR : resolve(cwd, c.dataDir),
    port: c.port,
    maxDatasetBytes: Math.floor(c.maxDatasetMb * 1024 * 1024),
    host: c.host,
    publicUrl: c.publicUrl ?? `http://localhost:${c.port}`,
    trustedOrigins: c.trustedOrigins.map((o) => o.replace(/\/$/, '')),
    allowedHosts: c.allowedHosts,
    loopbackHosts: c.publicUrl === undefined,
    demo: c.demo ?? !production,
    production,
    trustProxy: c.trustProxy ?? false,
  };
  if (c.databaseUrl !== undefined) config.databaseUrl = c.databaseUrl;
  if (c.authSecret !== undefined) config.authSecret = c.authSecret;
  if (c.today !== undefined) config.today = c.today;
  return config;
}

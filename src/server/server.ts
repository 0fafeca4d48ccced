/** Assembling the server's dependencies from an open store. */
import type pg from 'pg';
import { createAuth } from './auth.js';
import { AgencyCache } from './commands/store.js';
import type { ServerDeps, ServerSettings } from './deps.js';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './rate-limit.js';

export interface DepsOptions {
  pool: pg.Pool;
  secret: string;
  settings: ServerSettings;
  now?: () => Date;
  loginLimits?: LoginLimits;
  checkResponses?: boolean;
}

export function createDeps(o: DepsOptions): ServerDeps {
  const now = o.now ?? (() => new Date());
  return {
    pool: o.pool,
    auth: createAuth({ pool: o.pool, secret: o.secret, baseURL: o.settings.publicUrl, trustedOrigins: o.settings.trustedOrigins }),
    cache: new AgencyCache(o.pool),
    settings: o.settings,
    secret: o.secret,
    limiter: new LoginLimiter(o.loginLimits ?? DEFAULT_LOGIN_LIMITS, () => now().getTime()),
    now,
    checkResponses: o.checkResponses ?? false,
  };
}

/** Assembling the server's dependencies from an open store. */
import type pg from 'pg';
import { createAuth } from './auth.js';
import { AgencyCache } from './commands/store.js';
import type { ServerDeps, ServerSettings, SharedPdfRenderer } from './deps.js';
import { createPdfRenderer, type PdfRenderer } from '../report/pdf.js';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './rate-limit.js';

export interface DepsOptions {
  pool: pg.Pool;
  secret: string;
  settings: ServerSettings;
  now?: () => Date;
  loginLimits?: LoginLimits;
  checkResponses?: boolean;
  /** how the PDF renderer is made (default: Debian's Chromium, `createPdfRenderer()`) */
  createPdf?: () => PdfRenderer;
}

export function sharedPdfRenderer(create: () => PdfRenderer = () => createPdfRenderer()): SharedPdfRenderer {
  let renderer: PdfRenderer | undefined;
  return {
    get: () => (renderer ??= create()),
    async close() {
      const r = renderer;
      renderer = undefined;
      await r?.close();
    },
  };
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
    pdf: sharedPdfRenderer(o.createPdf),
    checkResponses: o.checkResponses ?? false,
  };
}

/**
 * A clock on a fixed day (`KINERJA_TODAY`, tests and demonstrations; refused in production by the
 * configuration): the day given, the time of day the machine's, so timestamps still move.
 */
export function fixedDay(day: string, clock: () => Date = () => new Date()): () => Date {
  const base = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(base)) throw new RangeError(`expected a date as YYYY-MM-DD, got "${day}"`);
  return () => new Date(base + (clock().getTime() % 86_400_000));
}

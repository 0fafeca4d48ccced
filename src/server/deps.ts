/** What the server's routes are given: the store, accounts, settings and the clock. */
import type pg from 'pg';
import type { Auth } from './auth.js';
import type { AgencyCache } from './commands/store.js';
import type { LoginLimiter } from './rate-limit.js';
import type { PdfRenderer } from '../report/pdf.js';

export interface ServerSettings {
  /** evidence files live under `<dataDir>/evidence` */
  dataDir: string;
  maxDatasetBytes: number;
  /** the address users reach the server at: its host is the one Host accepted (hosts.ts), its origin may send changes */
  publicUrl: string;
  /** origins allowed to send changes besides the public URL's */
  trustedOrigins: string[];
  /** more Host values accepted (`host[:port]`, KINERJA_ALLOWED_HOSTS); their origins are not trusted by that */
  allowedHosts?: string[];
  /** no public URL configured (development): Host localhost, 127.0.0.1 or [::1] on the port the request came in on is accepted, and its origin may send changes */
  loopbackHosts?: boolean;
  /** take the client address from X-Forwarded-For */
  trustProxy: boolean;
  /** where the built front end is (served at `/` when it exists) */
  webDist?: string;
}

export interface ServerDeps {
  pool: pg.Pool;
  auth: Auth;
  cache: AgencyCache;
  settings: ServerSettings;
  /** signs CSRF tokens (the same secret as sessions) */
  secret: string;
  limiter: LoginLimiter;
  /** today, for overdue recommendations and timestamps */
  now: () => Date;
  /** the server's one PDF renderer (one Chromium, started at the first PDF, closed when the server stops) */
  pdf: SharedPdfRenderer;
  /** check every JSON response against its route's schema (tests) */
  checkResponses: boolean;
}

/** One PDF renderer for the server's lifetime, created when first asked for. */
export interface SharedPdfRenderer {
  get(): PdfRenderer;
  /** closes the browser, if one was started; a later `get()` opens a new renderer */
  close(): Promise<void>;
}

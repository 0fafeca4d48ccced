/**
 * Sessions: CSRF token, sign-in (rate limited), sign-out, sign-out everywhere, the current
 * session, a new password. better-auth does the work (auth.ts); these routes put it behind
 * Kinerja's CSRF check, rate limit and route table.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { endSessions, forgetSession, sessionUser, setPassword } from '../auth.js';
import { ensureCsrfCookie } from '../csrf.js';
import type { ServerDeps } from '../deps.js';
import { HttpError, text as t } from '../errors.js';
import { defineRoute } from '../route.js';
import { named, Ok, UserSchema } from '../schemas.js';
import { appendAudit } from '../commands/audit.js';
import { waitText } from '../rate-limit.js';

const secureCookies = (deps: ServerDeps) => deps.settings.publicUrl.startsWith('https:');

/**
 * The client's address: the socket's, or with `trustProxy` the last of X-Forwarded-For — the one
 * the reverse proxy appended; the entries before it are what the client sent, and anyone can send any.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** Copy the Set-Cookie headers of a better-auth response onto ours. */
function forwardCookies(c: Context, from: Response): void {
  for (const cookie of from.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
}

/** 429: the sign-in limits (rate-limit.ts) hold this attempt back; the wait in words and in Retry-After. */
function tooManyAttempts(seconds: number, where: string): HttpError {
  const wait = waitText(seconds);
  return new HttpError(
    429,
    'too-many-attempts',
    t(`too many failed sign-in attempts; try again in ${wait.en}`, `terlalu banyak percobaan masuk yang gagal; coba lagi dalam ${wait.id}`),
    { where, headers: { 'retry-after': String(seconds) } },
  );
}

const SessionSchema = named(z.object({ user: UserSchema, csrfToken: z.string() }), 'Session');

export const csrf = defineRoute({
  id: 'auth.csrf',
  method: 'get',
  path: '/api/auth/csrf',
  tag: 'auth',
  summary: 'A CSRF token: set as the kinerja.csrf cookie and returned; send it as X-CSRF-Token with every change',
  auth: 'public',
  response: named(z.object({ csrfToken: z.string() }), 'CsrfToken'),
  async handler({ deps, c }) {
    return { csrfToken: ensureCsrfCookie(c, deps.secret, secureCookies(deps)) };
  },
});

export const signIn = defineRoute({
  id: 'auth.signIn',
  method: 'post',
  path: '/api/auth/sign-in',
  tag: 'auth',
  summary: 'Sign in with login name and password; sets the HTTP-only session cookie',
  description:
    'Failed attempts are limited per login name and client address (growing waits), per address and per login name (src/server/README.md, "Sign-in limits"); an attempt held back is answered 429 with Retry-After, whatever the password.',
  auth: 'public',
  body: named(
    z.object({
      username: z.string().min(1).max(200).describe('login name, e.g. admin@demo'),
      password: z.string().min(1).max(200),
      rememberMe: z.boolean().optional().describe('false: the session ends with the browser'),
    }),
    'SignIn',
  ),
  response: SessionSchema,
  async handler({ deps, c, body }) {
    const login = body.username.trim().toLowerCase();
    // counted before the first await: concurrent attempts cannot all pass the limit
    const attempt = deps.limiter.begin(login, clientAddress(c, deps.settings.trustProxy));
    if (!attempt.ok) throw tooManyAttempts(attempt.retryAfter, 'body.username');
    const fail = () =>
      new HttpError(
        401,
        'invalid-credentials',
        t('wrong login name or password (or the account is disabled)', 'nama login atau kata sandi salah (atau akun dinonaktifkan)'),
        { where: 'body.password' },
      );
    const { rows } = await deps.pool.query<{ active: boolean }>('SELECT active FROM auth_user WHERE username = $1', [login]);
    if (rows[0]?.active === false) throw fail();
    const res = await deps.auth.api.signInUsername({
      body: { username: login, password: body.password, ...(body.rememberMe !== undefined ? { rememberMe: body.rememberMe } : {}) },
      headers: c.req.raw.headers,
      asResponse: true,
    });
    if (!res.ok) throw fail();
    attempt.succeeded();
    const cookieHeader = res.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
    const user = await sessionUser(deps.auth, new Headers({ cookie: cookieHeader }));
    if (!user) throw fail();
    forwardCookies(c, res);
    return { user, csrfToken: ensureCsrfCookie(c, deps.secret, secureCookies(deps)) };
  },
});

export const signOut = defineRoute({
  id: 'auth.signOut',
  method: 'post',
  path: '/api/auth/sign-out',
  tag: 'auth',
  summary: 'Sign out: end this session and clear its cookie',
  auth: 'user',
  response: Ok,
  async handler({ deps, c }) {
    forgetSession(deps.auth, c.req.raw.headers);
    const res = await deps.auth.api.signOut({ headers: c.req.raw.headers, asResponse: true });
    forwardCookies(c, res);
    return { ok: true as const };
  },
});

export const signOutEverywhere = defineRoute({
  id: 'auth.signOutEverywhere',
  method: 'post',
  path: '/api/auth/sign-out-everywhere',
  tag: 'auth',
  summary: "Sign out everywhere: end every session of the user's account",
  auth: 'user',
  response: Ok,
  async handler({ deps, c, user }) {
    await endSessions(deps.auth, user.id);
    const res = await deps.auth.api.signOut({ headers: c.req.raw.headers, asResponse: true });
    forwardCookies(c, res);
    return { ok: true as const };
  },
});

export const session = defineRoute({
  id: 'auth.session',
  method: 'get',
  path: '/api/auth/session',
  tag: 'auth',
  summary: 'The signed-in user and a CSRF token (401 without a session)',
  auth: 'user',
  response: SessionSchema,
  async handler({ deps, c, user }) {
    return { user, csrfToken: ensureCsrfCookie(c, deps.secret, secureCookies(deps)) };
  },
});

export const changePassword = defineRoute({
  id: 'auth.password',
  method: 'post',
  path: '/api/auth/password',
  tag: 'auth',
  summary: "Change one's own password (ends every session of the account, this one too: sign in again)",
  auth: 'user',
  body: named(z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(8).max(200) }), 'PasswordChange'),
  response: Ok,
  async handler({ deps, c, user, body }) {
    const attempt = deps.limiter.begin(user.username, clientAddress(c, deps.settings.trustProxy));
    if (!attempt.ok) throw tooManyAttempts(attempt.retryAfter, 'body.currentPassword');
    const check = await deps.auth.api.signInUsername({
      body: { username: user.username, password: body.currentPassword },
      headers: new Headers(),
      asResponse: true,
    });
    if (!check.ok) {
      throw new HttpError(403, 'invalid-credentials', t('the current password is wrong', 'kata sandi saat ini salah'), { where: 'body.currentPassword' });
    }
    attempt.succeeded();
    await setPassword(deps.auth, user.id, body.newPassword);
    await endSessions(deps.auth, user.id);
    await appendAudit(deps.pool, {
      actor: user,
      region: user.region,
      agencyId: user.agencyId,
      entity: 'account',
      key: user.id,
      action: 'password',
      before: null,
      after: null,
      note: 'password changed by its owner; every session ended',
    });
    return { ok: true as const };
  },
});

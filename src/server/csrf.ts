/**
 * CSRF protection for every state-changing request (POST, PUT, PATCH, DELETE) under /api:
 *
 * 1. Origin: a browser names the page that sent the request in `Origin`; it must be one of the
 *    configured origins (the public URL's, the trusted ones, in development the loopback ones:
 *    hosts.ts `allowedOrigins`), never one made from the request's Host, which a DNS-rebinding
 *    page chooses. Without `Origin`, `Sec-Fetch-Site: cross-site` is refused too.
 * 2. Token (signed double submit): `GET /api/auth/csrf` sets the cookie `kinerja.csrf`
 *    (readable by the page, SameSite=Strict) holding a random value and its HMAC under the
 *    server secret; the request must repeat that cookie's value in the `X-CSRF-Token`
 *    header. Another site can neither read the cookie nor forge a valid one.
 *
 * The session cookie itself is HTTP-only and SameSite=Lax (auth.ts).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { HttpError, text as t } from './errors.js';

export const CSRF_COOKIE = 'kinerja.csrf';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sign = (secret: string, value: string) => createHmac('sha256', secret).update(`csrf:${value}`).digest('base64url');

export function newCsrfToken(secret: string): string {
  const value = randomBytes(24).toString('base64url');
  return `${value}.${sign(secret, value)}`;
}

export function isValidCsrfToken(secret: string, token: string | undefined): boolean {
  if (!token) return false;
  const [value, mac] = token.split('.');
  if (!value || !mac) return false;
  const expected = Buffer.from(sign(secret, value));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The request's CSRF cookie when it is valid, else a new one set on the response. */
export function ensureCsrfCookie(c: Context, secret: string, secure: boolean): string {
  const current = getCookie(c, CSRF_COOKIE);
  if (current && isValidCsrfToken(secret, current)) return current;
  const token = newCsrfToken(secret);
  setCookie(c, CSRF_COOKIE, token, { path: '/', sameSite: 'Strict', secure, httpOnly: false, maxAge: 60 * 60 * 24 * 7 });
  return token;
}

export interface CsrfOptions {
  secret: string;
  /** the origins allowed to send changes (asked only for a change) */
  origins: () => readonly string[];
}

/** Throws 403 when an unsafe request lacks a matching origin or token. */
export function checkCsrf(c: Context, o: CsrfOptions): void {
  if (!UNSAFE.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    const origins = o.origins();
    if (!origins.includes(origin)) {
      const allowed = [...new Set(origins)].join(', ');
      throw new HttpError(
        403,
        'csrf-origin',
        t(
          `requests that change data are accepted from ${allowed} only, not from ${origin}`,
          `permintaan yang mengubah data hanya diterima dari ${allowed}, bukan dari ${origin}`,
        ),
        { where: 'headers.origin' },
      );
    }
  } else if (c.req.header('sec-fetch-site') === 'cross-site') {
    throw new HttpError(403, 'csrf-origin', t('a cross-site request may not change data', 'permintaan lintas situs tidak boleh mengubah data'), {
      where: 'headers.sec-fetch-site',
    });
  }
  const cookie = getCookie(c, CSRF_COOKIE);
  const header = c.req.header(CSRF_HEADER);
  if (!cookie || !header || cookie !== header || !isValidCsrfToken(o.secret, header)) {
    throw new HttpError(
      403,
      'csrf-token',
      t(
        `missing or wrong CSRF token: send the value of the ${CSRF_COOKIE} cookie (GET /api/auth/csrf sets it) in the X-CSRF-Token header`,
        `token CSRF tidak ada atau salah: kirim nilai cookie ${CSRF_COOKIE} (diatur oleh GET /api/auth/csrf) pada header X-CSRF-Token`,
      ),
      { where: `headers.${CSRF_HEADER}` },
    );
  }
}

/**
 * Accounts and sessions through better-auth, on the store's own pool and schema (its tables
 * come from migration 0003_web.sql; the field names below map its model to those columns).
 *
 * - Passwords are hashed with argon2id (@node-rs/argon2).
 * - Users sign in with a login name (`username`, e.g. `admin@demo`), not an e-mail: the
 *   username plugin, with a validator that accepts the names Kinerja gives (letters, digits,
 *   `.`, `_`, `-`, `@`). Self sign-up is off: the region's admin creates accounts.
 * - The session is an HTTP-only cookie (`kinerja.session_token`, SameSite=Lax, Secure when
 *   the public URL is https), signed with the configured secret.
 * - better-auth's own HTTP handler is not mounted: the server calls `auth.api.*` from its own
 *   routes, so every route is in the route table (policies, CSRF, rate limit, OpenAPI).
 */
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { username } from 'better-auth/plugins';
import { hash, verify } from '@node-rs/argon2';
import type pg from 'pg';
import { ROLES, type Role, type User } from './policies/types.js';

export interface AuthOptions {
  pool: pg.Pool;
  secret: string;
  /** the public URL (its scheme decides Secure cookies) */
  baseURL: string;
  trustedOrigins: string[];
}

export const LOGIN_PATTERN = /^[a-z0-9._@-]{3,64}$/;

function options(o: AuthOptions) {
  return {
    database: o.pool,
    secret: o.secret,
    baseURL: o.baseURL,
    basePath: '/api/auth',
    trustedOrigins: o.trustedOrigins,
    telemetry: { enabled: false },
    logger: { disabled: true },
    // Kinerja limits sign-in attempts itself (rate-limit.ts); nothing reaches better-auth's handler
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      password: {
        hash: (password: string) => hash(password),
        verify: ({ hash: h, password }: { hash: string; password: string }) => verify(h, password),
      },
    },
    advanced: { cookiePrefix: 'kinerja', useSecureCookies: o.baseURL.startsWith('https:') },
    session: {
      modelName: 'auth_session',
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      fields: { userId: 'user_id', expiresAt: 'expires_at', ipAddress: 'ip_address', userAgent: 'user_agent', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    user: {
      modelName: 'auth_user',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
      additionalFields: {
        role: { type: 'string' as const, required: true, input: false, fieldName: 'role' },
        agencyId: { type: 'string' as const, required: false, input: false, fieldName: 'agency_id' },
        unitId: { type: 'string' as const, required: false, input: false, fieldName: 'unit_id' },
        region: { type: 'string' as const, required: false, input: false, fieldName: 'region' },
        active: { type: 'boolean' as const, required: false, input: false, defaultValue: true, fieldName: 'active' },
      },
    },
    account: {
      modelName: 'auth_account',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: { modelName: 'auth_verification', fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' } },
    plugins: [
      username({
        minUsernameLength: 3,
        maxUsernameLength: 64,
        usernameValidator: (u: string) => LOGIN_PATTERN.test(u),
        schema: { user: { fields: { displayUsername: 'display_username' } } },
      }),
    ],
  } satisfies BetterAuthOptions;
}

export function createAuth(o: AuthOptions) {
  return betterAuth(options(o));
}
export type Auth = ReturnType<typeof createAuth>;

/** The fields of a session's user that Kinerja reads. */
interface SessionUser {
  id: string;
  name: string;
  username?: string | null;
  role: string;
  agencyId?: string | null;
  unitId?: string | null;
  region?: string | null;
  active?: boolean | null;
}

export function toUser(u: SessionUser): User | null {
  if (u.active === false || !(ROLES as readonly string[]).includes(u.role)) return null;
  return {
    id: u.id,
    username: u.username ?? '',
    name: u.name,
    role: u.role as Role,
    agencyId: u.agencyId ?? null,
    unitId: u.unitId ?? null,
    region: u.region ?? null,
  };
}

/**
 * Sessions read in the last few seconds, so that a busy page does not ask the database for
 * its session on every request (PGlite answers one query at a time). The memory is kept per
 * Auth instance (one per server), and every change of a session or its account made through
 * this server forgets the user at once: sign-out, sign-out everywhere, a new password, a
 * changed, demoted or disabled account (and a lookup that was running then remembers nothing).
 * Concurrent requests of one session whose memory has run out share one lookup. Another server
 * process sharing one PostgreSQL database sees such a change within SESSION_MEMORY_MS.
 */
export const SESSION_MEMORY_MS = 5_000;
const SESSION_MEMORY_MAX = 10_000;

interface SessionMemory {
  users: Map<string, { user: User; until: number }>;
  /** lookups running now, by token: concurrent requests of one session ask the database once */
  pending: Map<string, Promise<User | null>>;
  /** counts forgets: a lookup that began before one does not remember what it read */
  generation: number;
}
const sessionMemory = new WeakMap<Auth, SessionMemory>();

function memoryOf(auth: Auth): SessionMemory {
  let m = sessionMemory.get(auth);
  if (!m) sessionMemory.set(auth, (m = { users: new Map(), pending: new Map(), generation: 0 }));
  return m;
}

/** The session cookie's value of a request (`kinerja.session_token`, `__Secure-` when secure). */
function sessionToken(headers: Headers): string | undefined {
  const cookie = headers.get('cookie');
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    if (eq > 0 && (name === 'kinerja.session_token' || name === '__Secure-kinerja.session_token')) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The signed-in user of a request (an inactive account has no session). */
export async function sessionUser(auth: Auth, headers: Headers, now: number = Date.now()): Promise<User | null> {
  const token = sessionToken(headers);
  if (!token) return lookUp(auth, headers);
  const memory = memoryOf(auth);
  const known = memory.users.get(token);
  if (known && known.until > now) return known.user;
  const running = memory.pending.get(token);
  if (running) return running;
  const generation = memory.generation;
  const lookup = lookUp(auth, headers).then((user) => {
    if (memory.generation === generation) {
      if (user) {
        if (memory.users.size >= SESSION_MEMORY_MAX) memory.users.clear();
        memory.users.set(token, { user, until: now + SESSION_MEMORY_MS });
      } else memory.users.delete(token);
    }
    return user;
  });
  const pending = lookup.finally(() => {
    if (memory.pending.get(token) === pending) memory.pending.delete(token);
  });
  memory.pending.set(token, pending);
  return pending;
}

async function lookUp(auth: Auth, headers: Headers): Promise<User | null> {
  const s = await auth.api.getSession({ headers });
  return s ? toUser(s.user as unknown as SessionUser) : null;
}

/** Forget what was read of sessions (and what is being read): a session or account changed. */
function forget(memory: SessionMemory): void {
  memory.generation += 1;
  memory.pending.clear();
}

/** Forget the session of this request (it is being signed out). */
export function forgetSession(auth: Auth, headers: Headers): void {
  const token = sessionToken(headers);
  if (!token) return;
  const memory = memoryOf(auth);
  forget(memory);
  memory.users.delete(token);
}

/** Forget every remembered session of a user (their account or sessions changed). */
export function forgetUser(auth: Auth, userId: string): void {
  const memory = memoryOf(auth);
  forget(memory);
  for (const [token, { user }] of memory.users) if (user.id === userId) memory.users.delete(token);
}

export interface NewAccount {
  username: string;
  name: string;
  email?: string;
  role: Role;
  agencyId?: string | null;
  unitId?: string | null;
  region?: string | null;
  password: string;
}

/**
 * A placeholder e-mail for an account created without one (better-auth requires an e-mail;
 * `.invalid` never resolves). `@` becomes `+`, which no login name contains, so two login
 * names never share a placeholder.
 */
export const placeholderEmail = (login: string): string => `${login.replace(/@/g, '+')}@accounts.kinerja.invalid`;

/** Create an account with a password (admins and the demo seed; self sign-up is off). */
export async function createAccount(auth: Auth, a: NewAccount): Promise<string> {
  const ctx = await auth.$context;
  const user = await ctx.internalAdapter.createUser({
    email: a.email ?? placeholderEmail(a.username),
    name: a.name,
    emailVerified: true,
    username: a.username,
    displayUsername: a.username,
    role: a.role,
    agencyId: a.agencyId ?? null,
    unitId: a.unitId ?? null,
    region: a.region ?? null,
    active: true,
  } as never, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: await ctx.password.hash(a.password) });
  return user.id;
}

export async function setPassword(auth: Auth, userId: string, password: string): Promise<void> {
  const ctx = await auth.$context;
  await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(password));
}

/** End every session of a user (sign-out everywhere, a disabled account, a new password). */
export async function endSessions(auth: Auth, userId: string): Promise<void> {
  const ctx = await auth.$context;
  await ctx.internalAdapter.deleteUserSessions(userId);
  forgetUser(auth, userId);
}

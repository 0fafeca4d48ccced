/**
 * Sign-in limits (OWASP Authentication and Credential Stuffing cheat sheets: slow guessing down,
 * but never let an attacker lock a real user out from elsewhere).
 *
 * An attempt is counted the moment it begins, before its password is checked (`begin` is
 * synchronous: nothing can run between the decision and the count), as a failure; a success
 * takes it back and clears the failures of its login at its address. So N parallel wrong
 * passwords get no more checks than the limits allow.
 *
 * Failures in the last `windowMs` are counted three ways: per login name and client address
 * (the pair), per address (every login), per login (every address). An attempt of a pair that
 * has not failed in the window is always checked: a user at a new address, or a colleague behind
 * an address someone else is attacking from, signs in. An attempt of a pair that has failed waits
 * after the pair's own last failure the longest of:
 *
 *  - pair: nothing for its first `pair.free` failures, then `pair.delayMs` × 2^(failures − free),
 *    at most `pair.maxDelayMs` (1 s, 2 s, 4 s … 15 min);
 *  - address: when the address has failed `address.failures` times or more (many logins from
 *    one place), `address.delayMs` (one try per login from there per window);
 *  - login: when the login has failed `login.failures` times or more from every address together
 *    (a distributed attack), `login.delayMs` × 2^(failures − limit), at most `login.maxDelayMs`:
 *    each attacking address is slowed, and a real user waits at most that long.
 *
 * Waits run from the pair's own failures, never from someone else's, so an attacker cannot keep a
 * real user waiting by taking every free moment. An IPv6 client is counted by its /64 network
 * (one host commonly holds a whole /64). Kept in memory (one server process); a restart forgets it.
 */
import { formatWait } from '../core/format.js';
import { isIP } from 'node:net';

export interface BackOff {
  /** failures before the first wait */
  free: number;
  /** the first wait, in milliseconds; each further failure doubles it */
  delayMs: number;
  /** the longest wait, in milliseconds */
  maxDelayMs: number;
}

export interface LoginLimits {
  /** how long a failure is counted, in milliseconds */
  windowMs: number;
  /** per login name and client address */
  pair: BackOff;
  /** per client address over every login: past `failures`, a login that failed there waits `delayMs` */
  address: { failures: number; delayMs: number };
  /** per login over every address: past `failures`, each address that failed waits `delayMs` × 2^(failures − limit), at most `maxDelayMs` */
  login: { failures: number; delayMs: number; maxDelayMs: number };
}

const MINUTE = 60_000;

/** The defaults (docs/decisions.md, "Sign-in limits"). */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * MINUTE,
  pair: { free: 5, delayMs: 1_000, maxDelayMs: 15 * MINUTE },
  address: { failures: 30, delayMs: 15 * MINUTE },
  login: { failures: 20, delayMs: 1_000, maxDelayMs: MINUTE },
};

/** An attempt counted (check the password, then say `succeeded()` if it was right), or the seconds to wait (nothing counted). */
export type Attempt = { ok: true; succeeded(): void } | { ok: false; retryAfter: number };

/** The most keys kept: past it everything is forgotten (bounded memory under a flood of addresses). */
const MAX_KEYS = 100_000;

const backOff = (failures: number, free: number, delayMs: number, maxDelayMs: number) =>
  failures < free ? 0 : Math.min(delayMs * 2 ** Math.min(failures - free, 40), maxDelayMs);

/** The address the limits count: an IPv4 address as it is, an IPv6 one as its /64 network, an IPv4-mapped one as IPv4. */
export function limitAddress(address: string): string {
  const ip = address.replace(/%.*$/, ''); // a zone (fe80::1%eth0)
  if (isIP(ip) !== 6) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = ip.split('::') as [string, string | undefined];
  const words = (part: string) => (part === '' ? [] : part.split(':').flatMap((w) => (w.includes('.') ? ['0', '0'] : [w]))); // an embedded IPv4 is in the last 64 bits
  const left = words(head);
  const right = tail === undefined ? [] : words(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((w) => parseInt(w, 16).toString(16))
    .join(':')}::/64`;
}

export class LoginLimiter {
  /** failure times, oldest first, per key */
  private readonly failures = new Map<string, number[]>();
  /** the most failures remembered per key: enough for every limit, and for every wait to reach its cap */
  private readonly keep: number;
  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.keep = Math.max(limits.pair.free, limits.address.failures, limits.login.failures) + 64;
  }

  private recent(key: string, now: number): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const cutoff = now - this.limits.windowMs;
    let i = 0;
    while (i < list.length && list[i]! <= cutoff) i++;
    if (i === list.length) {
      this.failures.delete(key);
      return [];
    }
    if (i > 0) list.splice(0, i);
    return list;
  }

  private add(key: string, at: number): void {
    const list = this.recent(key, at);
    if (list.length === 0) {
      if (this.failures.size >= MAX_KEYS) this.failures.clear();
      this.failures.set(key, [at]);
      return;
    }
    list.push(at);
    if (list.length > this.keep) list.splice(0, list.length - this.keep);
  }

  private remove(key: string, at: number): void {
    const list = this.failures.get(key);
    if (!list) return;
    const i = list.lastIndexOf(at);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.failures.delete(key);
  }

  /** Milliseconds the pair must still wait (0: an attempt may begin now). */
  private wait(login: string, address: string, now: number): number {
    const pair = this.recent(`p\n${login}\n${address}`, now);
    if (pair.length === 0) return 0; // the first try of a pair is always checked
    const { pair: p, address: a, login: l } = this.limits;
    const byAddress = this.recent(`a\n${address}`, now).length;
    const byLogin = this.recent(`l\n${login}`, now).length;
    const delay = Math.max(
      backOff(pair.length, p.free, p.delayMs, p.maxDelayMs),
      byAddress >= a.failures ? a.delayMs : 0,
      backOff(byLogin, l.failures, l.delayMs, l.maxDelayMs),
    );
    return Math.max(0, pair[pair.length - 1]! + delay - now);
  }

  /**
   * Begin an attempt of `login` from `address`: counted now as a failure, or refused with the
   * seconds to wait. Synchronous, so concurrent attempts are counted one after the other.
   */
  begin(login: string, clientAddress: string): Attempt {
    const address = limitAddress(clientAddress);
    const now = this.now();
    const wait = this.wait(login, address, now);
    if (wait > 0) return { ok: false, retryAfter: Math.ceil(wait / 1000) };
    const keys = [`p\n${login}\n${address}`, `a\n${address}`, `l\n${login}`] as const;
    for (const k of keys) this.add(k, now);
    let done = false;
    return {
      ok: true,
      succeeded: () => {
        if (done) return;
        done = true;
        this.failures.delete(keys[0]);
        this.remove(keys[1], now);
        this.remove(keys[2], now);
      },
    };
  }
}

/** A wait in words, English and Indonesian (core/format.ts `formatWait`): `45 detik`, `sekitar 15 menit`. */
export function waitText(seconds: number): { en: string; id: string } {
  return formatWait(seconds);
}

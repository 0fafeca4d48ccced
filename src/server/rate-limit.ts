/**
 * Sign-in rate limiting: failed attempts are counted per login name and per client address
 * over a sliding window; past the limit, sign-in answers 429 with `Retry-After` until the
 * oldest counted failure leaves the window. A successful sign-in clears the name's count.
 * Kept in memory (one server process); a restart forgets it.
 */
export interface LoginLimits {
  /** window length in milliseconds (default 15 minutes) */
  windowMs: number;
  /** failures allowed per login name in the window (default 5) */
  perLogin: number;
  /** failures allowed per client address in the window (default 20) */
  perAddress: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60 * 1000, perLogin: 5, perAddress: 20 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  retryAfter(login: string, address: string): number {
    let wait = 0;
    for (const [key, max] of [
      [`login:${login}`, this.limits.perLogin],
      [`addr:${address}`, this.limits.perAddress],
    ] as const) {
      const list = this.recent(key);
      if (list.length >= max) wait = Math.max(wait, Math.ceil((list[list.length - max]! + this.limits.windowMs - this.now()) / 1000));
    }
    return wait;
  }

  fail(login: string, address: string): void {
    for (const key of [`login:${login}`, `addr:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 100_000) this.failures.clear(); // bounded memory under a flood
  }

  succeed(login: string): void {
    this.failures.delete(`login:${login}`);
  }
}

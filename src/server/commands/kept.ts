/**
 * Answers kept a few seconds, or while their key holds (the drill-down's, routes/drill.ts): the first request of a key
 * computes it, the requests of the same key within `ttlMs` share that answer (a computation in
 * flight too), and from `refreshMs` on it is computed again in the background while the kept one
 * is still given, so that under steady load no request waits for a recomputation. An answer is
 * never given more than `ttlMs` after it was asked for; a failed computation is not kept.
 */
interface Entry {
  at: number;
  value: Promise<unknown>;
  /** the answer computed again in the background, `settled` once it has arrived */
  next?: { at: number; value: Promise<unknown>; settled: boolean };
}

export class KeptAnswers {
  private readonly entries = new Map<string, Entry>();
  constructor(
    readonly ttlMs = 5_000,
    readonly refreshMs = 3_000,
    readonly max = 500,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.now();
    let e = this.entries.get(key);
    // a background computation that has arrived replaces the kept answer
    if (e?.next?.settled) e = { at: e.next.at, value: e.next.value };
    if (e && now - e.at < this.ttlMs) {
      if (now - e.at >= this.refreshMs && !e.next) {
        const next = { at: now, value: compute() as Promise<unknown>, settled: false };
        next.value.then(
          () => (next.settled = true),
          () => this.entries.delete(key),
        );
        e.next = next;
      }
      this.entries.set(key, e);
      return e.value as Promise<T>;
    }
    // too old, or none: a background computation still young enough is the answer, else one starts now
    const reuse = e?.next && now - e.next.at < this.ttlMs ? e.next : undefined;
    const fresh: Entry = reuse ? { at: reuse.at, value: reuse.value } : { at: now, value: compute() };
    this.entries.set(key, fresh);
    fresh.value.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    if (this.entries.size > this.max) {
      for (const [k, v] of this.entries) if (now - v.at >= this.ttlMs || this.entries.size > this.max) this.entries.delete(k);
    }
    return fresh.value as Promise<T>;
  }

  /** Drop every kept answer whose key starts with `prefix`. */
  forget(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}

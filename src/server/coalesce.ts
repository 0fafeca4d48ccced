/**
 * Reads shared by concurrent callers without ever answering one of them from before it asked.
 *
 * `get(key)` starts `read(key)` at once when no read of that key is running. While one is
 * running, a caller does NOT take its result (that read was sent before the caller asked, and
 * could predate a change the caller has already seen committed); it waits for the NEXT read of
 * the key, started as soon as the running one ends, and shared by every caller that came in the
 * meantime. So each caller's answer comes from a read started after it called, and under load
 * one read serves many callers instead of each asking the database.
 */
export class FreshReads<K, V> {
  private readonly running = new Map<K, Promise<V>>();
  private readonly queued = new Map<K, Promise<V>>();
  constructor(private readonly read: (key: K) => Promise<V>) {}

  get(key: K): Promise<V> {
    const queued = this.queued.get(key);
    if (queued) return queued; // not started yet: it will start after this call
    const running = this.running.get(key);
    if (!running) return this.start(key);
    const next = running.then(
      () => this.startQueued(key),
      () => this.startQueued(key),
    );
    this.queued.set(key, next);
    return next;
  }

  private startQueued(key: K): Promise<V> {
    this.queued.delete(key);
    return this.start(key);
  }

  private start(key: K): Promise<V> {
    const p: Promise<V> = this.read(key).finally(() => {
      if (this.running.get(key) === p) this.running.delete(key);
    });
    this.running.set(key, p);
    return p;
  }
}

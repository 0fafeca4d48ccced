import { describe, expect, it } from 'vitest';
import { FreshReads } from './coalesce.js';

/** A read whose calls are answered by hand, in order: the n-th read answers `value n`. */
function manualReads() {
  const pending: { key: string; n: number; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  let n = 0;
  const read = (key: string) =>
    new Promise<string>((resolve, reject) => {
      n += 1;
      pending.push({ key, n, resolve, reject });
    });
  const settle = async (fail = false) => {
    const p = pending.shift()!;
    if (fail) p.reject(new Error(`read ${p.n} failed`));
    else p.resolve(`${p.key} ${p.n}`);
    for (let i = 0; i < 10; i++) await Promise.resolve(); // let the chained reads start
  };
  return { read, settle, started: () => n, pending };
}

describe('FreshReads', () => {
  it('callers that come while a read runs share the next read, never the running one', async () => {
    const m = manualReads();
    const reads = new FreshReads(m.read);
    const first = reads.get('a');
    const second = reads.get('a'); // came while read 1 runs
    const third = reads.get('a');
    expect(m.started()).toBe(1);
    await m.settle();
    expect(await first).toBe('a 1');
    expect(m.started()).toBe(2); // the next read started when the first ended, for both waiting callers
    const fourth = reads.get('a'); // came while read 2 runs: waits for read 3
    await m.settle();
    expect(await second).toBe('a 2');
    expect(await third).toBe('a 2');
    await m.settle();
    expect(await fourth).toBe('a 3');
    expect(m.started()).toBe(3);
    expect(m.pending).toHaveLength(0);
  });

  it('keys are read apart; a failed read fails only its own callers', async () => {
    const m = manualReads();
    const reads = new FreshReads(m.read);
    const a = reads.get('a');
    const b = reads.get('b');
    expect(m.started()).toBe(2);
    const a2 = reads.get('a');
    await m.settle(true);
    await expect(a).rejects.toThrow('read 1 failed');
    await m.settle();
    expect(await b).toBe('b 2');
    await m.settle();
    expect(await a2).toBe('a 3');
    // nothing running: the next caller reads at once
    const a3 = reads.get('a');
    expect(m.started()).toBe(4);
    await m.settle();
    expect(await a3).toBe('a 4');
  });
});

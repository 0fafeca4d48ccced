import { expect, it } from 'vitest';
import { KeptAnswers } from './kept.js';

/** A clock the test moves, and a computation that counts its calls and resolves when told. */
function setup() {
  let t = 0;
  const kept = new KeptAnswers(5_000, 3_000, 3, () => t);
  let calls = 0;
  const pending: Array<(v: string) => void> = [];
  const compute = () => {
    calls++;
    return new Promise<string>((resolve) => pending.push(resolve));
  };
  return { kept, compute, at: (ms: number) => (t = ms), calls: () => calls, resolve: (v: string) => pending.shift()!(v) };
}

it('shares one computation among the requests of a key, in flight and kept, never past its lifetime', async () => {
  const s = setup();
  const a = s.kept.get('k', s.compute);
  s.at(100);
  const b = s.kept.get('k', s.compute);
  expect(s.calls()).toBe(1);
  s.resolve('first');
  expect([await a, await b]).toEqual(['first', 'first']);
  s.at(2_999);
  expect(await s.kept.get('k', s.compute)).toBe('first');
  expect(s.calls()).toBe(1);
  // from 3 s on: the kept answer still, and a new one computed in the background
  s.at(3_000);
  expect(await s.kept.get('k', s.compute)).toBe('first');
  expect(s.calls()).toBe(2);
  s.at(3_500);
  expect(await s.kept.get('k', s.compute)).toBe('first'); // the new one has not arrived
  expect(s.calls()).toBe(2);
  s.resolve('second');
  await Promise.resolve();
  expect(await s.kept.get('k', s.compute)).toBe('second');
  // past the lifetime with nothing newer: computed again, and waited for
  s.at(20_000);
  const c = s.kept.get('k', s.compute);
  expect(s.calls()).toBe(3);
  s.resolve('third');
  expect(await c).toBe('third');
});

it('keeps no failure, forgets by prefix, and holds at most `max` keys', async () => {
  const s = setup();
  const failing = s.kept.get('bad', () => Promise.reject(new Error('no')));
  await expect(failing).rejects.toThrow('no');
  const again = s.kept.get('bad', s.compute);
  expect(s.calls()).toBe(1);
  s.resolve('ok');
  expect(await again).toBe('ok');
  s.kept.forget('ba');
  const third = s.kept.get('bad', s.compute);
  expect(s.calls()).toBe(2);
  s.resolve('fresh');
  expect(await third).toBe('fresh');
  for (const k of ['x', 'y', 'z', 'w']) {
    const p = s.kept.get(k, s.compute);
    s.resolve(k);
    await p;
  }
  expect((s.kept as unknown as { entries: Map<string, unknown> }).entries.size).toBe(3);
  // the oldest keys went first: 'bad' is computed again, 'w' is kept
  const before = s.calls();
  void s.kept.get('w', s.compute);
  expect(s.calls()).toBe(before);
  void s.kept.get('bad', s.compute);
  expect(s.calls()).toBe(before + 1);
});

it('without a lifetime (answers that depend only on their key): computed once, never again in the background, the oldest key out first', async () => {
  let t = 0;
  let calls = 0;
  const kept = new KeptAnswers(Infinity, Infinity, 2, () => t);
  const compute = (v: string) => () => (calls++, Promise.resolve(v));
  expect(await kept.get('a', compute('a1'))).toBe('a1');
  t = 10 * 24 * 3_600_000;
  expect(await kept.get('a', compute('a2'))).toBe('a1');
  expect(calls).toBe(1);
  await kept.get('b', compute('b1'));
  await kept.get('c', compute('c1'));
  expect(await kept.get('b', compute('b2'))).toBe('b1');
  expect(await kept.get('a', compute('a3'))).toBe('a3');
  expect(calls).toBe(4);
});

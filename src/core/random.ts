/**
 * mulberry32: a tiny, fast, deterministic 32-bit generator for synthetic data (generated
 * datasets, the demo's registers, tests and benches). Not for anything secret. IO-free.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Benchmarks (dataset-format.md, "Benchmark"): a comparison value of an indicator and year. */
import type { MeasureContext } from './context.js';

export interface BenchmarkValue {
  value: number;
  label?: string;
  kind?: string;
  source: string;
}

export interface BenchmarkLookup {
  benchmark: BenchmarkValue | null;
  /** the note of an entry stating that the source has no benchmark (`value: null`) */
  note?: string;
}

/**
 * The benchmark of an indicator (any ref form) in a year: the first entry with a value, in
 * document order. An entry with `value: null` records that the source states none: the
 * benchmark is then `null` and its note (or source) is surfaced.
 */
export function benchmarkOf(ctx: MeasureContext, indicatorRef: string, year: number): BenchmarkLookup {
  const list = ctx.benchmarks.get(ctx.canonical(indicatorRef))?.get(year) ?? [];
  for (const b of list) {
    if (b.value === null) continue;
    const out: BenchmarkValue = {
      value: b.value,
      ...(b.label !== undefined ? { label: b.label } : {}),
      ...(b.kind !== undefined ? { kind: b.kind } : {}),
      source: b.source,
    };
    return { benchmark: out };
  }
  const none = list.find((b) => b.value === null);
  if (none) return { benchmark: null, note: none.note ?? `${none.source}: no benchmark` };
  return { benchmark: null };
}

/**
 * A bounded heap for the long streaming commands (`kinerja register import`).
 *
 * Reading a 300.000-row file makes gigabytes of short-lived objects (the parser's cells and
 * events, each row's JSON). V8 lets garbage that outlived a young-generation collection pile up
 * in the old generation until its next full collection, whose limit it raises as the heap grows:
 * the import of the bench's CSV reached a heap of 150 MB of which 25 MB was alive (the rest
 * garbage), and the XLSX more. A full collection every few thousand rows keeps the heap near what
 * is alive, at about 0,3–0,8 s over the whole import (bench/registers.ts).
 *
 * V8 gives the collection to code only with `--expose-gc`; a flag set while running does the
 * same for a context made afterwards, whose `gc` is the isolate's.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/** V8's full garbage collection, as a function. */
export function fullCollection(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/** The items of `source`, with a full collection after every `every` of them and one at its end. */
export async function* collectingEvery<T>(source: AsyncIterable<T>, every: number): AsyncGenerator<T> {
  const gc = fullCollection();
  let n = 0;
  for await (const item of source) {
    yield item;
    if (++n % every === 0) gc();
  }
  gc();
}

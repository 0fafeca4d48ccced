/**
 * A register file's rows read in a thread of its own, for the command line's import.
 *
 * exceljs' streaming reader makes a great deal of short-lived garbage (events, cells, addresses
 * for every cell). The command line runs with a 1 MB young generation (bin/kinerja.js: it keeps a
 * report's peak lower), in which that garbage outlives its first collection and piles up: an
 * XLSX import of 300.000 rows spent half its reading time collecting, and its heap grew past
 * what a CSV's did. In a worker the reader gets a heap of its own with a 16 MB young generation,
 * and reads while this thread checks and stores the rows before (two cores overlap).
 *
 * V8's `--max-semi-space-size` flag, once given, sets every heap made afterwards, a worker's
 * too, whatever its `resourceLimits`: the flag is raised for the worker (heaps are configured
 * when made, so this thread's stays as it is). CSV files are read in this thread: csv-parse's
 * garbage is small.
 */
import { on } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { RegisterError, type SourceRow } from '../core/registers/rows.js';
import { readRowFile, rowFileFormat } from './register-file.js';
import type { RowWorkerData, RowWorkerMessage } from './row-worker.js';

const WORKER_SEMI_SPACE_MB = 16;

/** The rows of a CSV or XLSX file; an XLSX file's read in a worker thread (row-worker.ts). */
export async function* readRowFileInWorker(path: string, opts: { batch?: number; collectEvery?: number } = {}): AsyncGenerator<SourceRow> {
  if (rowFileFormat(path) !== 'xlsx') {
    yield* readRowFile(path);
    return;
  }
  // the worker's module beside this one: compiled JavaScript (dist/), or the TypeScript source through tsx (tests, development)
  const source = import.meta.url.endsWith('.ts');
  const url = new URL(source ? './row-worker.ts' : './row-worker.js', import.meta.url);
  setFlagsFromString(`--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
  const workerData = { path, batch: opts.batch ?? 1000, collectEvery: opts.collectEvery ?? 5_000 } satisfies RowWorkerData;
  const worker = source
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData })
    : new Worker(url, { workerData });
  // the worker's messages, kept until read; its 'error' ends them with the error, its exit ends them
  const messages = on(worker, 'message', { close: ['exit'] }) as AsyncIterableIterator<[RowWorkerMessage]>;
  try {
    worker.postMessage('next');
    for await (const [m] of messages) {
      if ('error' in m) throw m.error.id === undefined ? new Error(m.error.en) : new RegisterError({ en: m.error.en, id: m.error.id });
      if (!m.done) worker.postMessage('next'); // the next batch is read while these rows are checked
      yield* m.rows;
      if (m.done) return;
    }
    throw new Error("the file's reading thread ended before the file did");
  } finally {
    await worker.terminate();
  }
}

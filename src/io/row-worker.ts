/**
 * The worker thread of {@link readRowFileInWorker} (row-thread.ts): reads an XLSX file's rows with
 * exceljs' streaming reader and sends them to the thread that started it in batches, one batch
 * ahead of what that thread has asked for. A RegisterError (an unreadable file) is sent as its
 * two messages; anything else as its message.
 */
import { on } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { RegisterError, type SourceRow } from '../core/registers/rows.js';
import { fullCollection } from './heap.js';
import { readXlsxRows } from './register-file.js';

export interface RowWorkerData {
  path: string;
  batch: number;
  /** a full collection of this thread's heap after every `collectEvery` rows (heap.ts) */
  collectEvery: number;
}

export type RowWorkerMessage =
  | { rows: SourceRow[]; done: boolean }
  | { error: { en: string; id?: string } };

const port = parentPort!;
const { path, batch, collectEvery } = workerData as RowWorkerData;
const gc = fullCollection();

/** The reading thread's requests ('next'), each answered by one batch. */
const requests = on(port, 'message');
const request = async (): Promise<void> => void (await requests.next());

try {
  let rows: SourceRow[] = [];
  let n = 0;
  await request();
  for await (const r of readXlsxRows(path)) {
    rows.push(r);
    if (++n % collectEvery === 0) gc();
    if (rows.length >= batch) {
      port.postMessage({ rows, done: false } satisfies RowWorkerMessage);
      rows = [];
      await request();
    }
  }
  port.postMessage({ rows, done: true } satisfies RowWorkerMessage);
} catch (e) {
  const error = e instanceof RegisterError ? { en: e.message, id: e.localized.id } : { en: (e as Error).message ?? String(e) };
  port.postMessage({ error } satisfies RowWorkerMessage);
}
port.close();

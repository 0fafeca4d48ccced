import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRow } from '../core/registers/rows.js';
import { collectingEvery, fullCollection } from './heap.js';
import { readRowFile, writeRowFile } from './register-file.js';
import { readRowFileInWorker } from './row-thread.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-rowthread-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const all = async (it: AsyncIterable<SourceRow>): Promise<SourceRow[]> => {
  const out: SourceRow[] = [];
  for await (const r of it) out.push(r);
  return out;
};

describe('a register file read in a worker thread', () => {
  it('gives an XLSX file the rows the reader of this thread gives, across batches', async () => {
    const path = join(dir, 'um.xlsx');
    const rows = Array.from({ length: 2_345 }, (_, i) => [`9999${String(i).padStart(9, '0')}`, `Usaha ${i}`, i % 7 === 0 ? null : i, i % 2 ? 'ya' : 'tidak']);
    await writeRowFile(path, ['nib', 'nama_usaha', 'tenaga_kerja', 'aktif'], rows);
    const here = await all(readRowFile(path));
    const there = await all(readRowFileInWorker(path, { batch: 100, collectEvery: 500 }));
    expect(there).toHaveLength(2_346);
    expect(there).toEqual(here);
  });

  it('stops the worker when the reader stops early, and reads a CSV file in this thread', async () => {
    const path = join(dir, 'early.xlsx');
    await writeRowFile(path, ['nib'], Array.from({ length: 3_000 }, (_, i) => [String(i)]));
    const first: SourceRow[] = [];
    for await (const r of readRowFileInWorker(path, { batch: 10 })) {
      first.push(r);
      if (first.length === 25) break;
    }
    expect(first.map((r) => r.row)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const csv = join(dir, 'a.csv');
    await writeFile(csv, 'nib,nama\n1,Satu\n');
    expect(await all(readRowFileInWorker(csv))).toEqual([
      { row: 1, cells: ['nib', 'nama'] },
      { row: 2, cells: ['1', 'Satu'] },
    ]);
  });

  it('refuses a file that is not XLSX with the reader’s error', async () => {
    const path = join(dir, 'bukan.xlsx');
    await writeFile(path, 'this is not a zip file');
    const e = await all(readRowFileInWorker(path)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(String((e as Error).message)).not.toBe('');
    const missing = await all(readRowFileInWorker(join(dir, 'tidak-ada.xlsx'))).catch((x: unknown) => x);
    expect(missing).toBeInstanceOf(Error);
    expect((missing as Error).message).toMatch(/tidak-ada\.xlsx|ENOENT/);
  });
});

describe('a bounded heap', () => {
  it('passes every item through in order, collecting on the way', async () => {
    expect(typeof fullCollection()).toBe('function');
    async function* numbers() {
      for (let i = 0; i < 10; i++) yield i;
    }
    const out: number[] = [];
    for await (const n of collectingEvery(numbers(), 3)) out.push(n);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});


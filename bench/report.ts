/**
 * The `report-demo` benchmark phase: the demo agency's LKIP for 2025.
 *
 * Time: built as a DocumentModel and written as DOCX, HTML, XLSX and PDF (through one warm
 * Chromium) in this process, each the median of 5 runs after one warm-up.
 *
 * Memory: each format written by the command a user runs (`bin/kinerja.js report … --format F
 * -o FILE`, as `npx kinerja` starts it) in a process of its own, so that each figure is that of one
 * report and not of this process's other work; the peak of the command's own process plus the
 * peak PSS of the processes it starts (the browser's), bench/peak-memory.ts; the median of 3 runs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { measurePeakMemory, type PeakMemory } from './peak-memory.js';
import { validateDocument } from '../src/core/dataset/validate.js';
import { buildLkip } from '../src/core/report/lkip.js';
import { renderDocx } from '../src/report/docx.js';
import { renderHtml } from '../src/report/html.js';
import { chromiumAvailable, chromiumName } from '../src/report/chromium.js';
import { createPdfRenderer } from '../src/report/pdf.js';
import { renderXlsx } from '../src/report/xlsx.js';

const RUNS = 5;
const MEMORY_RUNS = 3;
const BIN = fileURLToPath(new URL('../bin/kinerja.js', import.meta.url));
const DEMO = fileURLToPath(new URL('../examples/diskopum-jember-2025.json', import.meta.url));

/** Peak memory of `kinerja report DEMO --year 2025 --format F`, the run of median total of MEMORY_RUNS. */
async function commandMemory(format: string): Promise<PeakMemory> {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-bench-'));
  try {
    const runs: PeakMemory[] = [];
    for (let i = 0; i < MEMORY_RUNS; i++) {
      runs.push(await measurePeakMemory(BIN, ['report', DEMO, '--year', '2025', '--format', format, '-o', join(dir, `lkip.${format}`)]));
    }
    runs.sort((a, b) => a.totalMb - b.totalMb);
    return runs[Math.floor(runs.length / 2)]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const ISSUED_AT = '2026-01-31T08:00:00Z';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Median of RUNS timed calls after one untimed warm-up, and the size of the last result. */
async function timedRuns(fn: () => Promise<Buffer | string> | Buffer | string): Promise<{ medianMs: number; minMs: number; bytes: number }> {
  await fn();
  const times: number[] = [];
  let last: Buffer | string = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), minMs: Math.min(...times), bytes: typeof last === 'string' ? Buffer.byteLength(last) : last.length };
}

export async function reportDemo() {
  const v = validateDocument(JSON.parse(readFileSync(new URL('../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
  if (v.kind !== 'dataset') throw new Error('the demo dataset is not valid');
  const ds = v.dataset;
  const build = await timedRuns(() => JSON.stringify(buildLkip(ds, 2025)));
  const doc = { ...buildLkip(ds, 2025), issuedAt: ISSUED_AT };
  const docx = await timedRuns(() => renderDocx(doc));
  const html = await timedRuns(() => renderHtml(doc));
  const xlsx = await timedRuns(() => renderXlsx(doc));

  let pdf: { medianMs: number; minMs: number; bytes: number } | undefined;
  let browserStartMs: number | undefined;
  let skipped: string | undefined;
  if (chromiumAvailable()) {
    const renderer = createPdfRenderer();
    try {
      const t0 = performance.now();
      await renderer.version(); // starts the browser
      browserStartMs = performance.now() - t0;
      pdf = await timedRuns(() => renderer.render(doc));
    } finally {
      await renderer.close();
    }
  } else {
    skipped = `no Chromium (${chromiumName()})`;
  }
  return {
    phase: 'report-demo',
    runs: RUNS,
    buildMedianMs: build.medianMs,
    docxMedianMs: docx.medianMs,
    docxBytes: docx.bytes,
    htmlMedianMs: html.medianMs,
    htmlBytes: html.bytes,
    xlsxMedianMs: xlsx.medianMs,
    xlsxBytes: xlsx.bytes,
    ...(pdf ? { pdfMedianMs: pdf.medianMs, pdfMinMs: pdf.minMs, pdfBytes: pdf.bytes, browserStartMs } : { pdfSkipped: skipped }),
    /** the command's memory per format (the PDF's only where there is a Chromium) */
    memory: Object.fromEntries(
      await (async () => {
        const out: [string, PeakMemory][] = [];
        for (const f of pdf ? ['docx', 'html', 'xlsx', 'pdf'] : ['docx', 'html', 'xlsx']) out.push([f, await commandMemory(f)]);
        return out;
      })(),
    ),
    memoryRuns: MEMORY_RUNS,
  };
}

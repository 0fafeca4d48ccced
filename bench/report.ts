/**
 * The `report-demo` benchmark phase: the demo agency's LKIP for 2025, built as a DocumentModel
 * and written as DOCX, HTML, XLSX and PDF (through one warm Chromium), each timed as the median
 * of 5 runs after one warm-up. Memory: this process's peak RSS, and the peak of the browser's
 * processes (children of this one) sampled from /proc every 50 ms, as RSS (shared pages counted
 * in every process) and as PSS (shared pages divided among the processes sharing them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { validateDocument } from '../src/core/dataset/validate.js';
import { buildLkip } from '../src/core/report/lkip.js';
import { renderDocx } from '../src/report/docx.js';
import { renderHtml } from '../src/report/html.js';
import { chromiumPath, createPdfRenderer } from '../src/report/pdf.js';
import { renderXlsx } from '../src/report/xlsx.js';

const RUNS = 5;
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

/** Every process descending from `root`, from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const want = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (want.has(ppid) && !want.has(pid)) {
        want.add(pid);
        out.push(pid);
        grew = true;
      }
    }
  }
  return out;
}

/** Sum of RSS and PSS (kB) of the given processes. */
function memoryOf(pids: number[]): { rssKb: number; pssKb: number } {
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rssKb += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pssKb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // ended, or not ours to read
    }
  }
  return { rssKb, pssKb };
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
  let browser = { rssKb: 0, pssKb: 0 };
  let skipped: string | undefined;
  if (existsSync(chromiumPath())) {
    const renderer = createPdfRenderer();
    const sampler = setInterval(() => {
      const m = memoryOf(descendants(process.pid));
      browser = { rssKb: Math.max(browser.rssKb, m.rssKb), pssKb: Math.max(browser.pssKb, m.pssKb) };
    }, 50);
    try {
      const t0 = performance.now();
      await renderer.version(); // starts the browser
      browserStartMs = performance.now() - t0;
      pdf = await timedRuns(() => renderer.render(doc));
    } finally {
      clearInterval(sampler);
      await renderer.close();
    }
  } else {
    skipped = `no Chromium at ${chromiumPath()}`;
  }
  // the peak of producing the report as Kinerja does; then, for comparison only, DOCX with
  // docx's estimate of the contents' page numbers (not the default: slow and memory-hungry)
  const nodePeakMb = process.resourceUsage().maxRSS / 1024;
  const docxEstimate = await timedRuns(() => renderDocx(doc, { pageNumbers: true }));
  return {
    phase: 'report-demo',
    runs: RUNS,
    buildMedianMs: build.medianMs,
    docxMedianMs: docx.medianMs,
    docxBytes: docx.bytes,
    docxWithPageEstimateMedianMs: docxEstimate.medianMs,
    htmlMedianMs: html.medianMs,
    htmlBytes: html.bytes,
    xlsxMedianMs: xlsx.medianMs,
    xlsxBytes: xlsx.bytes,
    ...(pdf ? { pdfMedianMs: pdf.medianMs, pdfMinMs: pdf.minMs, pdfBytes: pdf.bytes, browserStartMs } : { pdfSkipped: skipped }),
    peakRssMb: nodePeakMb,
    browserPeakRssMb: browser.rssKb / 1024,
    browserPeakPssMb: browser.pssKb / 1024,
    /** this process's peak RSS plus the browser's peak PSS (its processes share much of their memory) */
    totalPeakMb: nodePeakMb + browser.pssKb / 1024,
  };
}

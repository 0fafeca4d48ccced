/**
 * `npm run bench`: runs each phase of bench/phases.ts in its own process and prints the
 * figures, the goals, and the ratios asked for. Results are also written to
 * artifacts/bench.json. Phases can be chosen: `npm run bench -- measure-demo import-pglite`.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ALL = ['startup', 'measure-demo', 'measure-region', 'import-pglite', 'import-postgres', 'report-demo', 'http', 'http-postgres', 'transfer', 'registers', 'register-counts', 'drill'];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const phases = chosen.length ? chosen : ALL;

type Result = Record<string, number | string>;
const results: Result[] = [];
for (const phase of phases) {
  process.stderr.write(`bench: ${phase} …\n`);
  // the HTTP load test is its own script (bench/http.ts): autocannon here, the real server in a process of its own
  const http = new URL('./http.ts', import.meta.url).pathname;
  const file = (name: string): string => new URL(name, import.meta.url).pathname;
  const SCRIPTS: Record<string, string[]> = {
    http: [http],
    'http-postgres': [http, '--engine', 'postgres'],
    drill: [http, '--only', 'drill', '--drill', process.env.BENCH_DRILL_ROWS ?? '20000'],
    transfer: [file('./transfer.ts')],
    startup: [file('./startup.ts')],
    registers: [file('./registers.ts')],
    'register-counts': [file('./register-counts.ts')],
  };
  const script = SCRIPTS[phase] ?? [file('./phases.ts'), phase];
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', ...script], {
    maxBuffer: 16 * 1024 * 1024,
    env: process.env,
  });
  const line = stdout.trim().split('\n').pop() ?? '{}';
  results.push(JSON.parse(line) as Result);
}

const f = (x: unknown, d = 1): string => (typeof x === 'number' ? x.toFixed(d) : String(x ?? '-'));
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');
const out: string[] = [];
for (const r of results) {
  switch (r.phase) {
    case 'startup':
      out.push(
        `startup (wall time of a process to its exit, median of ${r.runs} each, interleaved): \`kinerja --help\` ${f(r.helpMs, 0)} ms vs \`node -e 0\` ${f(r.floorMs, 0)} ms = ${f(r.helpRatio, 2)}× ` +
          `[goal ≤ 3×: ${verdict(Number(r.helpRatio) <= 3)}] (through tsx from the sources, as before dist/: ${f(r.helpTsxMs, 0)} ms); ` +
          `\`kinerja measure <demo> --year 2025\` ${f(r.measureCommandMs, 0)} ms for ${f(r.measureMs, 2)} ms of measuring (${f(Number(r.measureCommandMs) - Number(r.floorMs), 0)} ms above the floor)`,
      );
      break;
    case 'measure-demo':
      out.push(`measure demo agency-year (2 agreements): median ${f(r.medianMs, 3)} ms, max ${f(r.maxMs, 3)} ms over ${r.iterations} runs; peak RSS ${f(r.peakRssMb)} MB`);
      break;
    case 'measure-region':
      out.push(
        `measure region ${r.agencies} agencies × ${40} indicators, year ${r.year} (${r.agreementRows} agreement rows): cold ${f(r.coldMs)} ms, warm median ${f(r.warmMedianMs)} ms; ` +
          `all ${r.agencies}×10 agency-years ${f(r.allYearsMs)} ms; peak RSS ${f(r.peakRssMb)} MB ` +
          `[goal < 1000 ms and < 300 MB: ${verdict(Number(r.coldMs) < 1000 && Number(r.peakRssMb) < 300)}] (generate ${f(r.generateMs)} ms, validate ${f(r.validateMs)} ms)`,
      );
      break;
    case 'import-pglite':
    case 'import-postgres':
      if (r.skipped) {
        out.push(`${r.phase}: skipped (${r.skipped})`);
        break;
      }
      out.push(
        `${r.phase}: ${r.rows} rows; import ${f(r.importMedianMs)} ms vs raw multi-row INSERTs ${f(r.rawInsertMedianMs)} ms = ${f(r.importToRaw, 2)}× ` +
          `[goal ≤ 2×: ${verdict(Number(r.importToRaw) <= 2)}]; floor (one SQL query reading the region's rows) ${f(r.floorQueryMs)} ms; ` +
          `export ${f(r.exportRegionMs)} ms; export+measure ${f(r.measureFromDatabaseMs)} ms; peak RSS ${f(r.peakRssMb)} MB`,
      );
      break;
    case 'registers': {
      const goal = (ms: unknown, rss: unknown) => verdict(Number(ms) < 30_000 && Number(rss) < 300);
      const s = (ms: unknown) => `${f(Number(ms) / 1000)} s`;
      out.push(
        `registers: ${r.rows} micro businesses imported by \`kinerja register import --store\` on PGlite (median of ${r.runs}; load average ${f(r.loadStart)}–${f(r.loadEnd)} on 2 cores): ` +
          `CSV (${f(r.csvMb)} MB) ${s(r.csvCommandMs)} (CPU ${s(r.csvCpuMs)}), peak RSS ${f(r.csvPeakRssMb)} MB [goal < 30 s and < 300 MB: ${goal(r.csvCommandMs, r.csvPeakRssMb)}]; ` +
          `XLSX (${f(r.xlsxMb)} MB) ${s(r.xlsxCommandMs)} (CPU ${s(r.xlsxCpuMs)}), peak RSS ${f(r.xlsxPeakRssMb)} MB [goal: ${goal(r.xlsxCommandMs, r.xlsxPeakRssMb)}]; ` +
          `CSV with ${r.badRows} bad rows refused (${r.badStored} stored) in ${s(r.badCommandMs)}, ${f(r.badPeakRssMb)} MB [goal: ${goal(r.badCommandMs, r.badPeakRssMb)}]; ` +
          `floor (the same command on the header alone) ${s(r.floorMs)}, ${f(r.floorRssMb)} MB; ` +
          `in-process importRows ${s(r.importMs)} (CPU ${s(r.importCpuMs)}: read ${s(r.readMs)}, stage ${s(r.stageMs)}, preview ${s(r.previewMs)}, store ${s(r.storeMs)}) ` +
          `= ${f(r.importToCopy, 2)}× COPY (${s(r.copyMs)}), ${f(r.importToRaw, 2)}× multi-row INSERT (${s(r.rawInsertMs)}); ` +
          `PGlite's WebAssembly heap ${f(r.wasmOpenMb, 0)} MB opened, ${f(r.wasmAfterMb, 0)} MB after` +
          (r.pgImportMs !== undefined ? `; PostgreSQL importRows ${s(r.pgImportMs)} = ${f(r.pgImportToRaw, 2)}× multi-row INSERT (${s(r.pgInsertMs)})` : ''),
      );
      break;
    }
    case 'register-counts':
      out.push(
        `register counts (${r.engine}): every register-based figure of a demo-shaped agency for a year (${r.indicators} indicators, ${r.tables} tables, ${r.figures} figures; ` +
          `${r.cooperatives} cooperatives, ${r.microBusinesses} micro businesses, ${r.events} events) through figures() ${f(r.figuresMedianMs)} ms ` +
          `vs the same counts by hand, one plain query per figure (${r.handQueries} queries), ${f(r.handMedianMs)} ms = ${f(r.ratio, 2)}× ` +
          `[goal ≤ 1,2×: ${verdict(Number(r.ratio) <= 1.2)}] (medians of ${r.rounds} interleaved rounds); the registers' stamp (the server's query while its kept figures hold) ${f(r.stampMedianMs)} ms`,
      );
      break;
    case 'transfer': {
      const kb = (b: unknown) => `${f(Number(b) / 1000)} KB`;
      const total = Number(r.signInBytes) + Number(r.dashboardBytes);
      out.push(
        `transfer (Chromium, bytes as sent, headers included): sign-in page ${kb(r.signInBytes)} [goal ≤ 150 KB: ${verdict(Number(r.signInBytes) <= 150_000)}]; ` +
          `first dashboard after it ${kb(r.dashboardBytes)} more, ${kb(total)} in all from a fresh browser [goal ≤ 300 KB: ${verdict(total <= 300_000)}]`,
      );
      break;
    }
    case 'http': {
      if (r.skipped) {
        out.push(`HTTP on loopback (${r.engine}): skipped (${r.skipped})`);
        break;
      }
      type HttpRow = { name: string; requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number; serverCpuUsPerRequest: number; encoding?: string; bytes?: number; wireBytes?: number };
      const routes = (r as unknown as { routes: HttpRow[] }).routes;
      const floor = routes.find((x) => x.name.startsWith('healthz'));
      out.push(
        `HTTP on loopback (${r.engine}, ${r.connections} connections, ${r.duration} s per route after ${r.warmup} s of warm-up, the server in its own process, Accept-Encoding: ${String(r.acceptEncoding ?? 'none')}; ` +
          `goal p99 < 100 ms and < 5× the floor's p99; server CPU: the server process's CPU time per request):`,
      );
      for (const x of routes) {
        const ratio = floor ? x.p99Ms / floor.p99Ms : NaN;
        const goal = x === floor ? '' : ` [${verdict(x.p99Ms < 100 && ratio < 5 && !x.non2xx && !x.errors)}: ${f(ratio, 1)}× floor]`;
        out.push(
          `  ${x.name.padEnd(38)} ${f(x.requestsPerSecond, 0).padStart(6)} req/s  p50 ${String(x.p50Ms).padStart(4)} ms  p99 ${String(x.p99Ms).padStart(4)} ms` +
            `  server CPU ${f(x.serverCpuUsPerRequest, 0).padStart(5)} µs/req` +
            (x.encoding && x.bytes !== undefined && x.wireBytes !== undefined ? `  ${f(x.bytes / 1024, 1)} KiB as ${x.encoding} ${f(x.wireBytes / 1024, 1)} KiB` : '') +
            `${x.non2xx || x.errors ? `  (${x.non2xx} non-2xx, ${x.errors} errors)` : ''}${goal}`,
        );
      }
      break;
    }
    case 'report-demo': {
      const pdf = r.pdfSkipped
        ? `PDF skipped (${r.pdfSkipped})`
        : `PDF (warm browser) ${f(r.pdfMedianMs, 0)} ms [goal < 3000 ms: ${verdict(Number(r.pdfMedianMs) < 3000)}] (browser start ${f(r.browserStartMs, 0)} ms)`;
      out.push(
        `report demo LKIP 2025 (medians of ${r.runs} after a warm-up): model ${f(r.buildMedianMs)} ms; ` +
          `DOCX ${f(r.docxMedianMs, 0)} ms [goal < 1000 ms: ${verdict(Number(r.docxMedianMs) < 1000)}]; ` +
          `HTML ${f(r.htmlMedianMs)} ms; XLSX ${f(r.xlsxMedianMs, 0)} ms; ${pdf}`,
      );
      type Memory = { ownPeakRssMb: number; childrenPeakPssMb: number; childrenPeakRssMb: number; totalMb: number; maxChildren: number; wallMs: number };
      const memory = (r as unknown as { memory: Record<string, Memory> }).memory;
      out.push(`  peak memory of \`kinerja report <demo> --year 2025 --format F\`, each in a process of its own (median of ${r.memoryRuns} runs; goal < 500 MB):`);
      for (const [format, m] of Object.entries(memory)) {
        const browser = m.maxChildren ? ` + the browser's ${m.maxChildren} processes ${f(m.childrenPeakPssMb)} MB PSS (${f(m.childrenPeakRssMb)} MB RSS)` : '';
        out.push(`    ${format.padEnd(5)} ${f(m.totalMb).padStart(6)} MB: the command ${f(m.ownPeakRssMb)} MB RSS${browser}; ${f(m.wallMs, 0)} ms [${verdict(m.totalMb < 500)}]`);
      }
      break;
    }
  }
}
const region = results.find((r) => r.phase === 'measure-region');
for (const r of results.filter((x) => String(x.phase).startsWith('import-') && !x.skipped)) {
  if (region) out.push(`engine/floor ratio (${r.phase}): measure region cold ${f(region.coldMs)} ms ÷ floor ${f(r.floorQueryMs)} ms = ${f(Number(region.coldMs) / Number(r.floorQueryMs), 2)}`);
}
console.log(out.join('\n'));
await mkdir(new URL('../artifacts/', import.meta.url), { recursive: true });
await writeFile(new URL('../artifacts/bench.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));

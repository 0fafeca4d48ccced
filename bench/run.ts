/**
 * `npm run bench`: runs each phase of bench/phases.ts in its own process and prints the
 * figures, the goals, and the ratios asked for. Results are also written to
 * artifacts/bench.json. Phases can be chosen: `npm run bench -- measure-demo import-pglite`.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ALL = ['measure-demo', 'measure-region', 'import-pglite', 'import-postgres'];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const phases = chosen.length ? chosen : ALL;

type Result = Record<string, number | string>;
const results: Result[] = [];
for (const phase of phases) {
  process.stderr.write(`bench: ${phase} …\n`);
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./phases.ts', import.meta.url).pathname, phase], {
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
  }
}
const region = results.find((r) => r.phase === 'measure-region');
for (const r of results.filter((x) => String(x.phase).startsWith('import-') && !x.skipped)) {
  if (region) out.push(`engine/floor ratio (${r.phase}): measure region cold ${f(region.coldMs)} ms ÷ floor ${f(r.floorQueryMs)} ms = ${f(Number(region.coldMs) / Number(r.floorQueryMs), 2)}`);
}
console.log(out.join('\n'));
await mkdir(new URL('../artifacts/', import.meta.url), { recursive: true });
await writeFile(new URL('../artifacts/bench.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));

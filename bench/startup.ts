/**
 * `npm run bench -- startup`: how long the command line takes as a user runs it, against what it
 * does. Side by side in one run, interleaved (so a busy machine slows each alike), the median of
 * RUNS processes each:
 *   - `node -e 0`, the floor: Node.js starting and stopping;
 *   - `kinerja --help` as installed (`bin/kinerja.js`, through its `#!` line's switches): the
 *     compiled command line in dist/ (goal: within 3× the floor);
 *   - the same help through tsx from the TypeScript sources, as the command ran before dist/;
 *   - `kinerja measure <demo> --year 2025`, against `measure()` of the demo in this process
 *     (the command's own work) and the floor.
 * Prints one JSON line (bench/run.ts). dist/ is built first when stale, so no run includes a build.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, ROOT, staleness } from '../bin/compiled.js';
import { validateDocument } from '../src/core/dataset/validate.js';
import { measure } from '../src/core/measure/index.js';

const run = promisify(execFile);
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
const BIN = fileURLToPath(new URL('../bin/kinerja.js', import.meta.url));
const DEMO = 'examples/diskopum-jember-2025.json';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One process to its end, its wall time in ms (start to exit, as a shell's `time` reports it). */
async function timedProcess(file: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  await run(file, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return performance.now() - t0;
}

if (staleness()) await build();

const tsxHelp = `const { main } = await import(${JSON.stringify(new URL('../src/cli/main.ts', import.meta.url).href)}); process.exitCode = await main(['--help']);`;
const cases: Record<string, () => Promise<number>> = {
  floor: () => timedProcess(process.execPath, ['-e', '0']),
  // started as the shell starts an installed command: the file itself, its `#!` line choosing node and its switches
  help: () => timedProcess(BIN, ['--help']),
  helpTsx: () => timedProcess(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', tsxHelp]),
  measure: () => timedProcess(BIN, ['measure', DEMO, '--year', '2025']),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const fn of Object.values(cases)) await fn(); // one warm-up each: the file system's cache, tsx's cache
for (let i = 0; i < RUNS; i++) for (const [name, fn] of Object.entries(cases)) times[name]!.push(await fn());

// the command's own work: measure() of the demo in this process, warm
const v = validateDocument(JSON.parse(await readFile(new URL(`../${DEMO}`, import.meta.url), 'utf8')));
if (v.kind !== 'dataset') throw new Error('the demo dataset is not valid');
for (let i = 0; i < 20; i++) measure(v.dataset, 2025);
const measuring: number[] = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  measure(v.dataset, 2025);
  measuring.push(performance.now() - t0);
}

const floorMs = median(times.floor!);
const helpMs = median(times.help!);
console.log(
  JSON.stringify({
    phase: 'startup',
    runs: RUNS,
    floorMs,
    helpMs,
    helpRatio: helpMs / floorMs,
    helpTsxMs: median(times.helpTsx!),
    measureCommandMs: median(times.measure!),
    measureMs: median(measuring),
  }),
);

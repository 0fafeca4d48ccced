/**
 * Peak memory of a whole command as a user runs it: the command is started as a process of its
 * own and its process tree is sampled from /proc every 20 ms until it ends.
 *
 * - the command's own process: its peak RSS (`VmHWM`, which the kernel keeps, so no peak between
 *   two samples is missed; only a rise in its last 20 ms before it ends could be);
 * - the processes it starts (the browser's): the peak of their summed PSS (shared pages divided
 *   among the processes sharing them, so a page shared by ten renderer processes counts once),
 *   sampled; their summed RSS, which counts a shared page once per process, is kept too;
 * - the total: the first plus the second, each at its own peak, so never less than the true peak.
 *
 * Used by the `report-memory` phase of `npm run bench`; also a script:
 * `node --import tsx bench/peak-memory.ts -- node bin/kinerja.js report … -o out.pdf`.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface PeakMemory {
  /** the command's own process: peak RSS (VmHWM), MB */
  ownPeakRssMb: number;
  /** its descendants: peak of their summed PSS, MB */
  childrenPeakPssMb: number;
  /** its descendants: peak of their summed RSS (shared pages counted in each), MB */
  childrenPeakRssMb: number;
  /** own peak RSS + children's peak PSS, MB */
  totalMb: number;
  /** how many descendants were seen at once, at most */
  maxChildren: number;
  wallMs: number;
  /** the command's own CPU time (user + system) as last sampled, ms: on shared cores, less dependent on the load than the wall time */
  cpuMs: number;
  exitCode: number | null;
}

/** Every process descending from `root`, from /proc. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const kid of children.get(queue.shift()!) ?? []) {
      out.push(kid);
      queue.push(kid);
    }
  }
  return out;
}

/** Summed RSS and PSS (kB) of the given processes. */
export function memoryOf(pids: number[]): { rssKb: number; pssKb: number } {
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

/** The peak RSS (kB) the kernel has kept for a process; 0 once it has ended (a zombie has none). */
function peakRssKb(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in ms (clock ticks of 10 ms), 0 when it has ended. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime, stime (fields 14, 15)
  } catch {
    return 0;
  }
}

/** Runs `command args…` to its end and reports its peak memory; an exit code not in `exitCodes` (default: 0) is an error. */
export function measurePeakMemory(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, exitCodes: readonly number[] = [0]): Promise<PeakMemory> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let own = 0;
    let pss = 0;
    let rss = 0;
    let maxChildren = 0;
    let cpu = 0;
    const sample = (): void => {
      if (child.pid === undefined) return;
      own = Math.max(own, peakRssKb(child.pid));
      cpu = Math.max(cpu, cpuMsOf(child.pid));
      const kids = descendants(child.pid);
      maxChildren = Math.max(maxChildren, kids.length);
      const m = memoryOf(kids);
      pss = Math.max(pss, m.pssKb);
      rss = Math.max(rss, m.rssKb);
    };
    const timer = setInterval(sample, 20);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code === null || !exitCodes.includes(code)) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
        return;
      }
      resolve({
        ownPeakRssMb: own / 1024,
        childrenPeakPssMb: pss / 1024,
        childrenPeakRssMb: rss / 1024,
        totalMb: (own + pss) / 1024,
        maxChildren,
        wallMs: performance.now() - t0,
        cpuMs: cpu,
        exitCode: code,
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--');
  const [command, ...args] = process.argv.slice(at >= 0 ? at + 1 : 2);
  if (!command) {
    console.error('usage: node --import tsx bench/peak-memory.ts -- COMMAND [ARGS…]');
    process.exit(2);
  }
  console.log(JSON.stringify(await measurePeakMemory(command, args)));
}

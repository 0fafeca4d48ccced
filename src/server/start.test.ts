/**
 * Start-up hygiene, on real processes: `npm start` stops, server and all, when its npm
 * process gets SIGTERM; the default data directory is the install's, wherever a command runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { cleanEnv, exited, freePort, kinerjaCli, portOpen, ROOT, waitForHealth } from './processes-testing.js';

let dir: string;
let baseEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-start-'));
  baseEnv = { ...cleanEnv(), KINERJA_DEMO: '0', NO_COLOR: '1' };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The processes descending from `pid` (Linux: /proc). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …"; comm may hold spaces and parentheses
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const found: number[] = [];
  const visit = (p: number) => {
    for (const [child, pp] of parent) if (pp === p && !found.includes(child)) (found.push(child), visit(child));
  };
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.runIf(process.platform === 'linux')('npm start', () => {
  it('stops the server when the npm process gets SIGTERM: no process remains, the port is free', async () => {
    const port = await freePort();
    // --ignore-scripts skips prestart (building web/dist, not what is tested here) and runs `start` as npm does
    const npm = spawn('npm', ['start', '--ignore-scripts'], {
      cwd: ROOT,
      env: { ...baseEnv, KINERJA_DATA_DIR: join(dir, 'npm-start'), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    let tree: number[] = [];
    try {
      await waitForHealth(port, npm);
      tree = descendants(npm.pid!);
      expect(tree.length, 'the server runs under npm').toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await exited(npm);
      const end = Date.now() + 10_000;
      while (Date.now() < end && (tree.some(alive) || (await portOpen(port)))) await new Promise((r) => setTimeout(r, 100));
      expect(tree.filter(alive), out).toStrictEqual([]);
      expect(await portOpen(port)).toBe(false);
      expect(out).toContain('SIGTERM: Kinerja berhenti.');
    } finally {
      // an orphaned server would outlive the test
      for (const p of [npm.pid!, ...tree, ...descendants(npm.pid!)]) if (alive(p)) process.kill(p, 'SIGKILL');
    }
  }, 120_000);
});

describe('the default data directory', () => {
  it('is data/ next to package.json, whichever directory a command or the server is started in', async () => {
    // a copy of the install (sources, command, settings; node_modules linked), so the test's
    // default data directory is its own and not the working tree's
    const install = join(dir, 'kinerja');
    await mkdir(install);
    for (const f of ['src', 'bin', 'examples', 'package.json', 'tsconfig.json']) await cp(join(ROOT, f), join(install, f), { recursive: true });
    await symlink(join(ROOT, 'node_modules'), join(install, 'node_modules'), 'dir');
    const bin = join(install, 'bin', 'kinerja.js');
    const elsewhere = join(dir, 'elsewhere');
    const docs = join(install, 'docs');
    await mkdir(elsewhere);
    await mkdir(docs);
    await writeFile(join(elsewhere, 'ok.json'), JSON.stringify(minimalDataset()));

    const imported = await kinerjaCli(baseEnv, ['import', 'ok.json'], elsewhere, bin);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.err).toContain(`Basis data tertanam baru dibuat di ${join(install, 'data', 'pglite')}`);
    const listed = await kinerjaCli(baseEnv, ['agencies', '--json'], docs, bin);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.err).toBe('');
    expect(JSON.parse(listed.out).map((a: { id: string }) => a.id)).toStrictEqual(['dinco']);
    expect(existsSync(join(elsewhere, 'data'))).toBe(false);
    expect(existsSync(join(docs, 'data'))).toBe(false);

    // the server, started in yet another directory, says where the data is: the same place
    const port = await freePort();
    const server = await runServerUntilHealthy(join(install, 'src', 'server', 'main.ts'), { ...baseEnv, PORT: String(port) }, dir, port);
    expect(server).toContain(`Basis data: PGlite di ${join(install, 'data', 'pglite')}\n`);

    // a relative KINERJA_DATA_DIR is taken from where the command is started
    const relative = await kinerjaCli({ ...baseEnv, KINERJA_DATA_DIR: 'mine' }, ['import', 'ok.json'], elsewhere, bin);
    expect(relative.code, relative.err).toBe(0);
    expect(relative.err).toContain(`baru dibuat di ${join(elsewhere, 'mine', 'pglite')}`);
  }, 180_000);
});

/** Start the server, wait for /healthz, stop it with SIGTERM; its output. */
async function runServerUntilHealthy(main: string, env: NodeJS.ProcessEnv, cwd: string, port: number): Promise<string> {
  // tsx by its path: `--import tsx` would look for it in `cwd`
  const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, main], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await waitForHealth(port, child);
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
  return out;
}

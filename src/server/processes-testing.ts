/**
 * Test support for tests on real processes: the command line (bin/kinerja.js) and the web
 * server (src/server/main.ts through tsx) started as a user starts them, a free port, waiting
 * for /healthz.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** the install directory (next to package.json) */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'kinerja.js');
export const SERVER = join(ROOT, 'src', 'server', 'main.ts');

export interface Ran {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

/** This process's environment without Kinerja's settings: a test sets its own, nothing of the developer's leaks in. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('KINERJA_') || k === 'DATABASE_URL' || k === 'NODE_ENV' || k === 'PORT') delete env[k];
  return env;
}

/** Run a command to its end. */
export function runProcess(cmd: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<Ran> {
  const t0 = Date.now();
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { env: opts.env, cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code, out, err, ms: Date.now() - t0 }));
  });
}

/** `kinerja ARGS` as a process; `bin` another install's bin/kinerja.js */
export const kinerjaCli = (env: NodeJS.ProcessEnv, args: string[], cwd?: string, bin: string = BIN) => runProcess(process.execPath, [bin, ...args], { env, ...(cwd ? { cwd } : {}) });

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((res) => s.listen(0, '127.0.0.1', () => res()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((res) => s.close(() => res()));
  return port;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((res) => {
    const c = net.connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      res(true);
    });
    c.once('error', () => res(false));
  });
}

export async function waitForHealth(port: number, child: { exitCode: number | null }, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer on /healthz of port ${port} in ${timeoutMs} ms`);
}

/** resolves with the exit code once the process has ended */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((res) => (child.exitCode !== null || child.signalCode !== null ? res(child.exitCode) : child.once('exit', (code) => res(code))));

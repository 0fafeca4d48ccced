import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, DatabaseInUseError, defaultKind, lockName, probeLock, queryHolder, type DirLock, type LockKind } from './lock.js';

const LOCK_MODULE = fileURLToPath(new URL('./lock.ts', import.meta.url));

/** A child process holding the lock on `dir`; `busy` then blocks its event loop (a long query). */
async function holderProcess(dir: string, kind: LockKind, busyMs = 0): Promise<ChildProcess> {
  const code = `
    const { acquireLock } = await import(${JSON.stringify(LOCK_MODULE)});
    await acquireLock(${JSON.stringify(dir)}, { what: 'import' }, { kind: ${JSON.stringify(kind)} });
    process.stdout.write('ready\\n');
    if (${busyMs} > 0) { const end = Date.now() + ${busyMs}; while (Date.now() < end) {} }
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) res();
    });
    child.on('exit', (c) => rej(new Error(`holder exited with ${c}`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((res) => (child.exitCode !== null || child.signalCode !== null ? res() : child.once('exit', () => res())));

async function refusal(p: Promise<unknown>): Promise<DatabaseInUseError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DatabaseInUseError) return e;
    throw e;
  }
  throw new Error('expected DatabaseInUseError');
}

let root: string;
const children: ChildProcess[] = [];
const locks: DirLock[] = [];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kinerja-lock-'));
});
afterEach(async () => {
  for (const c of children.splice(0)) {
    c.kill('SIGKILL');
    await exited(c);
  }
  for (const l of locks.splice(0)) await l.release();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it('picks the abstract socket on Linux, a named pipe on Windows, a socket file elsewhere', () => {
  expect([defaultKind('linux'), defaultKind('win32'), defaultKind('darwin')]).toStrictEqual(['abstract', 'pipe', 'file']);
  expect(lockName('/srv/kinerja/data/pglite', 'abstract')).toMatch(/^\0kinerja-[0-9a-f]{64}$/);
  expect(lockName('/srv/kinerja/data/pglite', 'pipe')).toMatch(/^\\\\\.\\pipe\\kinerja-[0-9a-f]{64}$/);
  expect(lockName('/srv/kinerja/data/pglite', 'file')).toBe('/srv/kinerja/data/.pglite.lock');
  // a socket path too long for sun_path goes to the temp directory, named by the hash
  expect(lockName(`/srv/${'x'.repeat(120)}/pglite`, 'file')).toMatch(new RegExp(`^${tmpdir().replace(/[\\\\/.]/g, '\\$&')}.kinerja-[0-9a-f]{32}\\.lock$`));
});

for (const kind of ['abstract', 'file'] as const) {
  describe(`lock (${kind} socket)`, () => {
    it('refuses a second holder in the same process, names the first, and is free again once released', async () => {
      const dir = join(root, `${kind}-one`, 'pglite');
      const first = await acquireLock(dir, { what: 'server' }, { kind });
      locks.push(first);
      first.describe({ url: 'http://127.0.0.1:3999' });
      const e = await refusal(acquireLock(dir, { what: 'import' }, { kind }));
      expect(e.holder).toStrictEqual({ pid: process.pid, what: 'server', since: first.holder.since, url: 'http://127.0.0.1:3999' });
      expect(Date.now() - Date.parse(first.holder.since)).toBeLessThan(60_000);
      expect(e.message).toContain(`is in use by the Kinerja web server (pid ${process.pid}, since `);
      expect(e.message).toContain('at http://127.0.0.1:3999');
      expect(e.message).toContain('DATABASE_URL');
      expect(e.localized.id).toContain(`sedang dipakai oleh server web Kinerja (pid ${process.pid}, sejak `);
      expect(e.localized.id).toContain('Impor & Ekspor');
      await first.release();
      await first.release(); // idempotent
      if (kind === 'file') expect(existsSync(first.name)).toBe(false);
      const second = await acquireLock(dir, { what: 'import' }, { kind });
      locks.push(second);
      expect(second.holder.what).toBe('import');
    });

    it('probes without taking the lock: the same refusal while held, nothing when free or missing', async () => {
      const dir = join(root, `${kind}-probe`, 'pglite');
      expect(await probeLock(dir, { kind })).toBeUndefined(); // no directory yet
      const held = await acquireLock(dir, { what: 'server' }, { kind });
      locks.push(held);
      const e = await probeLock(dir, { kind });
      expect(e).toBeInstanceOf(DatabaseInUseError);
      expect(e!.holder).toStrictEqual(held.holder);
      await held.release();
      expect(await probeLock(dir, { kind })).toBeUndefined();
      // probing took nothing
      locks.push(await acquireLock(dir, { what: 'import' }, { kind }));
    });

    it('is one lock for one directory whatever path names it (a symbolic link)', async () => {
      const dir = join(root, `${kind}-link`, 'real');
      await mkdir(dir, { recursive: true });
      await symlink(dir, join(root, `${kind}-link`, 'alias'));
      locks.push(await acquireLock(dir, { what: 'export' }, { kind }));
      const e = await refusal(acquireLock(join(root, `${kind}-link`, 'alias'), { what: 'import' }, { kind }));
      expect(e.holder?.what).toBe('export');
      expect(e.message).toContain('the command `kinerja export`');
      // another directory is not locked
      locks.push(await acquireLock(join(root, `${kind}-link`, 'other'), { what: 'import' }, { kind }));
    });

    it('refuses another process at once, with the holder named; a holder killed with SIGKILL leaves no lock', async () => {
      const dir = join(root, `${kind}-proc`, 'pglite');
      const child = await holderProcess(dir, kind);
      children.push(child);
      const t0 = Date.now();
      const e = await refusal(acquireLock(dir, { what: 'publish' }, { kind }));
      expect(Date.now() - t0).toBeLessThan(1500);
      expect(e.holder).toMatchObject({ pid: child.pid, what: 'import' });
      expect(e.localized.id).toContain(`perintah \`kinerja import\` (pid ${child.pid}`);
      child.kill('SIGKILL');
      await exited(child);
      if (kind === 'file') expect(existsSync(lockName(e.dir, 'file'))).toBe(true); // the file stays behind…
      const t1 = Date.now();
      const mine = await acquireLock(dir, { what: 'publish' }, { kind }); // …and is not a lock
      locks.push(mine);
      expect(Date.now() - t1).toBeLessThan(1500);
      expect(await queryHolder(mine.name)).toMatchObject({ pid: process.pid, what: 'publish' });
    });

    it('refuses while the holder is too busy to answer, without naming it', async () => {
      const dir = join(root, `${kind}-busy`, 'pglite');
      const child = await holderProcess(dir, kind, 4000);
      children.push(child);
      const t0 = Date.now();
      const e = await refusal(acquireLock(dir, { what: 'import' }, { kind, answerTimeoutMs: 300 }));
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(e.holder).toBeUndefined();
      expect(e.message).toContain('in use by another process');
    });
  });
}

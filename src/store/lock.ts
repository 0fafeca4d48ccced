/**
 * One writer per embedded database: a lock on a directory that the kernel holds for the
 * process and drops when it ends, however it ends (a `kill -9` leaves no stale lock).
 *
 * The lock is a listening local socket whose name is derived from the directory's real path:
 *
 * - Linux: an abstract unix socket `\0kinerja-<sha256>` (no file; gone with the process);
 * - Windows: a named pipe `\\.\pipe\kinerja-<sha256>` (the same properties);
 * - elsewhere (macOS): a unix socket file next to the directory (`.<name>.lock`), and a
 *   connect test to tell a live holder from a file a killed holder left behind.
 *
 * A second `listen` on the same name fails with EADDRINUSE: that is the refusal. The holder
 * answers every connection to the name with its identity as JSON ({@link Holder}), so the
 * refused process can say who holds the directory, since when and what to do.
 */
import { createHash } from 'node:crypto';
import { mkdir, realpath, unlink } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Localized } from '../core/findings.js';

/** Who holds a directory, as the holder answers it. */
export interface Holder {
  pid: number;
  /** `server` (the web server) or the command line's command (`import`, `export`, …) */
  what: string;
  /** when the lock was taken, ISO 8601 */
  since: string;
  /** the server's address, once it listens */
  url?: string;
}

/** What a process says about itself when it takes a lock. */
export interface HolderInfo {
  what: string;
  url?: string;
}

export type LockKind = 'abstract' | 'pipe' | 'file';

export interface LockOptions {
  /** the kind of socket; default by platform (Linux abstract, Windows pipe, else file) */
  kind?: LockKind;
  /** how long a refused process waits for the holder's identity (ms); default 2000 */
  answerTimeoutMs?: number;
}

export interface DirLock {
  /** the directory's real path */
  readonly dir: string;
  /** the socket's name (abstract names start with NUL) */
  readonly name: string;
  readonly holder: Readonly<Holder>;
  /** change what the holder answers (the server adds its address once it listens) */
  describe(update: Partial<HolderInfo>): void;
  /** give the lock up; idempotent */
  release(): Promise<void>;
}

/** Refused: another process holds the directory. The message says who and what to do, in both languages. */
export class DatabaseInUseError extends Error {
  readonly localized: Localized;
  constructor(
    readonly dir: string,
    /** absent when the holder did not answer in time */
    readonly holder: Holder | undefined,
  ) {
    const m = inUseMessage(dir, holder);
    super(m.en);
    this.name = 'DatabaseInUseError';
    this.localized = { id: m.id };
  }
}

export function defaultKind(platform: NodeJS.Platform = process.platform): LockKind {
  return platform === 'linux' ? 'abstract' : platform === 'win32' ? 'pipe' : 'file';
}

/** The socket name locking `realDir` (already a real path). */
export function lockName(realDir: string, kind: LockKind): string {
  const key = process.platform === 'win32' ? realDir.toLowerCase() : realDir;
  const hash = createHash('sha256').update(key).digest('hex');
  if (kind === 'abstract') return `\0kinerja-${hash}`;
  if (kind === 'pipe') return `\\\\.\\pipe\\kinerja-${hash}`;
  const beside = join(dirname(realDir), `.${basename(realDir)}.lock`);
  // a unix socket path holds at most 104 bytes on macOS (108 on Linux)
  return Buffer.byteLength(beside) <= 100 ? beside : join(tmpdir(), `kinerja-${hash.slice(0, 32)}.lock`);
}

/**
 * Take the lock on `dir` (created when missing) for this process, or throw
 * {@link DatabaseInUseError} naming the holder. Release it with `release()`; the kernel
 * releases it anyway when the process ends.
 */
export async function acquireLock(dir: string, info: HolderInfo, opts: LockOptions = {}): Promise<DirLock> {
  await mkdir(dir, { recursive: true });
  const real = await realpath(dir);
  const kind = opts.kind ?? defaultKind();
  const name = lockName(real, kind);
  const holder: Holder = { pid: process.pid, what: info.what, since: new Date().toISOString(), ...(info.url ? { url: info.url } : {}) };
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.end(JSON.stringify(holder));
  });
  // the lock must not keep a process alive that has nothing else to do
  server.unref();
  let listening = await listen(server, name);
  let answer: Awaited<ReturnType<typeof queryHolder>> | undefined;
  if (!listening && kind === 'file') {
    // a socket file left behind by a holder that was killed: nobody answers on it
    answer = await queryHolder(name, opts.answerTimeoutMs);
    if (answer === 'refused') {
      await unlink(name).catch(() => {});
      answer = undefined;
      listening = await listen(server, name);
    }
  }
  if (!listening) {
    answer ??= await queryHolder(name, opts.answerTimeoutMs);
    throw new DatabaseInUseError(real, typeof answer === 'object' ? answer : undefined);
  }
  let released: Promise<void> | undefined;
  return {
    dir: real,
    name,
    holder,
    describe(update) {
      if (update.what !== undefined) holder.what = update.what;
      if (update.url !== undefined) holder.url = update.url;
    },
    release() {
      released ??= new Promise<void>((res) => server.close(() => res()));
      return released;
    },
  };
}

/**
 * Whether another process holds `dir`, without taking the lock: the error {@link acquireLock}
 * would throw, or undefined. Cheap (no database code loaded), so the command line asks before it
 * loads the database drivers; `acquireLock` remains the authority.
 */
export async function probeLock(dir: string, opts: LockOptions = {}): Promise<DatabaseInUseError | undefined> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    return undefined; // no directory, no holder
  }
  const answer = await queryHolder(lockName(real, opts.kind ?? defaultKind()), opts.answerTimeoutMs);
  return answer === 'refused' ? undefined : new DatabaseInUseError(real, answer === 'silent' ? undefined : answer);
}

/** Listen on `name`; false when another process listens there. */
function listen(server: net.Server, name: string): Promise<boolean> {
  return new Promise((res, rej) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') res(false);
      else rej(e);
    };
    const onListening = () => {
      server.off('error', onError);
      res(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(name);
  });
}

/**
 * Ask the process listening on `name` who it is: its {@link Holder}, `'refused'` when nobody
 * listens, `'silent'` when it did not answer in time (a holder busy in a long query).
 */
export function queryHolder(name: string, timeoutMs = 2000): Promise<Holder | 'refused' | 'silent'> {
  return new Promise((res) => {
    let data = '';
    let done = false;
    const finish = (r: Holder | 'refused' | 'silent') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      res(r);
    };
    const socket = net.connect(name);
    const timer = setTimeout(() => finish('silent'), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      if (data.length > 4096) finish('silent');
    });
    socket.on('end', () => finish(parseHolder(data) ?? 'silent'));
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? 'refused' : 'silent'));
  });
}

function parseHolder(data: string): Holder | undefined {
  try {
    const h = JSON.parse(data) as Partial<Holder>;
    if (typeof h.pid !== 'number' || typeof h.what !== 'string' || typeof h.since !== 'string') return undefined;
    return { pid: h.pid, what: h.what, since: h.since, ...(typeof h.url === 'string' ? { url: h.url } : {}) };
  } catch {
    return undefined;
  }
}

/** `2026-12-07 06:50:12 UTC` */
const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
};

function inUseMessage(dir: string, h: Holder | undefined): { en: string; id: string } {
  const server = h?.what === 'server';
  const who = !h
    ? { en: 'another process (it did not say which in time)', id: 'proses lain (tidak menyebut dirinya tepat waktu)' }
    : server
      ? { en: 'the Kinerja web server', id: 'server web Kinerja' }
      : { en: `the command \`kinerja ${h.what}\``, id: `perintah \`kinerja ${h.what}\`` };
  const facts = h
    ? {
        en: ` (pid ${h.pid}, since ${when(h.since)}${h.url ? `, at ${h.url}` : ''})`,
        id: ` (pid ${h.pid}, sejak ${when(h.since)}${h.url ? `, di ${h.url}` : ''})`,
      }
    : { en: '', id: '' };
  const stop = server
    ? {
        en: `stop the server first (Ctrl+C where it runs, or kill ${h.pid}) and run this again; or, while it runs, import and export in the web app (page "Import and export")`,
        id: `hentikan dulu server itu (Ctrl+C di tempat ia berjalan, atau kill ${h.pid}) lalu ulangi; atau, selama server berjalan, impor dan ekspor lewat aplikasi web (halaman "Impor & Ekspor")`,
      }
    : h
      ? { en: `wait until it ends (or stop it: kill ${h.pid}) and run this again`, id: `tunggu sampai selesai (atau hentikan: kill ${h.pid}) lalu ulangi` }
      : { en: 'stop that process first and run this again', id: 'hentikan dulu proses itu lalu ulangi' };
  return {
    en:
      `the embedded database ${dir} is in use by ${who.en}${facts.en}; only one process at a time may open it. ` +
      `What to do: ${stop.en}; or, for several processes at once, use a PostgreSQL server (DATABASE_URL).`,
    id:
      `basis data tertanam ${dir} sedang dipakai oleh ${who.id}${facts.id}; hanya satu proses pada satu waktu yang boleh membukanya. ` +
      `Yang dapat dilakukan: ${stop.id}; atau, untuk beberapa proses sekaligus, pakai server PostgreSQL (DATABASE_URL).`,
  };
}

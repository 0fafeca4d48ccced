/**
 * The database connection: one PostgreSQL dialect, two engines.
 *
 * - With a `databaseUrl`: a PostgreSQL server through node-postgres.
 * - Without: PGlite (PostgreSQL compiled to WebAssembly), file-backed under
 *   `<dataDir>/pglite`, served on a private unix socket by `@electric-sql/pglite-socket`
 *   and reached through the same node-postgres `Pool`. Both engines therefore return the
 *   same JavaScript types and run the same SQL; nothing above this file knows which one
 *   it talks to. PGlite is a single backend, so its pool has one connection.
 *
 * A file-backed PGlite directory is opened by one process at a time: `startPglite` takes the
 * directory's lock (lock.ts) before PGlite opens it and gives it up after PGlite has closed,
 * so a second process (the server and a command, two commands) is refused at once with
 * {@link DatabaseInUseError} naming the holder, instead of both writing the same files.
 *
 * Type parsing is set on the pool (never globally): `numeric` (money) and `int8` (counts)
 * come back as JS numbers, `date` as its `YYYY-MM-DD` text.
 *
 * With `schema`, every pool client gets `search_path` set to it before it is handed out
 * (pg-pool's awaited `onConnect` hook). The startup option `-c search_path=…` is not
 * used: PGlite's socket ignores startup options (checked with pglite-socket 0.2.17).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DEFAULT_DATA_DIR } from '../config.js';
import { acquireLock, type DirLock, type HolderInfo } from './lock.js';
import { migrate, type MigrateOptions } from './migrate.js';

export { DatabaseInUseError } from './lock.js';

export type Engine = 'pglite' | 'postgres';

export interface Db {
  pool: pg.Pool;
  engine: Engine;
  schema: string;
  /** PGlite: the directory of its files */
  dir?: string;
  /** PGlite: this open created the database (the directory held none) */
  created?: boolean;
  /** PGlite: the directory's lock, to change what the holder answers (the server's address) */
  lock?: DirLock;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; absent = embedded PGlite under `dataDir` */
  databaseUrl?: string;
  /** default `data/` next to package.json (config.ts); PGlite keeps its files in `<dataDir>/pglite` */
  dataDir?: string;
  /** the schema the store lives in (created when missing); default `public` */
  schema?: string;
  /** PGlite: what this process tells another one refused by the directory's lock */
  holder?: HolderInfo;
  /** PGlite: its `shared_buffers` (e.g. `16MB`); default PGlite's own, 128 MB */
  sharedBuffers?: string;
}

const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

/** Per-pool type parsers: the model's numbers are JS numbers, dates stay ISO text. */
export const storeTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === undefined || format === 'text') {
      if (oid === OID.NUMERIC) return (v: string) => Number.parseFloat(v);
      if (oid === OID.INT8) return (v: string) => Number(v);
      if (oid === OID.DATE) return (v: string) => v;
    }
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function checkSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`schema name ${JSON.stringify(schema)}: expected letters, digits and _ (not starting with a digit), at most 63`);
  }
}

/**
 * A pool on `config` whose clients use `schema`. Does not create the schema or migrate:
 * {@link openDatabase} does both; tests use this to reach a shared PGlite server.
 */
export function createPool(config: pg.PoolConfig, schema: string): pg.Pool {
  checkSchemaName(schema);
  const setPath = `SET search_path TO ${pg.escapeIdentifier(schema)}`;
  const pool = new pg.Pool({
    ...config,
    types: storeTypes,
    onConnect: async (client) => {
      await client.query(setPath);
    },
  });
  // An idle client whose connection drops emits 'error' on the pool; the pool discards the
  // client by itself and the next query opens a new one. Without a listener, Node would
  // treat the event as an uncaught exception.
  pool.on('error', () => {});
  return pool;
}

/** Create the schema when it is missing (a concurrent creator is not an error). */
export async function ensureSchema(pool: pg.Pool, schema: string): Promise<void> {
  checkSchemaName(schema);
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== '42P06' && code !== '23505') throw e; // duplicate_schema, unique_violation (race)
  }
}

export interface PgliteServer {
  db: PGlite;
  /** the directory holding the socket `.s.PGSQL.5432`: node-postgres's `host` */
  socketDir: string;
  /** pool settings reaching this server */
  poolConfig: pg.PoolConfig;
  /** file-backed: the directory's lock, held until `stop()` has closed PGlite */
  lock?: DirLock;
  /** file-backed: the directory held no database before */
  created: boolean;
  stop(): Promise<void>;
}

/**
 * PGlite's start parameters: its defaults, with `shared_buffers` when one is asked for. PGlite's
 * own is 128 MB, and the buffer pool lives in its WebAssembly heap, touched at start and never
 * given back: opening a file-backed database took 290 MB of RSS with it, 164 MB with 16 MB. A
 * long-running server keeps the default (a count over a 300.000-row register ran 2,5–3× slower
 * with 16 MB, its pages read again through the file system); a bulk command asks for less
 * (`kinerja register import`, issue 13).
 */
function pgliteOptions(sharedBuffers: string | undefined): { startParams?: string[] } {
  if (sharedBuffers === undefined) return {};
  if (!/^\d{1,5}(kB|MB|GB)$/.test(sharedBuffers)) throw new Error(`shared_buffers ${JSON.stringify(sharedBuffers)}: expected a size such as 16MB`);
  return { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] };
}

/**
 * Start PGlite (file-backed in `dataDir`, or in memory when it is undefined) behind a unix
 * socket in a fresh directory under the OS temp dir (socket paths must stay under 108 bytes,
 * a data dir may be deep). `maxConnections` > 1 only lets a new connection in while the
 * previous one is still being torn down; PGlite remains one session, so callers use one
 * connection at a time.
 */
export async function startPglite(dataDir?: string, holder: HolderInfo = { what: 'process' }, sharedBuffers?: string): Promise<PgliteServer> {
  // throws DatabaseInUseError when another process holds the directory (mkdir included)
  const lock = dataDir === undefined ? undefined : await acquireLock(dataDir, holder);
  const created = dataDir !== undefined && !existsSync(join(dataDir, 'PG_VERSION'));
  let db: PGlite;
  try {
    const options = pgliteOptions(sharedBuffers);
    db = dataDir === undefined ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  } catch (e) {
    await lock?.release();
    const where = dataDir === undefined ? 'in memory' : `at ${dataDir}`;
    throw new Error(`could not open the embedded database ${where}: ${(e as Error).message}`, { cause: e });
  }
  const socketDir = await mkdtemp(join(tmpdir(), 'kinerja-'));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 4 });
  try {
    await server.start();
  } catch (e) {
    await db.close();
    await lock?.release();
    await rm(socketDir, { recursive: true, force: true });
    throw e;
  }
  let stopped = false;
  return {
    db,
    socketDir,
    poolConfig: { host: socketDir, database: 'postgres', user: 'postgres', max: 1 },
    ...(lock ? { lock } : {}),
    created,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        try {
          await server.stop();
        } finally {
          await db.close();
        }
        // only once PGlite has written and closed its files may another process open them
        // (when closing failed, the lock stays until this process ends)
        await lock?.release();
      } finally {
        await rm(socketDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Open the store: connect, create the schema when missing, run pending migrations.
 * `close()` ends the pool and, for PGlite, stops the socket server and closes the database
 * in that order (otherwise the process lingers).
 */
export async function openDatabase(opts: OpenOptions = {}, migrateOptions: MigrateOptions = {}): Promise<Db> {
  const schema = opts.schema ?? 'public';
  checkSchemaName(schema);
  let db: Db;
  if (opts.databaseUrl !== undefined) {
    const pool = createPool({ connectionString: opts.databaseUrl }, schema);
    db = { pool, engine: 'postgres', schema, close: () => pool.end() };
  } else {
    const dir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR, 'pglite');
    const server = await startPglite(dir, opts.holder, opts.sharedBuffers);
    const pool = createPool(server.poolConfig, schema);
    let closed = false;
    db = {
      pool,
      engine: 'pglite',
      schema,
      dir,
      created: server.created,
      ...(server.lock ? { lock: server.lock } : {}),
      async close() {
        if (closed) return;
        closed = true;
        try {
          await pool.end();
        } finally {
          await server.stop();
        }
      },
    };
  }
  try {
    await ensureSchema(db.pool, schema);
    await migrate(db.pool, migrateOptions);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return db;
}

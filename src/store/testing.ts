/**
 * Test support for the data layer: every test runs on PGlite and, when TEST_DATABASE_URL is
 * set, on that PostgreSQL server too, each in a schema of its own (random name, dropped
 * afterwards).
 *
 * PGlite takes seconds to start, so one in-memory PGlite per test file is shared: it starts
 * at the first test that needs it and stops after the file (forEachEngine registers the
 * hook; a file that calls withTestDb without forEachEngine must call
 * `afterAll(stopSharedPglite)` itself). PGlite is a single session, so tests on it run one
 * at a time (vitest runs the tests of a file sequentially by default).
 *
 *   forEachEngine('datasets', (engine) => {
 *     it('round-trips', () => withTestDb(engine, async (db) => { … }));
 *   });
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe } from 'vitest';
import pg from 'pg';
import { createPool, ensureSchema, startPglite, type Db, type Engine, type PgliteServer } from './db.js';
import { migrate } from './migrate.js';

export type { Engine } from './db.js';

/** The engines data-layer tests run on here: PGlite always, PostgreSQL with TEST_DATABASE_URL. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let shared: Promise<PgliteServer> | undefined;
let hookRegistered = false;

function sharedPglite(): Promise<PgliteServer> {
  shared ??= startPglite();
  return shared;
}

/** Stop this file's shared PGlite (a later test starts a new one). */
export async function stopSharedPglite(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (s) await (await s).stop();
}

/** `describe(name [engine])` once per engine in {@link testEngines}. */
export function forEachEngine(name: string, fn: (engine: Engine) => void): void {
  if (!hookRegistered) {
    hookRegistered = true;
    afterAll(stopSharedPglite);
  }
  for (const engine of testEngines()) describe(`${name} [${engine}]`, () => fn(engine));
}

export function randomSchemaName(prefix = 'kt'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export interface TestDbOptions {
  /** run the migrations (default true); false gives an empty schema */
  migrate?: boolean;
  /** schema name (default random) */
  schema?: string;
}

/** A pool on `engine` for `schema` (not created, not migrated), and how to end it. */
export async function connectTestPool(engine: Engine, schema: string): Promise<pg.Pool> {
  if (engine === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set: expected a PostgreSQL URL for the postgres engine');
    return createPool({ connectionString: url, max: 4 }, schema);
  }
  const server = await sharedPglite();
  return createPool(server.poolConfig, schema);
}

/**
 * Run `fn` with a database in a fresh schema of `engine` (migrated unless told otherwise);
 * the schema is dropped and the pool ended afterwards, whether `fn` succeeded or not.
 */
export async function withTestDb<T>(engine: Engine, fn: (db: Db) => Promise<T>, opts: TestDbOptions = {}): Promise<T> {
  const schema = opts.schema ?? randomSchemaName();
  const pool = await connectTestPool(engine, schema);
  let ended = false;
  const end = async () => {
    if (!ended) {
      ended = true;
      await pool.end();
    }
  };
  try {
    await ensureSchema(pool, schema);
    if (opts.migrate !== false) await migrate(pool);
    return await fn({ pool, engine, schema, close: end });
  } finally {
    try {
      if (!ended) await pool.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    } finally {
      await end();
    }
  }
}

/**
 * Every row of every table of the pool's current schema, as text, sorted: two snapshots are
 * equal exactly when the schema holds the same data (row order aside).
 */
export async function snapshotTables(pool: pg.Pool): Promise<Record<string, string[]>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname COLLATE "C"`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await pool.query<{ t: string }>(`SELECT x::text AS t FROM ${pg.escapeIdentifier(name)} x`);
    out[name] = rows.map((r) => r.t).sort();
  }
  return out;
}

/** Row counts per table of the pool's current schema. */
export async function countTableRows(pool: pg.Pool): Promise<Record<string, number>> {
  const snap = await snapshotTables(pool);
  return Object.fromEntries(Object.entries(snap).map(([t, rows]) => [t, rows.length]));
}

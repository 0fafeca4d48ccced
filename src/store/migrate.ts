/**
 * Forward-only schema migrations.
 *
 * Migrations are the SQL files `migrations/NNNN_name.sql`, applied in version order, each
 * recorded in `schema_migrations(version, name, applied_at)` of the current schema (the
 * pool's `search_path`). A fresh database is created by running all of them; `sql/schema.sql`
 * is the readable sum, and a test keeps the two equal (see migrate.test.ts).
 *
 * All pending migrations run in one transaction under a transaction-scoped advisory lock
 * keyed by the schema name, so two processes starting at once do not both migrate, and a
 * failing migration leaves the database at the version it had.
 */
import { transaction } from './transaction.js';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
export const SCHEMA_SQL_FILE = fileURLToPath(new URL('./sql/schema.sql', import.meta.url));

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The migration files of `dir`, in version order; versions must run 1, 2, 3 … without gaps. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const m = FILE.exec(file);
    if (!m) throw new Error(`${dir}/${file}: expected a migration file name like 0003_add_something.sql`);
    migrations.push({ version: Number(m[1]), name: m[2]!, sql: await readFile(`${dir}/${file}`, 'utf8') });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`${dir}: expected migration version ${i + 1} next, found ${String(m.version).padStart(4, '0')}_${m.name}.sql`);
    }
  });
  return migrations;
}

export interface MigrateOptions {
  /** the migrations to apply (default: the files in MIGRATIONS_DIR) */
  migrations?: Migration[];
  /** stop after this version (tests migrate step by step) */
  upTo?: number;
}

/** Apply pending migrations; returns those applied now (empty when the schema is current). */
export async function migrate(pool: pg.Pool, opts: MigrateOptions = {}): Promise<Migration[]> {
  const all = opts.migrations ?? (await loadMigrations());
  const wanted = opts.upTo === undefined ? all : all.filter((m) => m.version <= opts.upTo!);
  return transaction(pool, async (client) => {
    // 0x4b6e6a72 = "Knjr": the lock's first key keeps it apart from other applications' locks.
    await client.query(`SELECT pg_advisory_xact_lock(1265527410, hashtext(current_schema()))`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    const known = new Map(all.map((m) => [m.version, m]));
    for (const row of rows) {
      const m = known.get(row.version);
      if (!m) {
        const newest = all.at(-1)?.version ?? 0;
        throw new Error(
          `the database schema is at version ${row.version} (${row.name}), newer than this Kinerja knows ` +
            `(up to ${newest}); upgrade Kinerja before using this database`,
        );
      }
      if (m.name !== row.name) {
        throw new Error(`the database recorded migration ${row.version} as "${row.name}", this Kinerja has "${m.name}"`);
      }
    }
    const done = new Set(rows.map((r) => r.version));
    const pending = wanted.filter((m) => !done.has(m.version));
    for (const m of pending) {
      try {
        await client.query(m.sql);
      } catch (e) {
        throw new Error(`migration ${String(m.version).padStart(4, '0')}_${m.name}.sql failed: ${(e as Error).message}`, { cause: e });
      }
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return pending;
  });
}

/** The versions recorded in the current schema (empty when it was never migrated). */
export async function appliedVersions(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ version: number }>(
    `SELECT version FROM schema_migrations ORDER BY version`,
  ).catch((e: { code?: string }) => {
    if (e.code === '42P01') return { rows: [] as { version: number }[] }; // undefined_table
    throw e;
  });
  return rows.map((r) => r.version);
}

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { readCatalog } from './catalog.js';
import { AGENCY_TABLES, TABLE_NAMES } from './datasets.js';
import { appliedVersions, loadMigrations, migrate, SCHEMA_SQL_FILE } from './migrate.js';
import { forEachEngine, randomSchemaName, withTestDb } from './testing.js';

/** Every shipped migration's version, and those after the first. */
const ALL_VERSIONS = (await loadMigrations()).map((m) => m.version);
const LATER_VERSIONS = ALL_VERSIONS.slice(1);
/** Tables of the web application (0003_web.sql), outside the dataset tables. */
const WEB_TABLES = ['auth_user', 'auth_session', 'auth_account', 'auth_verification', 'audit_log', 'audit_log_id_seq', 'evidence_files'];
/** Tables of issued reports (0004_published.sql). */
const PUBLISHED_TABLES = ['published_reports', 'published_report_files'];
/** Backups kept by imports (0005_snapshots.sql). */
const SNAPSHOT_TABLES = ['agency_snapshots', 'agency_snapshots_id_seq'];
/** Tables of registers' rows (0007_registers.sql) and their revisions (0008_register_revisions.sql). */
const REGISTER_TABLES = ['register_rows', 'register_year_values', 'register_revisions'];

describe('loadMigrations', () => {
  it('reads the shipped migrations in order', async () => {
    const ms = await loadMigrations();
    expect(ms.map((m) => `${m.version}_${m.name}`)).toEqual(['1_init', '2_lookups', '3_web', '4_published', '5_snapshots', '6_files', '7_registers', '8_register_revisions']);
    expect(ms.every((m) => m.sql.trim().length > 0)).toBe(true);
  });

  it('refuses a badly named file and a gap in the versions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kinerja-mig-'));
    try {
      await writeFile(join(dir, '0001_a.sql'), 'SELECT 1');
      await writeFile(join(dir, '0003_c.sql'), 'SELECT 1');
      await expect(loadMigrations(dir)).rejects.toThrow(/expected migration version 2 next, found 0003_c\.sql/);
      await writeFile(join(dir, '2_b.sql'), 'SELECT 1');
      await expect(loadMigrations(dir)).rejects.toThrow(/2_b\.sql: expected a migration file name like 0003_add_something\.sql/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

forEachEngine('migrations', (engine) => {
  it('a schema migrated step by step equals one created from sql/schema.sql', () =>
    withTestDb(
      engine,
      async (db) => {
        expect(await migrate(db.pool, { upTo: 1 })).toHaveLength(1);
        expect(await appliedVersions(db.pool)).toEqual([1]);
        // a step applied to a database that already holds data
        await db.pool.query(`INSERT INTO regions (name) VALUES ('R')`);
        await db.pool.query(
          `INSERT INTO agencies (id, region, position, name, head) VALUES ('a', 'R', 0, 'A', '{"name":"x","position":"y"}')`,
        );
        expect((await migrate(db.pool)).map((m) => m.version)).toEqual(LATER_VERSIONS);
        expect(await appliedVersions(db.pool)).toEqual(ALL_VERSIONS);

        const fresh = randomSchemaName('kt_fresh');
        const client = await db.pool.connect();
        try {
          await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(fresh)}`);
          await client.query('BEGIN');
          await client.query(`SET LOCAL search_path TO ${pg.escapeIdentifier(fresh)}`);
          await client.query(await readFile(SCHEMA_SQL_FILE, 'utf8'));
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        try {
          const migrated = await readCatalog(db.pool, db.schema, { exclude: ['schema_migrations'] });
          const created = await readCatalog(db.pool, fresh);
          expect(migrated.tables.map((t) => t.name)).toEqual([...TABLE_NAMES, 'regions', ...WEB_TABLES, ...PUBLISHED_TABLES, ...SNAPSHOT_TABLES, 'agency_files', ...REGISTER_TABLES].sort());
          expect(migrated.indexes.length).toBeGreaterThan(TABLE_NAMES.length);
          expect(created).toStrictEqual(migrated);
        } finally {
          await db.pool.query(`DROP SCHEMA ${pg.escapeIdentifier(fresh)} CASCADE`);
        }
      },
      { migrate: false },
    ));

  it('the query layer writes exactly the stored columns of every table, with their types', () =>
    withTestDb(engine, async (db) => {
      const catalog = await readCatalog(db.pool, db.schema);
      for (const t of TABLE_NAMES) {
        const stored = catalog.columns.filter((c) => c.table === t && c.generated === '').map((c) => [c.name, c.type]);
        expect(AGENCY_TABLES[t].columns, t).toEqual(stored);
      }
    }));

  it('migrating again applies nothing', () =>
    withTestDb(engine, async (db) => {
      expect(await migrate(db.pool)).toEqual([]);
      expect(await appliedVersions(db.pool)).toEqual(ALL_VERSIONS);
    }));

  it('refuses a database migrated by a newer Kinerja, or with a different migration under a known version', () =>
    withTestDb(engine, async (db) => {
      await db.pool.query(`INSERT INTO schema_migrations (version, name) VALUES (99, 'future')`);
      await expect(migrate(db.pool)).rejects.toThrow(
        new RegExp(`schema is at version 99 \\(future\\), newer than this Kinerja knows \\(up to ${ALL_VERSIONS.at(-1)}\\)`),
      );
      await db.pool.query(`DELETE FROM schema_migrations WHERE version = 99`);
      await db.pool.query(`UPDATE schema_migrations SET name = 'other' WHERE version = 2`);
      await expect(migrate(db.pool)).rejects.toThrow(/recorded migration 2 as "other", this Kinerja has "lookups"/);
    }));

  it('a failing migration leaves the schema as it was', () =>
    withTestDb(
      engine,
      async (db) => {
        const [first] = await loadMigrations();
        const broken = [first!, { version: 2, name: 'boom', sql: 'CREATE TABLE half_done (x int); SELECT 1 / 0;' }];
        await expect(migrate(db.pool, { migrations: broken })).rejects.toThrow(/migration 0002_boom\.sql failed: division by zero/);
        expect(await appliedVersions(db.pool)).toEqual([]);
        const catalog = await readCatalog(db.pool, db.schema);
        expect(catalog.tables).toEqual([]);
        // and the real migrations still apply afterwards
        expect(await migrate(db.pool)).toHaveLength(ALL_VERSIONS.length);
      },
      { migrate: false },
    ));
});

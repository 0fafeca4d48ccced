import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { createDatasetQueries } from './datasets.js';
import { DatabaseInUseError, openDatabase, type Db } from './db.js';
import { appliedVersions, loadMigrations } from './migrate.js';
import { forEachEngine, randomSchemaName, withTestDb } from './testing.js';

const ALL_VERSIONS = (await loadMigrations()).map((m) => m.version);

/** Every client a pool hands out at once uses the Db's schema. */
async function schemasOfClients(db: Db, n: number): Promise<string[]> {
  const clients = await Promise.all(Array.from({ length: n }, () => db.pool.connect()));
  try {
    return await Promise.all(clients.map(async (c) => (await c.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s));
  } finally {
    for (const c of clients) c.release();
  }
}

describe('openDatabase on embedded PGlite (file-backed)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kinerja-db-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates <dataDir>/pglite, migrates, and keeps the data across a close and a reopen', async () => {
    const dataDir = join(dir, 'a', 'deeply', 'nested', 'directory', 'that', 'is', 'longer', 'than', 'a', 'unix', 'socket', 'path', 'may', 'be', 'x'.repeat(40));
    const db = await openDatabase({ dataDir });
    let socketDir: string | undefined;
    try {
      expect(db.engine).toBe('pglite');
      expect(db.schema).toBe('public');
      expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
      expect(await appliedVersions(db.pool)).toEqual(ALL_VERSIONS);
      socketDir = (db.pool as unknown as { options: { host: string } }).options.host;
      expect(existsSync(socketDir)).toBe(true);
      await createDatasetQueries(db.pool).importDataset(minimalDataset());
    } finally {
      await db.close();
      await db.close(); // closing twice is harmless
    }
    expect(existsSync(socketDir!)).toBe(false);

    const again = await openDatabase({ dataDir });
    try {
      expect(await createDatasetQueries(again.pool).exportDataset('dinco')).toStrictEqual(minimalDataset());
      expect(await appliedVersions(again.pool)).toEqual(ALL_VERSIONS);
    } finally {
      await again.close();
    }
  });

  it('lets one open at a time use a directory: a second is refused, naming the first, until the first has closed', async () => {
    const dataDir = join(dir, 'one-writer');
    const first = await openDatabase({ dataDir, holder: { what: 'server' } });
    try {
      expect(first.created).toBe(true);
      expect(first.dir).toBe(join(dataDir, 'pglite'));
      first.lock!.describe({ url: 'http://127.0.0.1:3111' });
      const refused = await openDatabase({ dataDir, holder: { what: 'import' } }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DatabaseInUseError);
      expect((refused as DatabaseInUseError).holder).toMatchObject({ pid: process.pid, what: 'server', url: 'http://127.0.0.1:3111' });
      // the holder is untouched by the refusal
      await createDatasetQueries(first.pool).importDataset(minimalDataset());
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir, holder: { what: 'export' } });
    try {
      expect(again.created).toBe(false);
      expect(await createDatasetQueries(again.pool).exportDataset('dinco')).toStrictEqual(minimalDataset());
    } finally {
      await again.close();
    }
  });

  it('puts the store in the schema it is given', async () => {
    const db = await openDatabase({ dataDir: join(dir, 'b'), schema: 'kinerja' });
    try {
      expect(db.schema).toBe('kinerja');
      expect(await schemasOfClients(db, 1)).toEqual(['kinerja']);
      const { rows } = await db.pool.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'kinerja' AND tablename = 'realizations'`);
      expect(rows[0]).toEqual({ n: 1 });
    } finally {
      await db.close();
    }
  });

  it('opens PGlite with the shared buffers asked for (a bulk command), else with its own 128 MB; refuses a size it cannot read, keeping nothing locked', async () => {
    const dataDir = join(dir, 'd');
    const shared = async (db: Db): Promise<string> => (await db.pool.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers;
    const small = await openDatabase({ dataDir, sharedBuffers: '16MB' });
    try {
      expect(await shared(small)).toBe('16MB');
    } finally {
      await small.close();
    }
    await expect(openDatabase({ dataDir, sharedBuffers: '16 MB; DROP' })).rejects.toThrow(/shared_buffers "16 MB; DROP": expected a size such as 16MB/);
    const usual = await openDatabase({ dataDir });
    try {
      expect(await shared(usual)).toBe('128MB');
    } finally {
      await usual.close();
    }
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(openDatabase({ dataDir: join(dir, 'c'), schema: 'a"; DROP' })).rejects.toThrow(/schema name "a\\"; DROP": expected letters, digits and _/);
    await expect(openDatabase({ dataDir: join(dir, 'c'), schema: '1abc' })).rejects.toThrow(/schema name/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('openDatabase on PostgreSQL', () => {
  const url = process.env.TEST_DATABASE_URL!;

  it('creates the schema, migrates once even when two processes start together, and sets search_path on every client', async () => {
    const schema = randomSchemaName();
    const [a, b] = await Promise.all([openDatabase({ databaseUrl: url, schema }), openDatabase({ databaseUrl: url, schema })]);
    try {
      expect(a.engine).toBe('postgres');
      expect(await appliedVersions(a.pool)).toEqual(ALL_VERSIONS);
      const { rows } = await a.pool.query<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
      expect(rows[0]!.n).toBe(ALL_VERSIONS.length); // each migration recorded once
      expect(await schemasOfClients(a, 5)).toEqual(Array(5).fill(schema));
      await createDatasetQueries(a.pool).importDataset(minimalDataset());
      expect(await createDatasetQueries(b.pool).exportDataset('dinco')).toStrictEqual(minimalDataset());
    } finally {
      await a.pool.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE`);
      await a.close();
      await b.close();
    }
  });

  it('reports a server that does not answer', async () => {
    await expect(openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toThrow(/ECONNREFUSED/);
  });
});

forEachEngine('type parsing', (engine) => {
  it('returns numeric and int8 as numbers and dates as ISO text, on this pool only', () =>
    withTestDb(engine, async (db) => {
      const { rows } = await db.pool.query(
        `SELECT 26796144571.6::numeric AS money, 9007199254740991::int8 AS big, count(*) AS n,
                '2025-01-02'::date AS d, 9.285714285714286::float8 AS f`,
      );
      expect(rows[0]).toStrictEqual({ money: 26796144571.6, big: 9007199254740991, n: 1, d: '2025-01-02', f: 9.285714285714286 });
      // the global parsers are untouched: node-postgres's default gives numeric as a string
      expect(pg.types.getTypeParser(1700, 'text')('1.5')).toBe('1.5');
    }));
});

import { expect, it } from 'vitest';
import pg from 'pg';
import { ensureSchema } from './db.js';
import { queryPrepared } from './prepared.js';
import { connectTestPool, forEachEngine, randomSchemaName, type Engine } from './testing.js';

const TEXT = 'SELECT v FROM probe WHERE k = $1';
const probe = async (pool: pg.Pool) => (await queryPrepared<{ v: string }>(pool, 'probe', TEXT, ['a'])).rows;
const statements = async (pool: pg.Pool) => (await pool.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'kinerja\\_%'")).rows;

/** A schema with a table `probe` holding ('a', value). */
async function schemaWith(engine: Engine, value: string): Promise<string> {
  const schema = randomSchemaName();
  const pool = await connectTestPool(engine, schema);
  try {
    await ensureSchema(pool, schema);
    await pool.query('CREATE TABLE probe (k text PRIMARY KEY, v text NOT NULL)');
    await pool.query("INSERT INTO probe VALUES ('a', $1)", [value]);
  } finally {
    await pool.end();
  }
  return schema;
}

forEachEngine('prepared statements', (engine) => {
  // PGlite is one session under every connection of its socket: these are the cases that breaks
  it('two connections alive together, then a pool of another schema after they ended: no collision, the right tables, nothing left behind', async () => {
    const a = await schemaWith(engine, 'in A');
    const b = await schemaWith(engine, 'in B');
    const first = await connectTestPool(engine, a);
    const second = await connectTestPool(engine, a);
    let other: pg.Pool | undefined;
    try {
      for (let round = 0; round < 3; round++) {
        expect(await probe(first)).toEqual([{ v: 'in A' }]);
        expect(await probe(second)).toEqual([{ v: 'in A' }]);
      }
      // an error is the query's own; the pool goes on
      await expect(queryPrepared(first, 'broken', 'SELECT nothing FROM probe', [])).rejects.toThrow(/nothing/);
      expect(await probe(first)).toEqual([{ v: 'in A' }]);
      await first.end();
      await second.end();
      // the same name in another schema, on a connection opened after those ended
      other = await connectTestPool(engine, b);
      expect(await probe(other)).toEqual([{ v: 'in B' }]);
      expect(await statements(other)).toHaveLength(1); // its own: what the ended connections prepared is gone
    } finally {
      if (!first.ended) await first.end();
      if (!second.ended) await second.end();
      other ??= await connectTestPool(engine, b);
      await other.query(`DROP SCHEMA ${pg.escapeIdentifier(a)} CASCADE`);
      await other.query(`DROP SCHEMA ${pg.escapeIdentifier(b)} CASCADE`);
      await other.end();
    }
  });
});

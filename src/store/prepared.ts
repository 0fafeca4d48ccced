/**
 * Named prepared statements that are safe on both engines: for a query asked on every request,
 * parsed and planned once per connection instead of every time (on PGlite, whose planner runs
 * as WebAssembly in the server's thread, that halves the cost of a small join).
 *
 * node-postgres remembers per connection which names it has prepared. PGlite, though, is ONE
 * session behind every connection of its socket: a statement prepared through a connection
 * outlives it, and a name prepared through one connection collides with the next connection's
 * ("prepared statement already exists") — or, worse, would be run by a pool of another schema
 * with the tables it was planned against. So every connection prepares under a name of its own
 * (`kinerja_<name>_<n>`, `n` unique in the process, which holds every connection PGlite has), and
 * a connection's first prepared query deallocates what connections that have ended left behind.
 * On PostgreSQL a new connection has no statements: that first look finds nothing.
 */
import pg from 'pg';

let counter = 0;
const ids = new WeakMap<pg.ClientBase, number>();
/** ids of the connections that are open */
const open = new Set<number>();

const OWNER = /^kinerja_.+_(\d+)$/;

async function idOf(client: pg.PoolClient): Promise<number> {
  const known = ids.get(client);
  if (known !== undefined) return known;
  const id = ++counter;
  ids.set(client, id);
  open.add(id);
  client.once('end', () => open.delete(id));
  const { rows } = await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'kinerja\\_%'");
  for (const { name } of rows) {
    const owner = OWNER.exec(name)?.[1];
    if (owner !== undefined && !open.has(Number(owner))) await client.query(`DEALLOCATE ${pg.escapeIdentifier(name)}`);
  }
  return id;
}

/**
 * `text` with `values` as the prepared statement `name` of the connection it runs on (letters,
 * digits and `_`; one `text` per name). Errors are the query's; the connection is then
 * discarded, as `pool.query` does.
 */
export async function queryPrepared<R extends pg.QueryResultRow>(pool: pg.Pool, name: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  const client = await pool.connect();
  try {
    const id = await idOf(client);
    const result = await client.query<R>({ name: `kinerja_${name}_${id}`, text, values });
    client.release();
    return result;
  } catch (e) {
    client.release(e as Error);
    throw e;
  }
}

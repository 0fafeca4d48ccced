/** One transaction on one client of a pool. */
import type pg from 'pg';

/**
 * Run `fn` in one transaction on one client: COMMIT when it resolves, ROLLBACK when it
 * throws (the error is rethrown), the client always released (destroyed when even the
 * ROLLBACK failed, so a broken session never returns to the pool).
 */
export async function transaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw e;
  } finally {
    client.release(broken);
  }
}

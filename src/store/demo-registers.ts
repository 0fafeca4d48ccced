/**
 * The demo agency's register rows (core/registers/demo.ts), loaded through the registers' own
 * write path (`createRegisterQueries(pool).importRows(..., { store: true })`): each register only
 * while it is empty, in the order references need (cooperatives and micro businesses before
 * their facilitation events). A register the stored dataset does not define (an agency stored
 * before the demo had registers) is left alone. The one place both the web server's demo seed
 * (server/demo.ts) and `npx kinerja demo` (cli/demo.ts) call.
 */
import type pg from 'pg';
import { DEMO_REGISTER_ORDER, demoRegisterRows, type DemoRegisterOptions } from '../core/registers/demo.js';
import { problemText } from '../core/registers/rows.js';
import { createRegisterQueries } from './registers.js';

export interface DemoRegisterLoad {
  register: string;
  /** the register's name (Koperasi, Usaha Mikro …) */
  name: string;
  /** rows stored (0: the register already held rows, or is not defined) */
  rows: number;
}

/** Load the demo's register rows into the agency's empty registers; what was loaded, per register. */
export async function seedDemoRegisters(pool: pg.Pool, agencyId: string, opts: DemoRegisterOptions = {}): Promise<DemoRegisterLoad[]> {
  const q = createRegisterQueries(pool);
  const defined = new Map((await q.definitions(agencyId))?.map((r) => [r.id, r.name]) ?? []);
  const out: DemoRegisterLoad[] = [];
  for (const id of DEMO_REGISTER_ORDER) {
    if (!defined.has(id) || (await q.countRows(agencyId, id)) > 0) continue;
    const res = await q.importRows(agencyId, id, demoRegisterRows(id, opts), { store: true, batch: 5000 });
    if (!res.stored) {
      // the generator and the definitions are one module: a problem here is a bug, never the user's
      const first = res.problems.slice(0, 3).map((p) => problemText(p, 'en'));
      throw new Error(`the demo register ${id} was refused (${res.problemCount} problems): ${first.join('; ')}`);
    }
    out.push({ register: id, name: defined.get(id)!, rows: res.rows });
  }
  return out;
}

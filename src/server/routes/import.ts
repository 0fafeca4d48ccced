/**
 * Import: a dataset or a region document (JSON) is validated (findings by path); with
 * `store=true` and no error it is stored in one transaction (the store's import), replacing
 * the agency (or the region's agencies). Every stored agency gets an audit entry; a whole
 * document is not copied into the log: the entry holds the digest and row counts of the
 * agency's export before and after (the export itself is the record).
 */
import { z } from 'zod';
import { agencyId } from '../../core/dataset/model.js';
import * as S from '../../core/dataset/schema.js';
import { validateDocument } from '../../core/dataset/validate.js';
import type { Dataset } from '../../core/dataset/schema.js';
import { createDatasetQueries } from '../../store/datasets.js';
import { appendAudit } from '../commands/audit.js';
import { findAgency, listAgencies } from '../commands/store.js';
import type { ServerDeps } from '../deps.js';
import { forbidden, HttpError, text } from '../errors.js';
import type { Text } from '../../core/findings.js';
import * as agencyPolicy from '../policies/agency.js';
import * as regionPolicy from '../policies/region.js';
import type { User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { ImportResult } from '../responses.js';
import { versionOf } from '../versions.js';

const summary = (ds: Dataset | undefined) =>
  ds
    ? {
        digest: versionOf(ds),
        plans: ds.plans.length,
        agreements: ds.agreements.length,
        programs: ds.programs.length,
        realizations: ds.realizations.length,
      }
    : null;

/**
 * Store in one transaction; a database error that validation did not foresee (a bug: everything
 * validation accepts is meant to be storable) is answered cleanly, never as a 500 with the
 * engine's message: nothing was stored, the error itself goes to the server's log.
 */
async function storeOrRefuse(what: Text, store: () => Promise<unknown>): Promise<void> {
  try {
    await store();
  } catch (e) {
    if (e instanceof HttpError) throw e;
    console.error(`import of ${what.en} failed in the database:`, e);
    throw new HttpError(
      422,
      'not-stored',
      text(
        `the database could not store ${what.en}; nothing was stored (the transaction was undone). The document passed validation, so this is a fault of Kinerja: the error is in the server's log`,
        `basis data tidak dapat menyimpan ${what.id}; tidak ada yang disimpan (transaksinya dibatalkan). Dokumen ini lolos validasi, sehingga ini kesalahan Kinerja: kesalahannya tercatat dalam log server`,
      ),
      { where: 'body' },
    );
  }
}

async function checkMayImport(deps: ServerDeps, user: User, id: string, region: string): Promise<void> {
  const existing = await findAgency(deps.pool, id);
  const targets = [{ agencyId: id, region }, ...(existing && existing.region !== region ? [{ agencyId: id, region: existing.region }] : [])];
  for (const t of targets) {
    if (!agencyPolicy.can(user, 'import', t)) {
      throw forbidden(
        text(
          `you may not import agency "${id}" into ${t.region}: the region's admin imports any agency of it, a planner only their own`,
          `Anda tidak berwenang mengimpor perangkat daerah "${id}" ke ${t.region}: admin daerah dapat mengimpor perangkat daerah mana pun di daerahnya, perencana hanya perangkat daerahnya sendiri`,
        ),
        'body.agency',
      );
    }
  }
}

export const importDocument = defineRoute({
  id: 'import.document',
  method: 'post',
  path: '/api/import',
  tag: 'import',
  summary: 'Validate a dataset or region document (findings by path) and, with store=true, store it in one transaction',
  auth: 'user',
  bodyLimit: 'dataset',
  query: z.object({
    store: z
      .enum(['true', 'false'])
      .optional()
      .describe('true: store the document when it has no error (default: validate only)'),
  }),
  body: z.unknown(),
  bodyDoc: z.union([S.Dataset, S.Region]).describe('a kinerja-dataset/1 or kinerja-region/1 document; validated by the importer, problems reported as findings'),
  response: ImportResult,
  async handler({ deps, user, query, body }) {
    if (user.role !== 'admin' && user.role !== 'planner') throw forbidden(text("imports are for the region's admin and an agency's planner", 'impor dilakukan oleh admin daerah dan perencana perangkat daerah'));
    const result = validateDocument(body);
    const store = query.store === 'true';
    if (result.kind === 'invalid') {
      if (store) {
        const errors = result.findings.filter((f) => f.severity === 'error').length;
        throw new HttpError(
          422,
          'invalid-document',
          text(`the document has ${errors} error(s); nothing was stored`, `dokumen memiliki ${errors} kesalahan; tidak ada yang disimpan`),
          { findings: result.findings },
        );
      }
      return { valid: false, kind: null, stored: false, agencies: [], findings: result.findings };
    }
    const queries = createDatasetQueries(deps.pool);
    if (result.kind === 'dataset') {
      const ds = result.dataset;
      const id = agencyId(ds.agency);
      await checkMayImport(deps, user, id, ds.agency.region);
      if (!store) return { valid: true, kind: 'dataset' as const, stored: false, agencies: [id], findings: result.findings };
      const before = (await deps.cache.load(id))?.dataset;
      await storeOrRefuse(text(`agency "${id}"`, `perangkat daerah "${id}"`), () => queries.importDataset(ds));
      await appendAudit(deps.pool, {
        actor: user,
        region: ds.agency.region,
        agencyId: id,
        entity: 'agency',
        key: id,
        action: 'import',
        before: summary(before),
        after: summary(ds),
      });
      return { valid: true, kind: 'dataset' as const, stored: true, agencies: [id], findings: result.findings };
    }
    const region = result.region;
    const ids = region.agencies.map((a) => agencyId(a.agency));
    if (!regionPolicy.can(user, 'import', { region: region.region })) throw forbidden(text(`only the admin of ${region.region} imports its region file`, `hanya admin ${region.region} yang mengimpor berkas daerahnya`), 'body.region');
    for (const id of ids) await checkMayImport(deps, user, id, region.region);
    if (!store) return { valid: true, kind: 'region' as const, stored: false, agencies: ids, findings: result.findings };
    const previous = await listAgencies(deps.pool, region.region);
    const befores = new Map<string, Dataset | undefined>();
    for (const id of new Set([...ids, ...previous.map((a) => a.id)])) befores.set(id, (await deps.cache.load(id))?.dataset);
    await storeOrRefuse(text(`the region "${region.region}"`, `daerah "${region.region}"`), () => queries.importRegion(region));
    const removed = previous.filter((a) => !ids.includes(a.id)).map((a) => a.id);
    for (const [i, id] of ids.entries()) {
      await appendAudit(deps.pool, {
        actor: user,
        region: region.region,
        agencyId: id,
        entity: 'agency',
        key: id,
        action: 'import',
        before: summary(befores.get(id)),
        after: summary(region.agencies[i]),
      });
    }
    for (const id of removed) {
      await appendAudit(deps.pool, { actor: user, region: region.region, agencyId: id, entity: 'agency', key: id, action: 'remove', before: summary(befores.get(id)), after: null, note: `not in the region file of ${region.region}` });
    }
    return { valid: true, kind: 'region' as const, stored: true, agencies: ids, findings: result.findings };
  },
});

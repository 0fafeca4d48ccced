/**
 * Import: a dataset or a region document (JSON) is validated (findings by path) and the answer
 * says what storing it would do (`changes`: agencies added, replaced, and the region's others
 * kept); with `store=true` and no error it is stored in one transaction (the store's import):
 * each agency of the document added or replaced, the region's other agencies kept. Removing
 * those is explicit: `prune=true` with `remove`, the ids the user confirmed (the validation
 * answer's `changes.kept`); when the agencies that would be removed are not exactly those,
 * 409 and nothing is stored, so nothing the user was not shown is removed. Every stored or
 * removed agency gets an audit entry; a whole document is not copied into the log: the entry
 * holds the digest and row counts of the agency's export before and after (the export itself
 * is the record).
 */
import { z } from 'zod';
import { agencyId } from '../../core/dataset/model.js';
import * as S from '../../core/dataset/schema.js';
import { validateDocument, type ValidationResult } from '../../core/dataset/validate.js';
import { fileHashes, missingFileFindings } from '../../core/dataset/files.js';
import { fileFacts } from '../../store/files.js';
import type { Dataset } from '../../core/dataset/schema.js';
import { createDatasetQueries, PreviewChanged, RemovalChanged, type BundleFiles, type ImportChanges } from '../../store/datasets.js';
import { importToken } from '../../store/snapshots.js';
import { diffImport, type ImportItem } from '../../core/import-diff.js';
import { appendAudit, editedSinceImport } from '../commands/audit.js';
import { findAgency, listAgencies } from '../commands/store.js';
import type { ServerDeps } from '../deps.js';
import { forbidden, HttpError, text } from '../errors.js';
import type { Finding, Text } from '../../core/findings.js';
import * as agencyPolicy from '../policies/agency.js';
import * as regionPolicy from '../policies/region.js';
import type { User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { ImportResult, type AgencyImportDetail } from '../responses.js';
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
async function storeOrRefuse<T>(what: Text, store: () => Promise<T>): Promise<T> {
  try {
    return await store();
  } catch (e) {
    if (e instanceof PreviewChanged) throw previewChanged(e);
    if (e instanceof HttpError || e instanceof RemovalChanged) throw e;
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

const yesNo = z.enum(['true', 'false']).optional();

/** The `remove` parameter: a JSON array of agency ids. */
function confirmedRemovals(raw: string | undefined): string[] {
  const expected = text(
    'with prune=true and store=true, `remove` lists the ids of the agencies to remove as a JSON array (["id1","id2"], [] for none): exactly those the validation answer listed in changes.kept',
    'dengan prune=true dan store=true, `remove` berisi id perangkat daerah yang dihapus sebagai larik JSON (["id1","id2"], [] bila tidak ada): tepat yang tercantum dalam changes.kept pada jawaban pemeriksaan',
  );
  if (raw === undefined) throw new HttpError(400, 'invalid-request', expected, { where: 'query.remove' });
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) {
    throw new HttpError(400, 'invalid-request', text(`${expected.en}; got ${JSON.stringify(raw)}`, `${expected.id}; tertulis ${JSON.stringify(raw)}`), { where: 'query.remove' });
  }
  return list as string[];
}

const MAX_ITEMS = 100;
const listOf = (items: ImportItem[]) => ({ count: items.length, items: items.slice(0, MAX_ITEMS).map(({ name, lost }) => ({ name, lost })) });

/** Per agency of the file: what storing it changes, by kind of thing, with names, and what it loses of the app's changes; and the token of what was compared. */
async function previewDetails(deps: ServerDeps, docs: readonly Dataset[]): Promise<{ token: string; details: AgencyImportDetail[] }> {
  const ids = docs.map((d) => agencyId(d.agency));
  const current = await createDatasetQueries(deps.pool).currentDatasets(ids);
  const details: AgencyImportDetail[] = [];
  for (const [i, ds] of docs.entries()) {
    const id = ids[i]!;
    const now = current.get(id);
    const d = diffImport(now, ds, now ? await editedSinceImport(deps.pool, id) : new Set());
    details.push({
      agency: id,
      name: ds.agency.name,
      isNew: now === undefined,
      unchanged: d.unchanged,
      entities: d.entities.map((e) => ({ entity: e.entity, label: e.label, added: listOf(e.added), removed: listOf(e.removed), changed: listOf(e.changed) })),
      lost: d.lost.map((l) => ({ name: l.name, lost: true, entity: d.entities.find((e) => e.entity === l.entity)!.label, how: l.how })),
    });
  }
  return { token: importToken(current), details };
}

const previewChanged = (e: PreviewChanged) =>
  new HttpError(
    409,
    'changed-since-preview',
    text(
      `the data of ${e.ids.join(', ')} changed after the check you confirmed; nothing was stored: check the file again to see what it would change now`,
      `data ${e.ids.join(', ')} berubah setelah pemeriksaan yang Anda setujui; tidak ada yang disimpan: periksa berkasnya lagi untuk melihat perubahannya sekarang`,
    ),
    { where: 'query.expect' },
  );

const names = (list: readonly { id: string; name: string }[]) => list.map((a) => `${a.name} (${a.id})`).join(', ');

export const importDocument = defineRoute({
  id: 'import.document',
  method: 'post',
  path: '/api/import',
  tag: 'import',
  summary: 'Validate a dataset or region document (findings by path, and what storing it would change) and, with store=true, store it in one transaction',
  description:
    "Each agency of the document is added or replaced; the region's agencies the document does not hold are kept (listed in `changes.kept`). " +
    'To remove them, store with `prune=true` and `remove` = the JSON array of their ids as the validation answer listed them; ' +
    'when the region holds other agencies by then, the answer is 409 `removal-changed` with the current list in `error.current.removed`, and nothing is stored.',
  auth: 'user',
  bodyLimit: 'dataset',
  query: z.object({
    store: yesNo.describe('true: store the document when it has no error (default: validate only)'),
    prune: yesNo.describe("region document: remove the region's agencies the document does not hold (storing needs `remove`); validation only: `changes.removed` lists them"),
    expect: z.string().optional().describe("the check's `token`: storing is refused (409 changed-since-preview) when the agencies of the file changed since that check"),
    remove: z
      .string()
      .optional()
      .describe('with prune=true and store=true: the ids of the agencies to remove, a JSON array (["id1","id2"]); must be exactly those that would be removed'),
  }),
  body: z.unknown(),
  bodyDoc: z.union([S.Dataset, S.Region]).describe('a kinerja-dataset/1 or kinerja-region/1 document; validated by the importer, problems reported as findings'),
  response: ImportResult,
  handler: ({ deps, user, query, body }) => importValidated(deps, user, query, body),
});

export type ImportQuery = { store?: 'true' | 'false' | undefined; prune?: 'true' | 'false' | undefined; remove?: string | undefined; expect?: string | undefined };

/**
 * The import of a parsed document (the route above; a bundle's, routes/files.ts, with `files`:
 * the bundle's bytes by hash, stored with the agencies that refer to them in the same transaction).
 */
export async function importValidated(deps: ServerDeps, user: User, query: ImportQuery, body: unknown, files?: BundleFiles) {
    if (user.role !== 'admin' && user.role !== 'planner') throw forbidden(text("imports are for the region's admin and an agency's planner", 'impor dilakukan oleh admin daerah dan perencana perangkat daerah'));
    const store = query.store === 'true';
    const prune = query.prune === 'true';
    if (query.remove !== undefined && !prune) {
      throw new HttpError(
        400,
        'invalid-request',
        text('`remove` lists agencies to remove, which only prune=true does: add prune=true, or leave `remove` out to keep them', '`remove` berisi perangkat daerah yang dihapus, yang hanya dilakukan dengan prune=true: tambahkan prune=true, atau hilangkan `remove` agar semuanya tetap tersimpan'),
        { where: 'query.prune' },
      );
    }
    const result = validateDocument(body);
    if (result.kind !== 'invalid') result.findings.push(...(await missingFileWarnings(deps, result, files)));
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
      return { valid: false, kind: null, stored: false, agencies: [], changes: null, findings: result.findings, token: null, details: [] };
    }
    const queries = createDatasetQueries(deps.pool);
    if (result.kind === 'dataset') {
      if (prune) {
        throw new HttpError(
          400,
          'invalid-request',
          text("prune=true applies to a region document (kinerja-region/1): one agency's dataset replaces that agency only", 'prune=true hanya untuk dokumen wilayah (kinerja-region/1): dataset satu perangkat daerah hanya mengganti perangkat daerah itu'),
          { where: 'query.prune' },
        );
      }
      const ds = result.dataset;
      const id = agencyId(ds.agency);
      await checkMayImport(deps, user, id, ds.agency.region);
      if (!store) {
        const { token, details } = await previewDetails(deps, [ds]);
        return { valid: true, kind: 'dataset' as const, stored: false, agencies: [id], changes: await queries.previewDataset(ds), findings: result.findings, token, details };
      }
      const before = (await deps.cache.load(id))?.dataset;
      const { changes } = await storeOrRefuse(text(`agency "${id}"`, `perangkat daerah "${id}"`), () =>
        queries.importDataset(ds, { snapshotBy: user.username, ...(query.expect !== undefined ? { expectToken: query.expect } : {}), ...(files ? { files } : {}) }),
      );
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
      return { valid: true, kind: 'dataset' as const, stored: true, agencies: [id], changes, findings: result.findings, token: null, details: [] };
    }
    const region = result.region;
    const ids = region.agencies.map((a) => agencyId(a.agency));
    if (!regionPolicy.can(user, 'import', { region: region.region })) throw forbidden(text(`only the admin of ${region.region} imports its region file`, `hanya admin ${region.region} yang mengimpor berkas daerahnya`), 'body.region');
    for (const id of ids) await checkMayImport(deps, user, id, region.region);
    if (!store) {
      const preview = await queries.previewRegion(region);
      const changes: ImportChanges = prune ? { ...preview, removed: preview.kept, kept: [] } : preview;
      const { token, details } = await previewDetails(deps, region.agencies);
      return { valid: true, kind: 'region' as const, stored: false, agencies: ids, changes, findings: result.findings, token, details };
    }
    const confirmRemoved = prune ? confirmedRemovals(query.remove) : undefined;
    const previous = await listAgencies(deps.pool, region.region);
    const befores = new Map<string, Dataset | undefined>();
    for (const id of new Set([...ids, ...(prune ? previous.map((a) => a.id) : [])])) befores.set(id, (await deps.cache.load(id))?.dataset);
    let changes: ImportChanges;
    try {
      const { region: name, added, replaced, removed, kept } = await storeOrRefuse(text(`the region "${region.region}"`, `daerah "${region.region}"`), () =>
        queries.importRegion(region, {
          ...(prune ? { prune, ...(confirmRemoved ? { confirmRemoved } : {}) } : {}),
          snapshotBy: user.username,
          ...(query.expect !== undefined ? { expectToken: query.expect } : {}),
          ...(files ? { files } : {}),
        }),
      );
      changes = { region: name, added, replaced, removed, kept };
    } catch (e) {
      if (e instanceof PreviewChanged) throw previewChanged(e);
      if (!(e instanceof RemovalChanged)) throw e;
      const now = e.removed.length ? names(e.removed) : 'none';
      const nowId = e.removed.length ? names(e.removed) : 'tidak ada';
      throw new HttpError(
        409,
        'removal-changed',
        text(
          `the agencies of ${region.region} this import would remove changed since the check: now ${now}, not the ${confirmRemoved!.length} confirmed; nothing was stored, import the file again to see the list`,
          `perangkat daerah ${region.region} yang akan dihapus impor ini berubah sejak pemeriksaan: sekarang ${nowId}, bukan ${confirmRemoved!.length} yang dikonfirmasi; tidak ada yang disimpan, impor berkasnya lagi untuk melihat daftarnya`,
        ),
        { where: 'query.remove', current: { removed: e.removed } },
      );
    }
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
    for (const { id } of changes.removed) {
      await appendAudit(deps.pool, { actor: user, region: region.region, agencyId: id, entity: 'agency', key: id, action: 'remove', before: summary(befores.get(id)), after: null, note: `not in the region file of ${region.region} (prune)` });
    }
    return { valid: true, kind: 'region' as const, stored: true, agencies: ids, changes, findings: result.findings, token: null, details: [] };
}

/** A warning for each file the document refers to that neither `files` nor the store holds (core/dataset/files.ts). */
async function missingFileWarnings(deps: ServerDeps, result: Exclude<ValidationResult, { kind: 'invalid' }>, files: BundleFiles | undefined): Promise<Finding[]> {
  const list: [Dataset, string][] = result.kind === 'dataset' ? [[result.dataset, '']] : result.region.agencies.map((ds, i) => [ds, `agencies[${i}]`]);
  const out: Finding[] = [];
  for (const [ds, prefix] of list) {
    if (fileHashes(ds).length === 0) continue;
    const have = new Map<string, { size: number; mediaType: string }>(await fileFacts(deps.pool, agencyId(ds.agency)));
    for (const [h, f] of files ?? []) have.set(h, f);
    out.push(...missingFileFindings(ds, have, prefix));
  }
  return out;
}

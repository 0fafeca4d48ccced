/**
 * Registers in the browser (registers.md, "Pages and API"): an agency's registers, a page of a
 * register's entities (searched, filtered, paged), one entity with its per-year values and its
 * events, the import of a CSV or XLSX file (a preview, then the store of exactly what was
 * shown) and the export. Personal fields are masked (core/registers/mask.ts) for whoever
 * policies/register.ts does not let see them whole; every answer that shows them whole, and every
 * export with them, writes an audit entry (UU 27/2022): who, when, which register, which entity
 * or how many, which fields. Masked answers are not audited.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { Register } from '../../core/dataset/schema.js';
import { zodMessage } from '../../core/findings.js';
import { readFilters } from '../../core/registers/browse.js';
import { entityCells, exportColumns } from '../../core/registers/columns.js';
import { maskValues, personalFields } from '../../core/registers/mask.js';
import { RegisterError, type Entity } from '../../core/registers/rows.js';
import { readCsvRows, readXlsxRows, writeRowFile } from '../../io/register-file.js';
import { createRegisterQueries, type RegisterPreview } from '../../store/registers.js';
import { appendAudit } from '../commands/audit.js';
import type { ServerDeps } from '../deps.js';
import { forbidden, HttpError, notFound, text as t } from '../errors.js';
import * as registerPolicy from '../policies/register.js';
import type { User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { RegisterEntityPage, RegisterImportAnswer, RegisterList, RegisterRowsPage, type RegisterEntityView, type RegisterView } from '../responses.js';
import type { SeenAgency } from '../commands/store.js';
import { AgencyParams } from '../schemas.js';
import { loaded } from './agencies.js';

const RegisterParams = AgencyParams.extend({ register: z.string().min(1).describe('the register’s id (e.g. usaha_mikro)') });
const EntityParams = RegisterParams.extend({ key: z.string().min(1).describe('the entity’s key (e.g. its NIB)') });

const recordOf = (agency: SeenAgency, reg: Register): registerPolicy.RegisterRecord => ({ agencyId: agency.id, region: agency.region, ...(reg.unit ? { unit: reg.unit } : {}) });

const refuseRead = () => forbidden(t("you may not read this agency's registers", 'Anda tidak berwenang membaca register perangkat daerah ini'));

/** The agency's register definitions (its dataset as loaded), refusing who may not read them. */
async function definitionsOf(deps: ServerDeps, user: User, agency: SeenAgency): Promise<{ regs: Register[]; unitName: (id: string | undefined) => string | null }> {
  const { dataset } = await loaded(deps, agency);
  if (!registerPolicy.can(user, 'read', { agencyId: agency.id, region: agency.region })) throw refuseRead();
  const units = new Map((dataset.organization?.units ?? []).map((u) => [u.id, u.name]));
  return { regs: dataset.registers ?? [], unitName: (id) => (id ? (units.get(id) ?? null) : null) };
}

function registerOf(regs: readonly Register[], id: string): Register {
  const reg = regs.find((r) => r.id === id);
  if (!reg) throw notFound(t(`no register "${id}" in this agency`, `tidak ada register "${id}" di perangkat daerah ini`), 'params.register');
  return reg;
}

function viewOf(user: User, agency: SeenAgency, reg: Register, unitName: string | null, rows: number, years: number[]): RegisterView {
  const record = recordOf(agency, reg);
  return {
    id: reg.id,
    name: reg.name,
    key: reg.key,
    label: reg.label ?? reg.key,
    unitName,
    rows,
    years,
    fields: reg.fields.map((f) => ({
      id: f.id,
      name: f.name,
      type: f.type,
      personal: Boolean(f.personal),
      perYear: Boolean(f.perYear),
      required: Boolean(f.required) || f.id === reg.key,
      ...(f.values ? { values: f.values } : {}),
      ...(f.register ? { register: f.register } : {}),
    })),
    seesPersonal: registerPolicy.can(user, 'read-personal', record),
    mayImport: registerPolicy.can(user, 'import', record),
  };
}

/** An entity as shown: personal values masked unless `whole`. */
function shown(reg: Register, e: Entity, whole: boolean): RegisterEntityView {
  const label = String(e.data[reg.label ?? reg.key] ?? e.key);
  if (whole) return { key: e.key, label, data: e.data, years: e.years };
  return { key: e.key, label, data: maskValues(reg, e.data), years: Object.fromEntries(Object.entries(e.years).map(([y, v]) => [y, maskValues(reg, v)])) };
}

/** The names of the personal fields an answer showed whole (none when masked or when no entity was shown). */
function personalShown(reg: Register, whole: boolean, entities: readonly Entity[]): string[] {
  if (!whole || entities.length === 0) return [];
  const ids = personalFields(reg);
  const present = reg.fields.filter((f) => ids.has(f.id) && entities.some((e) => e.data[f.id] !== undefined || Object.values(e.years).some((y) => y[f.id] !== undefined)));
  return present.map((f) => f.name);
}

async function auditPersonal(deps: ServerDeps, user: User, agency: SeenAgency, key: string, action: 'view-personal' | 'export-personal', after: Record<string, unknown>): Promise<void> {
  await appendAudit(deps.pool, { actor: user, region: agency.region, agencyId: agency.id, entity: 'register', key, action, before: null, after });
}

export const list = defineRoute({
  id: 'registers.list',
  method: 'get',
  path: '/api/agencies/:agency/registers',
  tag: 'registers',
  summary: "The agency's registers: name, rows, years, fields with their names and types, and whether the caller sees personal data whole",
  auth: 'user',
  params: AgencyParams,
  response: RegisterList,
  async handler({ deps, user, agency }) {
    const { regs, unitName } = await definitionsOf(deps, user, agency);
    const summaries = regs.length === 0 ? [] : await createRegisterQueries(deps.pool).listRegisters(agency.id);
    return {
      registers: regs.map((reg) => {
        const s = summaries.find((x) => x.id === reg.id);
        return viewOf(user, agency, reg, unitName(reg.unit), s?.rows ?? 0, s?.years ?? []);
      }),
    };
  },
});

const FILTER = /^filter\[([^\]]+)\]$/;

export const rows = defineRoute({
  id: 'registers.rows',
  method: 'get',
  path: '/api/agencies/:agency/registers/:register/rows',
  tag: 'registers',
  summary: 'A page of a register’s entities in key order, with the total: searched by key and label (`q`), filtered by category and yes/no fields (`filter[field]=value`; a per-year field in `year`)',
  description: 'Personal fields are masked unless the caller sees them whole (policies/register.ts); a page that shows them whole is written to the audit log.',
  auth: 'user',
  params: RegisterParams,
  query: z.looseObject({
    q: z.string().max(200).optional().describe('a text the key or the label contains'),
    year: z.coerce.number().int().min(1900).max(2200).optional().describe('the year of per-year values the filters compare'),
    page: z.coerce.number().int().min(1).max(1_000_000).optional().describe('1-based (default 1)'),
    size: z.coerce.number().int().min(1).max(200).optional().describe('entities per page (default 25)'),
  }),
  response: RegisterRowsPage,
  async handler({ deps, user, agency, params, query }) {
    const { regs, unitName } = await definitionsOf(deps, user, agency);
    const reg = registerOf(regs, params.register);
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(query)) {
      const m = FILTER.exec(k);
      if (m && typeof v === 'string') raw[m[1]!] = v;
    }
    const { filters, problems } = readFilters(reg, raw, query.year);
    if (problems.length > 0) {
      const p = problems[0]!;
      throw new HttpError(400, 'invalid-request', p.message, { where: `query.${p.where}` });
    }
    const q = createRegisterQueries(deps.pool);
    const page = query.page ?? 1;
    const size = query.size ?? 25;
    const found = await q.listRows(agency.id, reg, { ...(query.q ? { q: query.q } : {}), filters, ...(query.year !== undefined ? { year: query.year } : {}), page, size });
    const view = viewOf(user, agency, reg, unitName(reg.unit), found.all, found.years);
    const fields = personalShown(reg, view.seesPersonal, found.rows);
    if (fields.length > 0) {
      await auditPersonal(deps, user, agency, reg.id, 'view-personal', { personalFields: fields, entities: found.rows.length, ...(query.q ? { search: query.q } : {}) });
    }
    return { register: view, total: found.total, page, size, rows: found.rows.map((e) => shown(reg, e, view.seesPersonal)) };
  },
});

export const entity = defineRoute({
  id: 'registers.entity',
  method: 'get',
  path: '/api/agencies/:agency/registers/:register/entities/:key',
  tag: 'registers',
  summary: 'One entity of a register: every field, its per-year values, and its history (the entities of other registers that refer to it)',
  description: 'Personal fields masked as in the list; an answer that shows them whole is written to the audit log.',
  auth: 'user',
  params: EntityParams,
  response: RegisterEntityPage,
  async handler({ deps, user, agency, params }) {
    const { regs, unitName } = await definitionsOf(deps, user, agency);
    const reg = registerOf(regs, params.register);
    const q = createRegisterQueries(deps.pool);
    const e = await q.entity(agency.id, reg.id, params.key);
    if (!e) throw notFound(t(`register "${reg.name}" has no entity "${params.key}"`, `register "${reg.name}" tidak memiliki entitas "${params.key}"`), 'params.key');
    const summaries = await q.listRegisters(agency.id);
    const view = (r: Register) => {
      const s = summaries.find((x) => x.id === r.id);
      return viewOf(user, agency, r, unitName(r.unit), s?.rows ?? 0, s?.years ?? []);
    };
    const main = view(reg);
    const events = await q.entityEvents(agency.id, regs, reg.id, e.key);
    const fields = personalShown(reg, main.seesPersonal, [e]);
    if (fields.length > 0) await auditPersonal(deps, user, agency, `${reg.id}/${e.key}`, 'view-personal', { personalFields: fields, entities: 1 });
    const shownEvents = [];
    for (const ev of events) {
      const evReg = registerOf(regs, ev.register);
      const v = view(evReg);
      const evFields = personalShown(evReg, v.seesPersonal, ev.rows);
      if (evFields.length > 0) await auditPersonal(deps, user, agency, evReg.id, 'view-personal', { personalFields: evFields, entities: ev.rows.length, refersTo: `${reg.name} ${e.key}` });
      shownEvents.push({ register: v, fields: ev.fields, total: ev.total, rows: ev.rows.map((r) => shown(evReg, r, v.seesPersonal)) });
    }
    return { register: main, entity: shown(reg, e, main.seesPersonal), events: shownEvents };
  },
});

/** The import's token: the file's bytes and what it would change, as the preview showed them. */
const tokenOf = (fileSha: string, preview: RegisterPreview): string => createHash('sha256').update(`${fileSha}\n${JSON.stringify(preview)}`).digest('hex').slice(0, 32);

export const importRows = defineRoute({
  id: 'registers.import',
  method: 'post',
  path: '/api/agencies/:agency/registers/:register/import',
  tag: 'registers',
  summary: 'Check a CSV or XLSX file of a register’s rows (every problem by row and column) and preview what it changes; with store=true, store it (nothing unless the whole file is good)',
  description:
    'The body is the file itself (text/csv or the .xlsx; XLSX is told by its first bytes), streamed to a temporary file and read row by row. ' +
    'A good file’s answer has a `token`; storing with `expect=<token>` refuses (409 changed-since-preview, nothing stored) unless the file and what it changes are exactly what the preview showed.',
  auth: 'user',
  bodyLimit: 'dataset',
  params: RegisterParams,
  query: z.object({
    store: z.enum(['true', 'false']).optional().describe('true: store the rows when the file has no problem (default: preview only)'),
    expect: z.string().optional().describe('the preview’s `token`'),
  }),
  response: RegisterImportAnswer,
  async handler({ deps, user, agency, params, query, c }) {
    const { regs } = await definitionsOf(deps, user, agency);
    const reg = registerOf(regs, params.register);
    if (!registerPolicy.can(user, 'import', recordOf(agency, reg))) {
      throw forbidden(t("a register is imported by the agency's planner or an operator of the unit that keeps it", 'register diimpor oleh perencana perangkat daerah atau operator unit yang mengelolanya'));
    }
    const body = c.req.raw.body;
    if (!body) throw new HttpError(400, 'empty-file', t('the request has no file: send the CSV or XLSX file as the body', 'permintaan tidak berisi berkas: kirim berkas CSV atau XLSX sebagai isi permintaan'), { where: 'body' });
    const dir = await mkdtemp(join(tmpdir(), 'kinerja-register-'));
    try {
      const path = join(dir, 'upload');
      const hash = createHash('sha256');
      let head: Buffer | undefined;
      let size = 0;
      await pipeline(
        Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>),
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            if (!head) head = Buffer.from(chunk.subarray(0, 4));
            size += chunk.length;
            hash.update(chunk);
            done(null, chunk);
          },
        }),
        createWriteStream(path),
      );
      if (size === 0) throw new HttpError(422, 'empty-file', t('the file is empty', 'berkas kosong'), { where: 'body' });
      const fileSha = hash.digest('hex');
      const xlsx = head !== undefined && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
      const store = query.store === 'true';
      let refused = false;
      const result = await createRegisterQueries(deps.pool)
        .importRows(agency.id, reg.id, xlsx ? readXlsxRows(path) : readCsvRows(path), {
          store,
          ...(store && query.expect !== undefined
            ? {
                confirm: (p: RegisterPreview) => {
                  refused = tokenOf(fileSha, p) !== query.expect;
                  return !refused;
                },
              }
            : {}),
        })
        .catch((e: unknown) => {
          if (e instanceof RegisterError) throw new HttpError(422, 'unreadable-file', t(e.message.replace(path, 'the file'), e.localized.id.replace(path, 'berkas')), { where: 'body' });
          // a .zip that is no workbook: exceljs' own error (a database error carries a `severity`)
          if (xlsx && !(e instanceof HttpError) && typeof (e as { severity?: unknown }).severity !== 'string') {
            throw new HttpError(
              422,
              'unreadable-file',
              t('the file starts as an XLSX workbook but cannot be read as one: save it again from the spreadsheet as .xlsx, or as CSV', 'berkas diawali seperti buku kerja XLSX tetapi tidak dapat dibaca: simpan ulang dari aplikasi lembar kerja sebagai .xlsx, atau sebagai CSV'),
              { where: 'body' },
            );
          }
          throw e;
        });
      if (refused) {
        throw new HttpError(
          409,
          'changed-since-preview',
          t(
            `the register "${reg.name}" or the file changed after the check you confirmed; nothing was stored: check the file again to see what it would change now`,
            `register "${reg.name}" atau berkasnya berubah setelah pemeriksaan yang Anda setujui; tidak ada yang disimpan: periksa berkasnya lagi untuk melihat perubahannya sekarang`,
          ),
          { where: 'query.expect' },
        );
      }
      if (result.stored && result.preview) {
        const p = result.preview;
        await appendAudit(deps.pool, {
          actor: user,
          region: agency.region,
          agencyId: agency.id,
          entity: 'register',
          key: reg.id,
          action: 'import',
          before: null,
          after: { entities: result.rows, added: p.added.count, changed: p.changed.count, removed: p.removed.count },
          note: `${xlsx ? 'XLSX' : 'CSV'}, ${size} bytes, sha256 ${fileSha}`,
        });
      }
      return {
        register: result.register,
        rows: result.rows,
        years: result.years,
        problems: result.problems.map((p) => ({ row: p.row, column: p.column, code: p.code, message: { en: p.message.en, id: p.message.id } })),
        problemCount: result.problemCount,
        preview: result.preview ?? null,
        stored: result.stored,
        token: result.preview && !result.stored ? tokenOf(fileSha, result.preview) : null,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});

export const exportRows = defineRoute({
  id: 'registers.export',
  method: 'get',
  path: '/api/agencies/:agency/registers/:register/export',
  tag: 'registers',
  summary: 'A register’s rows as CSV or XLSX, in the shape an import reads back; without its personal fields unless `personal=1` (only for who sees them whole; written to the audit log)',
  auth: 'user',
  params: RegisterParams,
  query: z.object({
    format: z.enum(['csv', 'xlsx'], { message: zodMessage('expected csv or xlsx', 'seharusnya csv atau xlsx') }).optional().describe('csv (default) or xlsx'),
    personal: z.enum(['0', '1']).optional().describe('1: with the personal fields'),
  }),
  response: null,
  produces: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  async handler({ deps, user, agency, params, query }) {
    const { regs } = await definitionsOf(deps, user, agency);
    const reg = registerOf(regs, params.register);
    const withPersonal = query.personal === '1';
    if (withPersonal && !registerPolicy.can(user, 'read-personal', recordOf(agency, reg))) {
      throw forbidden(
        t(
          "an export with personal data is for the agency's planner and the operators of the unit that keeps the register; export without it",
          'ekspor beserta data pribadi hanya untuk perencana perangkat daerah dan operator unit yang mengelola register; ekspor tanpa data pribadi',
        ),
        'query.personal',
      );
    }
    const format = query.format ?? 'csv';
    const q = createRegisterQueries(deps.pool);
    const columns = exportColumns(reg, await q.yearsOf(agency.id, reg.id), { withPersonal });
    const dir = await mkdtemp(join(tmpdir(), 'kinerja-register-'));
    const name = `${agency.id}-${reg.id}${withPersonal ? '-data-pribadi' : ''}.${format}`;
    const path = join(dir, name);
    try {
      const n = await writeRowFile(
        path,
        columns.map((col) => col.name),
        (async function* () {
          for await (const e of q.exportRows(agency.id, reg.id)) yield entityCells(columns, e);
        })(),
        reg.name,
      );
      const fields = withPersonal && n > 0 ? reg.fields.filter((f) => f.personal).map((f) => f.name) : [];
      if (fields.length > 0) await auditPersonal(deps, user, agency, reg.id, 'export-personal', { personalFields: fields, entities: n, format: format.toUpperCase() });
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const stream = createReadStream(path);
    stream.once('close', () => void rm(dir, { recursive: true, force: true }));
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'private, no-store',
      },
    });
  },
});

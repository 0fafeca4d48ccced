/**
 * Realizations: entry by quarter, semester or year (a value, or numerator and denominator,
 * or a category), notes, evidence files, and the workflow draft → submitted → verified →
 * approved (locked until the head reopens it). Every change answers with the indicator's
 * rows of the year's measurement after it: the new achievement and predicate (provisional
 * from the latest quarter until the year's own figure exists).
 */
import { z } from 'zod';
import * as S from '../../core/dataset/schema.js';
import type { Dataset, Realization, Settings } from '../../core/dataset/schema.js';
import { indexDataset } from '../../core/dataset/model.js';
import {
  ACTION_ID,
  addEvidence,
  findRealization,
  indicatorOf,
  keyOf,
  putRealization,
  realizationKeyText,
  removeRealization,
  STATE_ID,
  stateOf,
  transitionRealization,
  type RealizationKey,
  type WorkflowAction,
} from '../../core/edit/realizations.js';
import { defined, EditError } from '../../core/edit/common.js';
import { measure, registerMeasureIn } from '../../core/measure/index.js';
import type { MeasuredRow, MeasureResult } from '../../core/measure/types.js';
import { yearTarget } from '../../core/measure/target.js';
import { checkUpload, discardEvidence, EVIDENCE_PREFIX, evidenceFiles, MAX_EVIDENCE_BYTES, readEvidence, storeEvidence } from '../commands/evidence.js';
import { editAgency } from '../commands/respond.js';
import type { AgencyRef } from '../commands/store.js';
import { forbidden, fromEditError, HttpError, invalidRequest, notFound, text as t } from '../errors.js';
import { zodMessage } from '../../core/findings.js';
import * as policy from '../policies/realization.js';
import type { User } from '../policies/types.js';
import type { ServerDeps } from '../deps.js';
import { defineRoute } from '../route.js';
import { loaded, measured, todayOf } from './agencies.js';
import { RealizationChange as ChangeResult, RealizationList } from '../responses.js';
import { AgencyParams, named, Ok, Version, YearQuery } from '../schemas.js';
import { versionOf } from '../versions.js';

const ACTIONS = policy.REALIZATION_ACTIONS;

function recordFor(agency: AgencyRef, ds: Dataset, k: RealizationKey): policy.RealizationRecord {
  const indicator = indicatorOf(ds, k.indicator);
  const found = findRealization(ds, k);
  return {
    agencyId: agency.id,
    region: agency.region,
    ...(indicator.responsibleUnits ? { responsibleUnits: indicator.responsibleUnits } : {}),
    ...(found ? { state: stateOf(found.realization) } : {}),
  };
}

/** What a user may do with a realization, in Indonesian, for "Anda tidak berwenang … realisasi". */
const POLICY_ACTION_ID: Readonly<Record<policy.RealizationAction, string>> = {
  ...ACTION_ID,
  enter: 'mengisi',
  delete: 'menghapus',
  evidence: 'melampirkan bukti pada',
};

/** 403 saying why: not responsible, wrong role, or the realization's state (locked after approval). */
function authorize(user: User, action: policy.RealizationAction, rec: policy.RealizationRecord): void {
  if (policy.can(user, action, rec)) return;
  const entering = action === 'enter' || action === 'delete' || action === 'evidence' || action === 'submit';
  if (entering && policy.enters(user, rec)) {
    if (rec.state === undefined) throw new HttpError(404, 'unknown-realization', t('no such realization', 'realisasi tersebut tidak ada'), { where: 'body' });
    if (rec.state === 'approved') {
      throw new HttpError(
        403,
        'locked',
        t('the realization is approved and locked; the head can reopen it', 'realisasi telah disetujui dan dikunci; kepala perangkat daerah dapat membukanya kembali'),
        { where: 'body' },
      );
    }
    throw new HttpError(
      403,
      'not-draft',
      t(
        `the realization is ${rec.state}; only a draft can be changed (it can be returned to draft first)`,
        `realisasi berstatus ${STATE_ID[rec.state]}; hanya draf yang dapat diubah (kembalikan ke draf terlebih dahulu)`,
      ),
      { where: 'body' },
    );
  }
  if (entering) {
    const units = rec.responsibleUnits?.join(', ');
    throw forbidden(
      units
        ? t(`realizations of this indicator are entered by the operators of ${units}`, `realisasi indikator ini diisi oleh operator ${units}`)
        : t(
            "this indicator names no responsible unit: its realizations are entered by the agency's planner",
            'indikator ini tidak menyebutkan unit kerja penanggung jawab: realisasinya diisi oleh perencana perangkat daerah',
          ),
      'body.indicator',
    );
  }
  throw forbidden(
    t(
      `you may not ${action} a realization that is ${rec.state ?? 'not entered'}`,
      `Anda tidak berwenang ${POLICY_ACTION_ID[action]} realisasi yang ${rec.state ? `berstatus ${STATE_ID[rec.state]}` : 'belum diisi'}`,
    ),
    'body.action',
  );
}

/** The indicator's rows in the measurement (agreement rows first, then plan and program rows). */
function rowsOf(m: MeasureResult, ref: string): MeasuredRow[] {
  return [
    ...m.agreements.flatMap((a) => a.rows.filter((r) => r.indicator === ref)),
    ...m.planIndicators.filter((r) => r.indicator === ref),
    ...m.programIndicators.filter((r) => r.indicator === ref).map(({ node: _node, ...row }) => row),
  ];
}

async function changeResult(
  deps: ServerDeps,
  agencyId: string,
  ds: Dataset,
  regionSettings: Settings | undefined,
  k: RealizationKey,
  record: Realization | null,
  version: string | null,
  key: string,
) {
  // measured as the measurement API measures: register-based indicators from the registers as of today
  const registerFigures = await deps.cache.registerFigures(agencyId, ds, k.year, todayOf(deps));
  const rows = rowsOf(measure(ds, k.year, { regionSettings, ...(registerFigures ? { registerFigures } : {}) }), k.indicator);
  const first = rows[0];
  return {
    record,
    version,
    key,
    measured: first
      ? { achievement: first.achievement, predicate: first.predicate, provisional: first.provisional === true, unmeasured: first.unmeasured ?? null, pending: first.pending ?? null }
      : null,
    rows,
  };
}

const KeyFields = {
  indicator: z.string().min(1).describe('the indicator reference, e.g. renstra-2021-2026/UMM'),
  year: S.Year,
  period: S.Period.optional().describe('Q1–Q4, S1, S2 or Y (the year; the default)'),
};
const keyFrom = (b: { indicator: string; year: number; period?: S.Period | undefined }): RealizationKey => ({
  indicator: b.indicator,
  year: b.year,
  period: b.period ?? 'Y',
});

export const list = defineRoute({
  id: 'realizations.list',
  method: 'get',
  path: '/api/agencies/:agency/realizations',
  tag: 'realizations',
  summary: "A year's realizations by indicator: every indicator the year's measurement uses or that has entries, with its entries, what the user may do with each, and its measured rows",
  auth: 'user',
  params: AgencyParams,
  query: YearQuery,
  response: RealizationList,
  async handler({ deps, user, agency, query }) {
    const m = (await measured(deps, agency, query.year));
    const ds = m.agency.dataset;
    const idx = indexDataset(ds);
    const refs = new Set<string>();
    for (const a of m.result.agreements) for (const r of a.rows) refs.add(r.indicator);
    for (const r of m.result.planIndicators) refs.add(r.indicator);
    for (const r of m.result.programIndicators) refs.add(r.indicator);
    const entries = ds.realizations.filter((r) => r.year === query.year);
    for (const r of entries) refs.add(r.indicator);
    const fileIds = entries.flatMap((r) => (r.evidence ?? []).filter((e) => e.startsWith(EVIDENCE_PREFIX)).map((e) => e.slice(EVIDENCE_PREFIX.length)));
    const files = await evidenceFiles(deps.pool, agency.id, fileIds);
    const indicators = [];
    for (const ref of refs) {
      const entry = idx.indicators.get(ref);
      if (!entry) continue; // a dangling reference: validation reports it
      const base = { agencyId: agency.id, region: agency.region, ...(entry.indicator.responsibleUnits ? { responsibleUnits: entry.indicator.responsibleUnits } : {}) };
      indicators.push({
        ref,
        owner: { kind: entry.owner.kind, id: entry.ownerId },
        indicator: entry.indicator,
        target: yearTarget(entry.indicator, query.year) ?? null,
        // a year counted from a register is not entered (core/edit/realizations.ts refuses it)
        canEnter: policy.can(user, 'enter', base) && !registerMeasureIn(entry.indicator.fromRegister, query.year),
        entries: entries
          .filter((r) => r.indicator === ref)
          .map((r) => {
            const rec = { ...base, state: stateOf(r) };
            return {
              record: r,
              version: versionOf(r),
              key: realizationKeyText(keyOf(r)),
              state: stateOf(r),
              allowed: ACTIONS.filter((a) => policy.can(user, a, rec)),
              evidence: (r.evidence ?? []).map((value) => {
                const f = value.startsWith(EVIDENCE_PREFIX) ? files.get(value.slice(EVIDENCE_PREFIX.length)) : undefined;
                return {
                  value,
                  file: f ? { id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, url: `/api/agencies/${encodeURIComponent(agency.id)}/evidence/${f.id}` } : null,
                };
              }),
            };
          }),
        rows: rowsOf(m.result, ref),
      });
    }
    return { year: query.year, indicators };
  },
});

export const put = defineRoute({
  id: 'realizations.put',
  method: 'put',
  path: '/api/agencies/:agency/realizations',
  tag: 'realizations',
  summary: 'Enter a realization (a new one is a draft) or change a draft; answers with the new achievement and predicate',
  description: 'To change an existing one, send the version you read; without it (or with an outdated one) the answer is 409 with the current record.',
  auth: 'user',
  params: AgencyParams,
  body: named(
    z.object({
      ...KeyFields,
      version: Version.nullable().optional().describe('the version read; omit or null for a new realization'),
      value: S.Num.optional(),
      numerator: S.Num.optional(),
      denominator: S.Num.optional(),
      category: z.string().optional(),
      categories: z.array(z.string()).optional(),
      status: S.RealizationStatus.optional().describe('no-data, postponed, not-applicable (with a note saying why)'),
      note: z.string().optional(),
    }),
    'RealizationEntry',
  ),
  response: ChangeResult,
  async handler({ deps, user, agency, body }) {
    const k = keyFrom(body);
    const { indicator: _i, year: _y, period: _p, version, ...fields } = body;
    const r = await editAgency(deps, user, agency, {
      action: 'enter',
      version: version ?? null,
      apply: ({ dataset }) => {
        authorize(user, 'enter', recordFor(agency, dataset, k));
        return putRealization(dataset, k, defined(fields));
      },
    });
    return changeResult(deps, agency.id, r.dataset, r.regionSettings, k, r.record, r.version, r.key);
  },
});

export const transition = defineRoute({
  id: 'realizations.transition',
  method: 'post',
  path: '/api/agencies/:agency/realizations/transition',
  tag: 'realizations',
  summary: 'Move a realization in its workflow: submit (operator), verify (planner), approve (head: locks it), return to draft, reopen (head)',
  auth: 'user',
  params: AgencyParams,
  body: named(
    z.object({
      ...KeyFields,
      action: z.enum(['submit', 'verify', 'approve', 'return', 'reopen']),
      version: Version,
      note: z.string().max(2000).optional().describe('why (kept in the audit log), e.g. the reason for returning or reopening'),
    }),
    'RealizationTransition',
  ),
  response: ChangeResult,
  async handler({ deps, user, agency, body }) {
    const k = keyFrom(body);
    const action: WorkflowAction = body.action;
    const r = await editAgency(deps, user, agency, {
      action,
      version: body.version,
      ...(body.note !== undefined ? { note: body.note } : {}),
      apply: ({ dataset }) => {
        authorize(user, action, recordFor(agency, dataset, k));
        return transitionRealization(dataset, k, action);
      },
    });
    return changeResult(deps, agency.id, r.dataset, r.regionSettings, k, r.record, r.version, r.key);
  },
});

export const remove = defineRoute({
  id: 'realizations.delete',
  method: 'delete',
  path: '/api/agencies/:agency/realizations',
  tag: 'realizations',
  summary: 'Remove a draft realization',
  auth: 'user',
  params: AgencyParams,
  query: z.object({ ...KeyFields, year: z.coerce.number().int().min(1900).max(2200), version: Version }),
  response: ChangeResult,
  async handler({ deps, user, agency, query }) {
    const k = keyFrom(query);
    const r = await editAgency(deps, user, agency, {
      action: 'delete',
      version: query.version,
      apply: ({ dataset }) => {
        authorize(user, 'delete', recordFor(agency, dataset, k));
        return removeRealization(dataset, k);
      },
    });
    return changeResult(deps, agency.id, r.dataset, r.regionSettings, k, null, null, r.key);
  },
});

export const uploadEvidence = defineRoute({
  id: 'realizations.evidence',
  method: 'post',
  path: '/api/agencies/:agency/realizations/evidence',
  tag: 'realizations',
  summary: 'Attach an evidence file (PDF, JPEG or PNG, at most 5 MiB) to a draft realization',
  auth: 'user',
  // the file and the form's other fields
  bodyLimit: MAX_EVIDENCE_BYTES + 64 * 1024,
  status: 201,
  params: AgencyParams,
  multipart: {
    indicator: { type: 'string', description: 'the indicator reference', required: true },
    year: { type: 'string', description: 'the year', required: true },
    period: { type: 'string', description: 'Q1–Q4, S1, S2 or Y (default Y)' },
    version: { type: 'string', description: 'the version of the realization read', required: true },
    file: { type: 'file', description: 'the file: PDF, JPEG or PNG, at most 5 MiB', required: true },
  },
  response: ChangeResult,
  async handler({ deps, user, agency, c }) {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody();
    } catch (e) {
      const why = (e as Error).message;
      throw new HttpError(400, 'invalid-request', t(`expected multipart/form-data: ${why}`, `seharusnya berupa multipart/form-data: ${why}`), { where: 'body' });
    }
    const fields = z
      .object({
        indicator: z.string().min(1),
        year: z.coerce.number().int().min(1900).max(2200),
        period: S.Period.optional(),
        version: Version,
        file: z.instanceof(File, { message: zodMessage('expected a file in the field "file"', 'seharusnya berupa berkas pada isian "file"') }),
      })
      .safeParse(form);
    if (!fields.success) throw invalidRequest('body', fields.error, z.object({}), form);
    const f = fields.data;
    const k = keyFrom(f);
    const bytes = new Uint8Array(await f.file.arrayBuffer());
    const type = checkUpload(f.file.name, f.file.type, bytes);
    // authorize before anything is written to disk (the edit checks again, on fresh data)
    const current = await loaded(deps, agency);
    try {
      authorize(user, 'evidence', recordFor(agency, current.dataset, k));
    } catch (e) {
      throw e instanceof EditError ? fromEditError(e) : e;
    }
    const stored = await storeEvidence(deps.pool, deps.settings.dataDir, agency.id, { fileName: f.file.name, contentType: type, bytes, uploadedBy: user.id });
    try {
      const r = await editAgency(deps, user, agency, {
        action: 'evidence',
        version: f.version,
        note: `${stored.fileName} (${stored.contentType}, ${stored.size} bytes, sha256 ${stored.sha256})`,
        apply: ({ dataset }) => {
          authorize(user, 'evidence', recordFor(agency, dataset, k));
          return addEvidence(dataset, k, `${EVIDENCE_PREFIX}${stored.id}`);
        },
      });
      return changeResult(deps, agency.id, r.dataset, r.regionSettings, k, r.record, r.version, r.key);
    } catch (e) {
      await discardEvidence(deps.pool, deps.settings.dataDir, agency.id, stored.id);
      throw e;
    }
  },
});

export const downloadEvidence = defineRoute({
  id: 'realizations.evidenceFile',
  method: 'get',
  path: '/api/agencies/:agency/evidence/:file',
  tag: 'realizations',
  summary: 'An evidence file',
  auth: 'user',
  params: AgencyParams.extend({ file: z.string().regex(/^ev_[0-9a-f]{24}$/, zodMessage('expected an evidence file id such as ev_0123…', 'seharusnya berupa id berkas bukti seperti ev_0123…')) }),
  response: null,
  produces: 'application/pdf, image/jpeg, image/png',
  async handler({ deps, agency, params, c }) {
    const found = await readEvidence(deps.pool, deps.settings.dataDir, agency.id, params.file);
    if (!found) throw notFound(t(`no evidence file "${params.file}"`, `tidak ada berkas bukti "${params.file}"`), 'params.file');
    return c.body(new Uint8Array(found.bytes), 200, {
      'content-type': found.file.contentType,
      'content-length': String(found.bytes.byteLength),
      'content-disposition': `attachment; filename="${found.file.fileName.replace(/["\\]/g, '_')}"`,
      'cache-control': 'private, no-store',
    });
  },
});

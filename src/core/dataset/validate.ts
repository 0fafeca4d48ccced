/**
 * Validation of a Kinerja document (dataset-format.md): its format, its shape (the zod
 * schemas, every problem listed with where it is and what was expected), and the checks over
 * the whole document (references, uniqueness, nesting, consistency warnings). IO-free.
 */
import { photoFindings } from './files.js';
import { z } from 'zod';
import * as S from './schema.js';
import { DATASET_FORMAT, REGION_FORMAT, SUPPORTED_FORMATS, type Dataset, type Region } from './schema.js';
import { agencyId } from './model.js';
import { mergeScan, scanDocument } from './limits.js';
import { finding, hasErrors, type Finding } from '../findings.js';
import { joinPath, nameSchema, schemaFindings, valueAt } from './schema-issues.js';
import { checkDataset } from './references.js';
import { gradeFindings } from '../measure/grade.js';
import { causesFindings } from '../measure/causes.js';
import { correctionFindings } from '../review/corrections.js';
import { createMeasureContext } from '../measure/context.js';
import { checkRegisters } from '../registers/definitions.js';
import { checkRegisterMeasures } from '../registers/conditions.js';

export type ValidationResult =
  | { kind: 'dataset'; dataset: Dataset; findings: Finding[] }
  | { kind: 'region'; region: Region; findings: Finding[] }
  | { kind: 'invalid'; findings: Finding[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------- format

type DocumentKind = 'dataset' | 'region';
type FormatCheck = { ok: true; kind: DocumentKind } | { ok: false; finding: Finding };

const FORMAT_OF: Record<DocumentKind, string> = { dataset: DATASET_FORMAT, region: REGION_FORMAT };
const READS = SUPPORTED_FORMATS.join(' and ');
const READS_ID = SUPPORTED_FORMATS.join(' dan ');
const GOT_ID: Record<string, string> = { string: 'teks', number: 'angka', boolean: 'boolean', undefined: 'kosong', bigint: 'angka' };
const FORMAT_PATTERN = /^kinerja-(dataset|region)\/(\d+)$/;

function checkFormat(input: unknown, prefix: string, accept: readonly DocumentKind[]): FormatCheck {
  const formats = accept.map((k) => JSON.stringify(FORMAT_OF[k]));
  const expected = formats.join(' or ');
  const expectedId = formats.join(' atau ');
  const at = joinPath(prefix, 'format');
  const fail = (code: string, en: string, id: string, where = at): FormatCheck => ({ ok: false, finding: finding('error', code, where, en, id) });
  if (!isPlainObject(input)) {
    const got = Array.isArray(input) ? 'a list' : input === null ? 'null' : typeof input;
    const gotId = Array.isArray(input) ? 'daftar' : input === null ? 'null' : (GOT_ID[typeof input] ?? typeof input);
    return fail(
      'not-an-object',
      `expected a document object with "format": ${expected}, got ${got}`,
      `seharusnya berupa objek dokumen dengan "format": ${expectedId}, tetapi berisi ${gotId}`,
      prefix === '' ? '(document)' : prefix,
    );
  }
  const format = input.format;
  if (format === undefined) {
    return fail(
      'missing-format',
      `required field missing: "format" says what the document is; expected ${expected}`,
      `isian wajib tidak ada: "format" menyatakan jenis dokumen; seharusnya ${expectedId}`,
    );
  }
  if (typeof format !== 'string') {
    const got = JSON.stringify(format);
    return fail('unknown-format', `expected "format" to be ${expected}, got ${got}`, `"format" seharusnya ${expectedId}, tetapi berisi ${got}`);
  }
  const got = JSON.stringify(format);
  for (const kind of ['dataset', 'region'] as const) {
    if (format === FORMAT_OF[kind]) {
      if (accept.includes(kind)) return { ok: true, kind };
      return fail('unexpected-format', `expected ${expected} here, got ${got}`, `di sini seharusnya ${expectedId}, tetapi berisi ${got}`);
    }
  }
  const m = FORMAT_PATTERN.exec(format);
  if (m && Number(m[2]) > 1) {
    return fail(
      'unsupported-format',
      `format ${got} is a later version than this Kinerja reads; it reads ${READS} (a newer Kinerja is needed for this file)`,
      `format ${got} adalah versi yang lebih baru daripada yang dapat dibaca Kinerja ini; Kinerja ini membaca ${READS_ID} (berkas ini memerlukan Kinerja versi yang lebih baru)`,
    );
  }
  return fail('unknown-format', `unknown format ${got}; this Kinerja reads ${READS}`, `format ${got} tidak dikenal; Kinerja ini membaca ${READS_ID}`);
}

// ---------------------------------------------------------------- dataset

/** Lists that own goals and indicators: losing one as a whole makes every reference check meaningless. */
const OWNER_LISTS = new Set(['plans', 'agreements', 'programs']);
/** Top-level lists that are required: a broken one is replaced by an empty list. */
const REQUIRED_LISTS = new Set(['realizations']);
/** Keys under which an owner keeps the goals and indicators referenced as `ownerId/localId`. */
const OWNED_LISTS = new Set(['goals', 'indicators']);

type Segment = PropertyKey;


interface Salvaged {
  ds: Dataset;
  position: WeakMap<object, number>;
  broken: Set<string>;
  brokenSections: Set<string>;
}

/**
 * The part of a dataset that passes the schema, so that the whole-document checks can still
 * run and every problem is listed at once. A copy of the document is pruned: unknown fields
 * are dropped, and an entry with a problem (the innermost list element around it: an
 * indicator, a row, a realization …) is left out. Elements keep their original positions for
 * the paths of findings, and left-out entries are remembered by id and reference so that
 * references to them are not reported a second time. Returns null when nothing useful is left.
 */
function salvage(input: Record<string, unknown>): Salvaged | null {
  let doc: Record<string, unknown>;
  try {
    doc = structuredClone(input);
  } catch {
    return null;
  }
  const position = new WeakMap<object, number>();
  const broken = new Set<string>();
  const brokenSections = new Set<string>();
  const remember = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach((el, i) => {
        if (isPlainObject(el)) position.set(el, i);
        remember(el);
      });
    } else if (isPlainObject(v)) for (const x of Object.values(v)) remember(x);
  };
  remember(doc);

  for (let round = 0; round < 8; round++) {
    const parsed = S.Dataset.safeParse(doc);
    if (parsed.success) {
      // `doc` itself passed the schema (which has no transforms), so it is a Dataset; it is used
      // rather than zod's copy because its objects carry the original positions.
      return { ds: doc as unknown as Dataset, position, broken, brokenSections };
    }
    const drops = new Map<unknown[], { path: Segment[]; indexes: Set<number> }>();
    let progress = false;
    for (const issue of parsed.error.issues) {
      const path = issue.path;
      if (issue.code === 'unrecognized_keys') {
        const target = valueAt(doc, path);
        if (isPlainObject(target)) {
          for (const k of issue.keys) delete target[k];
          progress = true;
          continue;
        }
      }
      let cut = -1;
      for (let k = path.length - 1; k >= 0; k--) {
        if (typeof path[k] === 'number' && isPlainObject(valueAt(doc, path.slice(0, k + 1)))) {
          cut = k;
          break;
        }
      }
      if (cut >= 0) {
        const listPath = path.slice(0, cut);
        const list = valueAt(doc, listPath);
        if (Array.isArray(list)) {
          const entry = drops.get(list) ?? { path: listPath, indexes: new Set<number>() };
          entry.indexes.add(path[cut] as number);
          drops.set(list, entry);
          progress = true;
          continue;
        }
      }
      const key = path[0];
      if (typeof key !== 'string') return null;
      if (OWNER_LISTS.has(key)) return null;
      brokenSections.add(key);
      if (key === 'agency') doc.agency = { name: '-', region: '-', head: { name: '-', position: '-' } };
      else if (REQUIRED_LISTS.has(key)) doc[key] = [];
      else delete doc[key];
      progress = true;
    }
    for (const [list, { path, indexes }] of drops) {
      const owner = path.length === 3 && OWNER_LISTS.has(String(path[0])) && OWNED_LISTS.has(String(path[2])) ? valueAt(doc, path.slice(0, 2)) : undefined;
      const ownerId = isPlainObject(owner) && typeof owner.id === 'string' ? owner.id : undefined;
      for (const i of indexes) {
        const el = list[i];
        if (!isPlainObject(el) || typeof el.id !== 'string') continue;
        broken.add(ownerId !== undefined ? `${ownerId}/${el.id}` : el.id);
      }
      const kept = list.filter((_el, i) => !indexes.has(i));
      list.splice(0, list.length, ...kept);
    }
    if (!progress) return null;
  }
  return null;
}

/**
 * The agency's id when it is derived (no `code`: a slug of the abbreviation, else of the name)
 * and would be empty, too long or unsafe: an error at the field it is derived from. A `code` is
 * checked by the schema (an Id).
 */
function checkDerivedAgencyId(agency: S.Agency, prefix: string): Finding[] {
  if (agency.code !== undefined) return [];
  const id = agencyId(agency);
  const from = agency.abbreviation !== undefined ? 'abbreviation' : 'name';
  const where = joinPath(prefix, `agency.${from}`);
  const source = JSON.stringify(agency[from]);
  if (id === '') {
    return [
      finding(
        'error',
        'invalid-id',
        where,
        `the agency's id, made of the letters and digits of its ${from} ${source}, is empty: give the agency a "code" (or ${from === 'name' ? 'a name' : 'an abbreviation'} with letters or digits)`,
        `id perangkat daerah, yang dibentuk dari huruf dan angka ${from === 'name' ? 'namanya' : 'singkatannya'} ${source}, kosong: isi "code" perangkat daerah (atau ${from === 'name' ? 'nama' : 'singkatan'} yang memuat huruf atau angka)`,
      ),
    ];
  }
  if (!S.Id.safeParse(id).success) {
    const shown = JSON.stringify(id.length > 70 ? `${id.slice(0, 64)}…` : id);
    return [
      finding(
        'error',
        'invalid-id',
        where,
        `the agency's id made of its ${from}, ${shown}, is not a usable id (at most ${S.LIMITS.idLength} characters, not a reserved word): give the agency a "code"`,
        `id perangkat daerah yang dibentuk dari ${from === 'name' ? 'namanya' : 'singkatannya'}, ${shown}, tidak dapat dipakai sebagai id (paling banyak ${S.LIMITS.idLength} karakter, bukan kata yang dicadangkan): isi "code" perangkat daerah`,
      ),
    ];
  }
  return [];
}

function validateDatasetAt(input: unknown, prefix: string, regionSettings?: S.Settings): { dataset?: Dataset; findings: Finding[] } {
  const format = checkFormat(input, prefix, ['dataset']);
  if (!format.ok) return { findings: [format.finding] };
  const parsed = S.Dataset.safeParse(input);
  if (parsed.success) {
    const findings = [
      ...checkDerivedAgencyId(parsed.data.agency, prefix),
      ...checkDataset(parsed.data, { prefix }),
      ...checkRegisters(parsed.data, prefix),
      ...checkRegisterMeasures(parsed.data, prefix),
      ...gradeFindings(parsed.data, { prefix, regionSettings }),
      ...photoFindings(parsed.data, prefix),
    ];
    // the causes of each agreement row (measure/causes.ts): only on a document whose references hold
    if (!hasErrors(findings)) {
      findings.push(...causesFindings(createMeasureContext(parsed.data, { regionSettings }), { prefix }));
      // the corrections of printed sources: each one's figure computed from the data (review/corrections.ts)
      findings.push(...correctionFindings(parsed.data, { prefix, ...(regionSettings ? { regionSettings } : {}) }));
    }
    return hasErrors(findings) ? { findings } : { dataset: parsed.data, findings };
  }
  const findings = schemaFindings(parsed.error.issues, S.Dataset, input, prefix);
  const agency = isPlainObject(input) ? S.Agency.safeParse(input.agency).data : undefined;
  if (agency) findings.push(...checkDerivedAgencyId(agency, prefix));
  const s = isPlainObject(input) ? salvage(input) : null;
  if (s) findings.push(...checkDataset(s.ds, { prefix, position: s.position, broken: s.broken, brokenSections: s.brokenSections }));
  return { findings };
}

/**
 * Validate one agency's dataset: format, schema, and the whole-document checks.
 * `dataset` is the parsed document, present exactly when no finding is an error.
 */
export function validateDataset(input: unknown): { dataset?: Dataset; findings: Finding[] } {
  return withScan(input, validateDatasetAt(input, ''));
}

/**
 * The findings of the values scan (limits.ts) merged into a result: a document with any of them
 * is invalid (its parsed form is dropped).
 */
function withScan<R extends { findings: Finding[] }>(input: unknown, result: R): R | { findings: Finding[] } {
  const scan = scanDocument(input);
  if (scan.length === 0) return result;
  return { findings: mergeScan(scan, result.findings) };
}

// ---------------------------------------------------------------- region

const RegionShell = S.Region.extend({ agencies: z.array(z.unknown()) });
nameSchema(RegionShell, 'Region');

/**
 * Validate a region's document: its own fields, each agency as a dataset (findings at
 * `agencies[3].…`), and agency ids (`agencyId`) unique within the region.
 */
export function validateRegion(input: unknown): { region?: Region; findings: Finding[] } {
  return withScan(input, validateRegionBody(input));
}

function validateRegionBody(input: unknown): { region?: Region; findings: Finding[] } {
  const format = checkFormat(input, '', ['region']);
  if (!format.ok) return { findings: [format.finding] };
  const shell = RegionShell.safeParse(input);
  const findings: Finding[] = shell.success ? [] : schemaFindings(shell.error.issues, RegionShell, input);
  const raw = isPlainObject(input) && Array.isArray(input.agencies) ? input.agencies : [];
  const datasets: Dataset[] = [];
  const seen = new Map<string, number>();
  raw.forEach((el, i) => {
    const prefix = `agencies[${i}]`;
    const r = validateDatasetAt(el, prefix, shell.success ? shell.data.settings : undefined);
    findings.push(...r.findings);
    if (r.dataset) datasets.push(r.dataset);
    const agency = r.dataset?.agency ?? (isPlainObject(el) ? S.Agency.safeParse(el.agency).data : undefined);
    if (!agency) return;
    const id = agencyId(agency);
    const first = seen.get(id);
    // an empty or unusable derived id is an error of the agency's own dataset (checkDerivedAgencyId)
    if (id === '') return;
    if (first !== undefined) {
      findings.push(
        finding(
          'error',
          'duplicate-agency',
          `${prefix}.agency`,
          `agency id ${JSON.stringify(id)} is already used by agencies[${first}]; agency ids (the code, else the abbreviation or name) are unique within a region`,
          `id perangkat daerah ${JSON.stringify(id)} sudah dipakai oleh agencies[${first}]; id perangkat daerah (kodenya, atau singkatan atau namanya bila tanpa kode) harus unik dalam satu daerah`,
        ),
      );
    } else seen.set(id, i);
  });
  if (!shell.success || hasErrors(findings)) return { findings };
  return { region: { ...shell.data, agencies: datasets }, findings };
}

// ---------------------------------------------------------------- any document

/**
 * Validate a document read from a file: its `format` decides dataset or region. `kind:
 * 'invalid'` whenever any finding is an error; otherwise the parsed document and its
 * warnings.
 */
export function validateDocument(input: unknown): ValidationResult {
  const format = checkFormat(input, '', ['dataset', 'region']);
  if (!format.ok) return { kind: 'invalid', findings: [format.finding] };
  if (format.kind === 'region') {
    const r = withScan(input, validateRegionBody(input));
    return 'region' in r && r.region ? { kind: 'region', region: r.region, findings: r.findings } : { kind: 'invalid', findings: r.findings };
  }
  const r = withScan(input, validateDatasetAt(input, ''));
  return 'dataset' in r && r.dataset ? { kind: 'dataset', dataset: r.dataset, findings: r.findings } : { kind: 'invalid', findings: r.findings };
}

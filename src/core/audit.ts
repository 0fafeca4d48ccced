/**
 * The audit log read by a person: what an entry changed, field by field, in words — the
 * record's before and after compared (core/report/diff.ts), each path named with the fields'
 * own words (core/labels.ts) and each value written the Indonesian way. IO-free.
 */
import { decimalsOf, formatNumber } from './format.js';
import { text, type Text } from './findings.js';
import { FIELD_LABEL, periodLabel, type Labels } from './labels.js';
import type { Period } from './dataset/schema.js';
import { STATE_ID } from './measure/reasons.js';
import { diffValues } from './report/diff.js';

/** The roles of accounts, in words. */
export const ROLE_LABEL: Readonly<Record<string, Text>> = {
  admin: text('administrator', 'administrator'),
  planner: text('planner', 'perencana'),
  operator: text('operator', 'operator'),
  head: text('head', 'kepala'),
  evaluator: text('evaluator', 'evaluator'),
};

/** Coded values of known fields, in words (the workflow state, a recommendation's follow-up, a realization's status, a role). */
const CODED: Readonly<Record<string, Readonly<Record<string, Text>>>> = {
  state: Object.fromEntries(Object.entries(STATE_ID).map(([k, id]) => [k, text(k, id)])),
  status: {
    open: text('open', 'belum ditindaklanjuti'),
    'in-progress': text('in progress', 'dalam proses'),
    done: text('done', 'selesai'),
    'no-data': text('no data', 'data tidak tersedia'),
    postponed: text('postponed', 'ditunda'),
    'not-applicable': text('not applicable', 'tidak berlaku'),
  },
  role: ROLE_LABEL,
  kind: { original: text('original', 'awal'), amendment: text('amendment', 'perubahan') },
  stage: { initial: text('initial budget', 'anggaran awal'), shift: text('budget shift', 'pergeseran anggaran'), revised: text('revised budget', 'anggaran perubahan') },
};

/** The last field name of a path (`rows[…].target` → target). */
const lastField = (path: string): string => /([A-Za-z_$][\w$]*)(?:\[[^\]]*\])*$/.exec(path)?.[1] ?? '';

export interface AuditChange {
  /** the field, e.g. "nilai", "baris 2, target" */
  field: Text;
  /** the value before, or null when the field was added */
  before: Text | null;
  /** the value after, or null when the field was removed */
  after: Text | null;
}

export interface AuditChanges {
  changes: AuditChange[];
  /** changes beyond the limit, not listed */
  more: number;
}

const TOKEN = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\[([^\]]*)\]/g;

/** A path of diff.ts (`rows[goal=T1, indicator=X].target`, `targets.2025`, `evidence[2]`) in words. */
export function fieldLabel(path: string): Text {
  const en: string[] = [];
  const id: string[] = [];
  let prev = '';
  for (const m of path.matchAll(TOKEN)) {
    const [, name, index, quoted, keyed] = m;
    if (name !== undefined) {
      const l = FIELD_LABEL[name] ?? text(name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
      en.push(l.en);
      id.push(l.id);
      prev = name;
    } else if (index !== undefined) {
      const n = Number(index) + 1;
      const row = prev === 'rows';
      en.push(row ? `row ${n}` : `item ${n}`);
      id.push(row ? `baris ${n}` : `butir ${n}`);
    } else if (quoted !== undefined) {
      const k = JSON.parse(quoted) as string;
      en.push(k);
      id.push(k);
    } else if (keyed !== undefined) {
      // a record matched by what identifies it: a year or period reads as itself, an id not at all
      const year = /(?:^|, )year=(\d{4})/.exec(keyed)?.[1];
      if (year) {
        en.push(year);
        id.push(year);
      }
    }
  }
  // `targets.2025` → "target, 2025"
  const tail = /\.(\d{4})$/.exec(path)?.[1];
  if (tail && !en.includes(tail)) {
    en.push(tail);
    id.push(tail);
  }
  return en.length ? text(en.join(', '), id.join(', ')) : text('the record', 'data');
}

/** A value as a reader sees it. */
/** Fields whose value refers to another record by its id. */
const REFERENCES = new Set(['indicator', 'goal', 'plan', 'node', 'program', 'amends', 'parent', 'subject']);
const PERIODS = new Set(['Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4']);

export function valueText(v: unknown, field = '', labels?: Labels): Text {
  if (v === null || v === undefined) return text('—', '—');
  if (typeof v === 'string' && REFERENCES.has(field) && labels) {
    const named = labels.ref(v);
    if (named) return named;
  }
  if (typeof v === 'string' && field === 'period' && PERIODS.has(v)) {
    const p = periodLabel(v as Period);
    return v === 'Y' ? text('the year', 'tahunan') : p;
  }
  const coded = typeof v === 'string' ? CODED[field]?.[v] : undefined;
  if (coded) return coded;
  if (typeof v === 'number' && (field === 'year' || /Year$/.test(field) || field === 'no')) return text(String(v), String(v));
  if (typeof v === 'number') {
    const s = formatNumber(v, Math.min(decimalsOf(v), 6));
    return text(s, s);
  }
  if (typeof v === 'boolean') return v ? text('yes', 'ya') : text('no', 'tidak');
  if (typeof v === 'string') {
    const s = v.length > 300 ? `${v.slice(0, 299)}…` : v;
    return text(s, s);
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null)) {
      const parts = v.map((x) => valueText(x, field, labels));
      return text(parts.map((p) => p.en).join('; '), parts.map((p) => p.id).join('; '));
    }
    return text(`${v.length} items`, `${v.length} butir`);
  }
  const fields = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && (typeof x !== 'object' || x === null));
  const parts = fields.map(([k, x]) => ({ f: FIELD_LABEL[k] ?? text(k, k), x: valueText(x, k, labels) }));
  return text(parts.map((p) => `${p.f.en}: ${p.x.en}`).join('; '), parts.map((p) => `${p.f.id}: ${p.x.id}`).join('; '));
}

/** What an entry of the audit log changed, field by field (at most `limit` listed); references named through `labels`. */
export function describeChanges(before: unknown, after: unknown, opts: { limit?: number; labels?: Labels } = {}): AuditChanges {
  const { limit = 40, labels } = opts;
  const all = diffValues(before ?? null, after ?? null).flatMap((c): AuditChange[] => {
    switch (c.kind) {
      case 'changed':
        if (c.path === '' && (c.old === null || c.new === null)) {
          // created or removed as a whole: its fields one by one
          const whole = (c.new ?? c.old) as unknown;
          if (whole && typeof whole === 'object' && !Array.isArray(whole)) {
            return Object.entries(whole as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .map(([k, x]) => ({ field: fieldLabel(k), before: c.old === null ? null : valueText(x, k, labels), after: c.new === null ? null : valueText(x, k, labels) }));
          }
        }
        return [{ field: fieldLabel(c.path), before: valueText(c.old, lastField(c.path), labels), after: valueText(c.new, lastField(c.path), labels) }];
      case 'added':
        return [{ field: fieldLabel(c.path), before: null, after: valueText(c.value, lastField(c.path), labels) }];
      case 'removed':
        return [{ field: fieldLabel(c.path), before: valueText(c.value, lastField(c.path), labels), after: null }];
      case 'reordered':
        return [{ field: fieldLabel(c.path), before: text('earlier order', 'urutan semula'), after: text('new order', 'urutan baru') }];
    }
  });
  return { changes: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}

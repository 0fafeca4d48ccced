/**
 * What an import would change in one agency, per kind of thing, with names — the preview a
 * person confirms before a file replaces an agency's data. Built on the one differ of datasets
 * (core/report/diff.ts): each difference is placed under the thing it belongs to (a plan's
 * indicator, an agreement, a program node, a realization, …) and named in words
 * (core/labels.ts). Things changed in the app since the agency was last imported (their audit
 * keys, passed in) that the file removes or changes are listed again as what will be lost.
 * IO-free.
 */
import type { Dataset } from './dataset/schema.js';
import { text, type Text } from './findings.js';
import { createLabels, type Labels } from './labels.js';
import { diffDatasets, type DatasetChange } from './report/diff.js';

export const IMPORT_ENTITIES = [
  'profile',
  'plans',
  'goals',
  'indicators',
  'agreements',
  'programs',
  'realizations',
  'expenditures',
  'scores',
  'recommendations',
  'narrative',
  'activities',
  'benchmarks',
  'decrees',
  'claims',
  'organization',
  'settings',
  'other',
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const IMPORT_ENTITY_LABEL: Readonly<Record<ImportEntity, Text>> = {
  profile: text('agency profile', 'profil perangkat daerah'),
  plans: text('plans', 'rencana (RPJMD/Renstra)'),
  goals: text('goals', 'tujuan dan sasaran'),
  indicators: text('indicators', 'indikator'),
  agreements: text('performance agreements', 'perjanjian kinerja'),
  programs: text('programs, activities, sub-activities', 'program, kegiatan dan sub kegiatan'),
  realizations: text('realizations', 'realisasi'),
  expenditures: text('spending lines', 'rincian belanja'),
  scores: text('SAKIP scores', 'nilai SAKIP'),
  recommendations: text('recommendations', 'rekomendasi'),
  narrative: text('narrative', 'narasi'),
  activities: text('activity lists', 'daftar kegiatan'),
  benchmarks: text('benchmarks', 'pembanding'),
  decrees: text('decrees', 'keputusan'),
  claims: text('printed figures', 'angka tercetak'),
  organization: text('organization', 'organisasi'),
  settings: text('settings', 'pengaturan'),
  other: text('other data', 'data lain'),
};

export interface ImportItem {
  name: Text;
  /** the record's key in the audit log, where it has one */
  key: string | null;
  /** changed in the app since the last import, and the file removes or changes it */
  lost: boolean;
}

export interface EntityChanges {
  entity: ImportEntity;
  label: Text;
  added: ImportItem[];
  removed: ImportItem[];
  changed: ImportItem[];
}

export interface ImportDiff {
  /** the kinds of things that change, in the order of IMPORT_ENTITIES */
  entities: EntityChanges[];
  /** what was changed in the app and the file removes or changes */
  lost: (ImportItem & { entity: ImportEntity; how: 'removed' | 'changed' })[];
  /** the file holds exactly what is stored */
  unchanged: boolean;
}

interface Placed {
  entity: ImportEntity;
  /** the path of the thing the difference belongs to */
  item: string;
  /** the difference is the thing itself added or removed (not a field of it) */
  whole: boolean;
  key: string | null;
}

const fieldsOf = (inside: string): Record<string, string> =>
  Object.fromEntries(
    inside.split(', ').map((kv) => {
      const i = kv.indexOf('=');
      const v = kv.slice(i + 1);
      return [kv.slice(0, i), v.startsWith('"') ? (JSON.parse(v) as string) : v];
    }),
  );

/** Where a difference belongs: the thing (plan, indicator, realization, …) and its audit key. */
export function placeOf(path: string): Placed {
  let m: RegExpExecArray | null;
  if ((m = /^plans\[id=([^\]]+)\]\.(indicators|goals)\[id=([^\]]+)\]/.exec(path))) {
    return { entity: m[2] as 'indicators' | 'goals', item: m[0], whole: path === m[0], key: `${m[1]}/${m[3]}` };
  }
  if ((m = /^(plans|agreements|programs|expenditures|decrees)\[id=([^\]]+)\]/.exec(path))) {
    return { entity: m[1] as ImportEntity, item: m[0], whole: path === m[0], key: m[1] === 'agreements' || m[1] === 'programs' ? m[2]! : null };
  }
  if ((m = /^realizations\[([^\]]+)\]/.exec(path))) {
    const f = fieldsOf(m[1]!);
    const key = f['indicator'] && f['year'] ? `${f['indicator']}@${f['year']}/${f['period'] ?? 'Y'}` : null;
    return { entity: 'realizations', item: m[0], whole: path === m[0], key };
  }
  if ((m = /^evaluation\.recommendations\[id=([^\]]+)\]/.exec(path))) {
    return { entity: 'recommendations', item: m[0], whole: path === m[0], key: m[1]! };
  }
  if ((m = /^evaluation\.scores\[([^\]]+)\]/.exec(path))) {
    const f = fieldsOf(m[1]!);
    return { entity: 'scores', item: m[0], whole: path === m[0], key: f['year'] ? (f['period'] ? `${f['year']}/${f['period']}` : f['year']) : null };
  }
  if ((m = /^(activities|benchmarks|claims|realizations|expenditures|decrees)\[[^\]]+\]/.exec(path))) {
    return { entity: m[1] as ImportEntity, item: m[0], whole: path === m[0], key: null };
  }
  if ((m = /^narrative(\[[^\]]+\])?/.exec(path))) {
    const year = m[1] ? /year=(\d{4})/.exec(m[1])?.[1] : undefined;
    return { entity: 'narrative', item: m[0], whole: false, key: year ? `narrative@${year}` : 'narrative' };
  }
  if (/^agency(\.|$)/.test(path)) return { entity: 'profile', item: 'agency', whole: false, key: null };
  if ((m = /^(organization|settings)/.exec(path))) return { entity: m[1] as ImportEntity, item: m[1]!, whole: false, key: null };
  const top = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  if ((IMPORT_ENTITIES as readonly string[]).includes(top)) return { entity: top as ImportEntity, item: top, whole: false, key: null };
  return { entity: 'other', item: top || path, whole: false, key: null };
}

function nameOf(labels: Labels, p: Placed, ds: Dataset): Text {
  switch (p.entity) {
    case 'profile':
      return text(`the profile of ${ds.agency.name}`, `profil ${ds.agency.name}`);
    case 'narrative':
      return p.key && p.key !== 'narrative' ? text(`narrative of ${p.key.slice(-4)}`, `narasi tahun ${p.key.slice(-4)}`) : IMPORT_ENTITY_LABEL.narrative;
    case 'organization':
    case 'settings':
    case 'other':
      return IMPORT_ENTITY_LABEL[p.entity];
    default:
      return p.item.includes('[') ? labels.diffPath(p.item) : IMPORT_ENTITY_LABEL[p.entity];
  }
}

/** What storing `incoming` over `current` (none: a new agency) changes, per kind of thing, with names. */
export function diffImport(current: Dataset | undefined, incoming: Dataset, editedInApp: ReadonlySet<string> = new Set()): ImportDiff {
  const before = current ?? ({ ...incoming, agency: incoming.agency, plans: [], agreements: [], programs: [], realizations: [] } as Dataset);
  const changes: DatasetChange[] = current ? diffDatasets(current, incoming) : diffDatasets({ format: incoming.format } as Dataset, incoming);
  const now = createLabels(before);
  const next = createLabels(incoming);
  const groups = new Map<ImportEntity, EntityChanges>();
  const seen = new Set<string>();
  const lost: ImportDiff['lost'] = [];
  for (const c of changes) {
    if (c.kind === 'reordered') continue;
    // a whole collection that appears or disappears: each of its things
    const expanded =
      c.kind !== 'changed' && c.path === 'evaluation' && c.value && typeof c.value === 'object'
        ? Object.entries(c.value as Record<string, unknown>).flatMap(([k, v]) => (Array.isArray(v) ? expand({ kind: c.kind, path: `evaluation.${k}`, value: v }) : []))
        : c.kind !== 'changed' && Array.isArray(c.value) && /^[A-Za-z.]+$/.test(c.path)
          ? expand(c)
          : [c];
    for (const d of expanded) {
      const p = placeOf(d.path);
      const how: 'added' | 'removed' | 'changed' = p.whole && (d.kind === 'added' || d.kind === 'removed') ? d.kind : 'changed';
      const id = `${p.entity}\u0000${p.item}\u0000${how}`;
      if (seen.has(id) || (how === 'changed' && (seen.has(`${p.entity}\u0000${p.item}\u0000added`) || seen.has(`${p.entity}\u0000${p.item}\u0000removed`)))) continue;
      seen.add(id);
      const g = groups.get(p.entity) ?? { entity: p.entity, label: IMPORT_ENTITY_LABEL[p.entity], added: [], removed: [], changed: [] };
      groups.set(p.entity, g);
      const name = nameOf(how === 'added' ? next : now, p, how === 'added' ? incoming : before);
      const isLost = how !== 'added' && p.key !== null && editedInApp.has(`${auditEntity(p.entity)}:${p.key}`);
      const item: ImportItem = { name, key: p.key, lost: isLost };
      g[how].push(item);
      if (isLost) lost.push({ ...item, entity: p.entity, how });
    }
  }
  const entities = IMPORT_ENTITIES.flatMap((e) => (groups.has(e) ? [groups.get(e)!] : []));
  return { entities, lost, unchanged: entities.length === 0 };
}

/** `realizations` added as a whole list → each realization added. */
function expand(c: Extract<DatasetChange, { kind: 'added' | 'removed' }>): DatasetChange[] {
  const list = c.value as Record<string, unknown>[];
  return list.map((v, i) => {
    const id = typeof v?.['id'] === 'string' ? `id=${String(v['id'])}` : undefined;
    const r = c.path.endsWith('realizations') && v?.['indicator'] ? `indicator=${String(v['indicator'])}, year=${String(v['year'])}${v['period'] ? `, period=${String(v['period'])}` : ''}` : undefined;
    const s = c.path.endsWith('scores') && v?.['year'] ? `year=${String(v['year'])}${v['period'] ? `, period=${String(v['period'])}` : ''}` : undefined;
    return { kind: c.kind, path: `${c.path}[${id ?? r ?? s ?? i}]`, value: v };
  });
}

/** The audit log's entity of a kind of thing. */
function auditEntity(e: ImportEntity): string {
  switch (e) {
    case 'realizations':
      return 'realization';
    case 'goals':
      return 'goal';
    case 'indicators':
      return 'indicator';
    case 'agreements':
      return 'agreement';
    case 'programs':
      return 'program';
    case 'scores':
      return 'score';
    case 'recommendations':
      return 'recommendation';
    case 'narrative':
      return 'narrative';
    default:
      return e;
  }
}

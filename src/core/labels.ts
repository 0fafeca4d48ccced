/**
 * Human labels for what the data holds: a period, an indicator or program node by its reference,
 * a record of the audit log by its entity and key, a place in a dataset by its path
 * (`agreements[1].rows[4].target` → "Perjanjian Kinerja Perubahan Tahun 2025, baris 5
 * (Persentase koperasi aktif): target"). Every page, message and document that would otherwise
 * show an id or a path asks here. IO-free; both languages side by side.
 */
import { indexDataset, resolveAgreementLocal, type DatasetIndex } from './dataset/model.js';
import type { Agreement, Dataset, Period } from './dataset/schema.js';
import { text, type Text } from './findings.js';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** "Triwulan III 2025", "Semester I 2025", "Tahun 2025" (English: "Q3 2025", "H1 2025", "year 2025"). */
export function periodLabel(period: Period | undefined, year?: number): Text {
  const y = year === undefined ? '' : ` ${year}`;
  if (period === undefined || period === 'Y') return year === undefined ? text('the year', 'tahunan') : text(`year ${year}`, `Tahun ${year}`);
  const n = Number(period.slice(1));
  if (period.startsWith('Q')) return text(`Q${n}${y}`, `Triwulan ${ROMAN[n - 1]}${y}`);
  return text(`H${n}${y}`, `Semester ${ROMAN[n - 1]}${y}`);
}

/** An agreement as its title reads: "Perjanjian Kinerja Tahun 2025", "Perjanjian Kinerja Perubahan Tahun 2025". */
export function agreementLabel(ag: Pick<Agreement, 'kind' | 'year'>): Text {
  return ag.kind === 'amendment'
    ? text(`Amended Performance Agreement ${ag.year}`, `Perjanjian Kinerja Perubahan Tahun ${ag.year}`)
    : text(`Performance Agreement ${ag.year}`, `Perjanjian Kinerja Tahun ${ag.year}`);
}

const same = (s: string): Text => text(s, s);
const short = (s: string, n = 80): string => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

/** A labeller over one dataset (its index built once). */
export interface Labels {
  /** an indicator or goal reference (`owner/local`), a program node, agreement, plan, expenditure line or recommendation id; null when the dataset has none such */
  ref(ref: string): Text | null;
  /** a record of the audit log: entity and key as the server writes them */
  record(entity: string, key: string): Text;
  /** a place in the dataset: a path as validation and the edits write it */
  path(path: string): Text;
  /** a place named as core/report/diff.ts names it: `plans[id=renstra-2025-2029].indicators[id=UM].targets.2025` */
  diffPath(path: string): Text;
}

export function createLabels(ds: Dataset, idx: DatasetIndex = indexDataset(ds)): Labels {
  const ref = (r: string): Text | null => {
    const ind = idx.indicators.get(r);
    if (ind) return same(ind.indicator.name);
    const goal = idx.goals.get(r);
    if (goal) return same(goal.goal.statement);
    const node = idx.nodes.get(r);
    if (node) return same(node.code ? `${node.code} ${node.name}` : node.name);
    const ag = idx.agreements.get(r);
    if (ag) return agreementLabel(ag);
    const plan = idx.plans.get(r);
    if (plan) return same(plan.title);
    const line = ds.expenditures?.find((e) => e.id === r);
    if (line) return same(line.name);
    const rec = ds.evaluation?.recommendations?.find((x) => x.id === r);
    if (rec) return text(`recommendation ${rec.no ?? ''} (${rec.year}): ${short(rec.text)}`.replace('  ', ' '), `rekomendasi ${rec.no ?? ''} (${rec.year}): ${short(rec.text)}`.replace('  ', ' '));
    return null;
  };
  const named = (r: string, en: string, id: string): Text => ref(r) ?? text(en, id);

  const realization = (indicator: string, year: number, period: Period | undefined): Text => {
    const p = periodLabel(period, year);
    const name = ref(indicator);
    return name
      ? text(`realization ${p.en} — ${name.en}`, `realisasi ${p.id} — ${name.id}`)
      : text(`realization ${p.en} of an indicator no longer in the data`, `realisasi ${p.id} dari indikator yang tidak ada lagi dalam data`);
  };

  const record = (entity: string, key: string): Text => {
    switch (entity) {
      case 'realization': {
        // indicatorRef@year/period
        const m = /^(.*)@(\d{4})(?:\/(Y|S1|S2|Q1|Q2|Q3|Q4))?$/.exec(key);
        if (m) return realization(m[1]!, Number(m[2]), m[3] as Period | undefined);
        break;
      }
      case 'goal':
      case 'indicator':
      case 'agreement':
      case 'program':
      case 'recommendation':
        return named(key, `a ${entity} no longer in the data`, `data yang tidak ada lagi (${ENTITY_LABEL[entity]?.id ?? entity})`);
      case 'score': {
        const [y, p] = key.split('/');
        return p ? text(`SAKIP score ${y}, ${p}`, `Nilai SAKIP ${y}, ${p}`) : text(`SAKIP score ${y}`, `Nilai SAKIP ${y}`);
      }
      case 'narrative': {
        const y = /@(\d{4})$/.exec(key)?.[1];
        return y ? text(`narrative of ${y}`, `narasi tahun ${y}`) : text('narrative (every year)', 'narasi (semua tahun)');
      }
      case 'agency':
        return same(ds.agency.name);
      case 'register': {
        // `register` (a page, an export, an import) or `register/key` (one entity)
        const i = key.indexOf('/');
        const id = i < 0 ? key : key.slice(0, i);
        const name = ds.registers?.find((r) => r.id === id)?.name;
        const reg = name ? text(`register ${name}`, `register ${name}`) : text('a register no longer in the data', 'register yang tidak ada lagi dalam data');
        return i < 0 ? reg : text(`${reg.en}, entity ${key.slice(i + 1)}`, `${reg.id}, entitas ${key.slice(i + 1)}`);
      }
    }
    return ENTITY_LABEL[entity] ?? text('a record', 'data');
  };

  const path = (p: string): Text => {
    const steps = parsePath(p);
    const en: string[] = [];
    const id: string[] = [];
    const push = (t: Text) => {
      en.push(t.en);
      id.push(t.id);
    };
    // walk the dataset along the path, naming each entity met; fields get their own words
    let node: unknown = ds;
    let agreement: Agreement | undefined;
    let i = 0;
    while (i < steps.length) {
      const key = steps[i]!;
      const next = steps[i + 1];
      const value = (node as Record<string, unknown> | undefined)?.[key as never] as unknown;
      if (typeof key === 'string' && Array.isArray(value) && typeof next === 'number') {
        const item = value[next] as Record<string, unknown> | undefined;
        if (key === 'agreements') agreement = item as Agreement | undefined;
        push(itemLabel(key, next, item, agreement));
        node = item;
        i += 2;
        continue;
      }
      if (typeof key === 'string') push(FIELD_LABEL[key] ?? text(splitWords(key), splitWords(key)));
      else push(text(`item ${key + 1}`, `butir ${key + 1}`));
      node = value;
      i += 1;
    }
    return en.length ? text(en.join(', '), id.join(', ')) : text('the dataset', 'data');
  };

  const itemLabel = (collection: string, index: number, item: Record<string, unknown> | undefined, agreement: Agreement | undefined): Text => {
    const n = index + 1;
    if (!item) return text(`${collection} item ${n}`, `butir ${n}`);
    switch (collection) {
      case 'realizations':
        return realization(String(item['indicator']), Number(item['year']), item['period'] as Period | undefined);
      case 'rows': {
        const local = typeof item['indicator'] === 'string' ? String(item['indicator']) : undefined;
        const full = local && agreement ? resolveAgreementLocal(idx, agreement, local, 'indicators') : local;
        const name = full ? ref(full) : null;
        return name ? text(`row ${n} (${name.en})`, `baris ${n} (${name.id})`) : text(`row ${n}`, `baris ${n}`);
      }
      case 'agreements':
        return agreementLabel(item as Pick<Agreement, 'kind' | 'year'>);
      case 'programs':
        return same(item['code'] ? `${String(item['code'])} ${String(item['name'])}` : String(item['name']));
      case 'plans':
        return same(String(item['title']));
      case 'indicators':
        return same(String(item['name']));
      case 'goals':
        return same(String(item['statement']));
      case 'expenditures':
        return same(String(item['name']));
      case 'recommendations':
        return text(`recommendation ${String(item['no'] ?? n)}`, `rekomendasi ${String(item['no'] ?? n)}`);
      case 'scores':
        return text(`SAKIP score ${String(item['year'])}`, `Nilai SAKIP ${String(item['year'])}`);
      case 'budgets':
      case 'budget':
        return text(`budget entry ${n}`, `isian anggaran ${n}`);
      case 'spending':
        return text(`spending entry ${n}`, `isian realisasi anggaran ${n}`);
      case 'activities':
        return same(String(item['title'] ?? item['name'] ?? `Kegiatan ${n}`));
      case 'claims':
        return text(`printed figure ${n}`, `angka tercetak ${n}`);
      default:
        return typeof item['name'] === 'string' ? same(item['name']) : text(`item ${n}`, `butir ${n}`);
    }
  };

  const DIFF_TOKEN = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\[([^\]]*)\]|\.(\d+)/g;
  const diffPath = (p: string): Text => {
    const en: string[] = [];
    const id: string[] = [];
    const push = (t: Text) => {
      en.push(t.en);
      id.push(t.id);
    };
    let collection = '';
    let owner = '';
    for (const m of p.matchAll(DIFF_TOKEN)) {
      const [, name, index, quoted, keyed, digits] = m;
      if (name !== undefined) {
        collection = name;
        // the collection's own word only for fields; an entity in a list is named by itself below
        continue;
      }
      if (index !== undefined || digits !== undefined) {
        const n = Number(index ?? digits);
        if (digits !== undefined) push(same(String(n)));
        else push(collection === 'claims' ? text(`printed figure ${n + 1}`, `angka tercetak ${n + 1}`) : text(`item ${n + 1}`, `butir ${n + 1}`));
        continue;
      }
      if (quoted !== undefined) {
        push(same(JSON.parse(quoted) as string));
        continue;
      }
      if (keyed === undefined) continue;
      const fields = Object.fromEntries(keyed.split(', ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
      const key = fields['id'];
      if (collection === 'realizations' && fields['indicator']) {
        push(realization(fields['indicator'], Number(fields['year']), fields['period'] as Period | undefined));
      } else if (key && (collection === 'indicators' || collection === 'goals') && owner) {
        push(ref(`${owner}/${key}`) ?? text('an item no longer in the data', 'butir yang tidak ada lagi dalam data'));
      } else if (key) {
        if (collection === 'plans' || collection === 'agreements' || collection === 'programs') owner = key;
        push(ref(key) ?? text('an item no longer in the data', 'butir yang tidak ada lagi dalam data'));
      } else {
        const year = fields['year'];
        const words = [year, fields['period'] ? periodLabel(fields['period'] as Period).id : undefined, fields['stage']].filter(Boolean).join(' ');
        push(same(words || 'butir'));
      }
      collection = '';
    }
    // a trailing field name (`.value`, `.targets`) in words
    const last = /\.([A-Za-z_$][\w$]*)$/.exec(p)?.[1];
    if (last) push(FIELD_LABEL[last] ?? same(splitWords(last)));
    return en.length ? text(en.join(', '), id.join(', ')) : text('the dataset', 'data');
  };

  return { ref, record, path, diffPath };
}

/** `a.b[2].c` and `a/b/2/c` → ['a', 'b', 2, 'c']. */
export function parsePath(p: string): (string | number)[] {
  return p
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function splitWords(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The entities of the audit log and the edits. */
export const ENTITY_LABEL: Readonly<Record<string, Text>> = {
  realization: text('realization', 'realisasi'),
  goal: text('goal', 'tujuan/sasaran'),
  indicator: text('indicator', 'indikator'),
  agreement: text('performance agreement', 'perjanjian kinerja'),
  program: text('program/activity', 'program/kegiatan/sub kegiatan'),
  score: text('SAKIP score', 'nilai SAKIP'),
  recommendation: text('recommendation', 'rekomendasi'),
  narrative: text('narrative', 'narasi'),
  agency: text('agency', 'perangkat daerah'),
  account: text('account', 'akun'),
  publication: text('issued report', 'laporan terbit'),
  snapshot: text('backup', 'cadangan'),
  register: text('register', 'register'),
};

/** The actions of the audit log. */
export const ACTION_LABEL: Readonly<Record<string, Text>> = {
  create: text('created', 'dibuat'),
  update: text('changed', 'diubah'),
  delete: text('removed', 'dihapus'),
  remove: text('removed', 'dihapus'),
  import: text('imported', 'diimpor'),
  restore: text('restored', 'dipulihkan'),
  enter: text('entered', 'diisi'),
  submit: text('submitted', 'diajukan'),
  verify: text('verified', 'diverifikasi'),
  approve: text('approved', 'disetujui'),
  return: text('returned', 'dikembalikan'),
  reopen: text('reopened', 'dibuka kembali'),
  amend: text('amended', 'diubah (PK Perubahan)'),
  score: text('score entered', 'nilai diisi'),
  budget: text('budget set', 'anggaran diisi'),
  spending: text('spending set', 'realisasi anggaran diisi'),
  supports: text('support set', 'dukungan diisi'),
  evidence: text('evidence attached', 'bukti dilampirkan'),
  password: text('password changed', 'kata sandi diganti'),
  publish: text('issued', 'diterbitkan'),
  'sign-in': text('signed in', 'masuk'),
  'view-personal': text('personal data viewed', 'data pribadi dilihat'),
  'export-personal': text('exported with personal data', 'diekspor beserta data pribadi'),
};

/** Field names as a reader knows them. */
export const FIELD_LABEL: Readonly<Record<string, Text>> = {
  personalFields: text('personal data shown whole', 'data pribadi yang ditampilkan utuh'),
  entities: text('entities', 'jumlah entitas'),
  search: text('search', 'pencarian'),
  refersTo: text('referring to', 'merujuk ke'),
  added: text('added', 'ditambahkan'),
  changed: text('changed', 'diubah'),
  removed: text('removed', 'dihapus'),
  value: text('value', 'nilai'),
  numerator: text('numerator', 'pembilang'),
  denominator: text('denominator', 'penyebut'),
  category: text('category', 'kategori'),
  categories: text('categories', 'kategori'),
  status: text('status', 'status'),
  state: text('workflow state', 'status alur kerja'),
  evidence: text('evidence', 'bukti'),
  where: text('place', 'lokasi'),
  target: text('target', 'target'),
  targets: text('targets', 'target'),
  periodTargets: text('period targets', 'target per periode'),
  baseline: text('baseline', 'nilai awal'),
  name: text('name', 'nama'),
  title: text('title', 'judul'),
  statement: text('statement', 'pernyataan'),
  unit: text('unit', 'satuan'),
  units: text('responsible units', 'unit penanggung jawab'),
  measure: text('measure', 'cara ukur'),
  polarity: text('polarity', 'polaritas'),
  formula: text('formula', 'formula'),
  source: text('source', 'sumber'),
  year: text('year', 'tahun'),
  period: text('period', 'periode'),
  amount: text('amount', 'jumlah'),
  budgets: text('budget', 'anggaran'),
  budget: text('budget', 'anggaran'),
  spending: text('spending', 'realisasi anggaran'),
  supports: text('supports', 'dukungan'),
  stage: text('budget stage', 'tahap anggaran'),
  code: text('code', 'kode'),
  rows: text('rows', 'baris'),
  text: text('text', 'uraian'),
  action: text('follow-up', 'tindak lanjut'),
  owner: text('owner', 'penanggung jawab'),
  due: text('due date', 'tenggat'),
  note: text('note', 'catatan'),
  signedOn: text('signing date', 'tanggal penandatanganan'),
  place: text('place', 'tempat'),
  firstParty: text('first party', 'pihak pertama'),
  secondParty: text('second party', 'pihak kedua'),
  position: text('position', 'jabatan'),
  nip: text('NIP', 'NIP'),
  ceiling: text('ceiling', 'pagu'),
  realized: text('realized', 'realisasi'),
  grade: text('grade', 'predikat'),
  evaluator: text('evaluator', 'evaluator'),
  scores: text('SAKIP scores', 'nilai SAKIP'),
  recommendations: text('recommendations', 'rekomendasi'),
  evaluation: text('evaluation', 'evaluasi'),
  narrative: text('narrative', 'narasi'),
  analyses: text('analyses', 'analisis'),
  foreword: text('foreword', 'kata pengantar'),
  executiveSummary: text('executive summary', 'ikhtisar eksekutif'),
  agency: text('agency profile', 'profil perangkat daerah'),
  head: text('head', 'kepala'),
  address: text('address', 'alamat'),
  role: text('role', 'peran'),
  active: text('active', 'aktif'),
  username: text('login name', 'nama pengguna'),
  agencyId: text('agency', 'perangkat daerah'),
  unitId: text('unit', 'unit'),
  region: text('region', 'wilayah'),
  outOfRange: text('out-of-range mark', 'tanda di luar rentang'),
  reason: text('reason', 'alasan'),
  indicator: text('indicator', 'indikator'),
  indicators: text('indicators', 'indikator'),
  goals: text('goals', 'tujuan/sasaran'),
  goal: text('goal', 'tujuan/sasaran'),
  plan: text('plan', 'rencana'),
  kind: text('kind', 'jenis'),
  level: text('level', 'tingkat'),
  parent: text('parent', 'induk'),
  settings: text('settings', 'pengaturan'),
  password: text('password', 'kata sandi'),
  newPassword: text('new password', 'kata sandi baru'),
  currentPassword: text('current password', 'kata sandi sekarang'),
  email: text('e-mail', 'surel'),
  login: text('login name', 'nama pengguna'),
  version: text('version', 'versi'),
  from: text('from', 'dari'),
  to: text('to', 'sampai'),
  days: text('days', 'hari'),
  person: text('person', 'orang'),
  entity: text('kind of record', 'jenis data'),
  agencies: text('agencies', 'perangkat daerah'),
  plans: text('plans', 'rencana'),
  agreements: text('performance agreements', 'perjanjian kinerja'),
  realizations: text('realizations', 'realisasi'),
  programs: text('programs', 'program/kegiatan'),
  expenditures: text('expenditure lines', 'baris belanja'),
  format: text('format', 'format'),
};

const REQUEST_PART: Readonly<Record<string, Text>> = {
  body: text('the form', 'isian'),
  query: text('the address', 'alamat halaman'),
  params: text('the address', 'alamat halaman'),
};

/**
 * A place in a request as a person knows it: `params.year` → "tahun", `body.indicator.targets["2027"]`
 * → "indikator, target, 2027", `body.username` → "nama pengguna"; a bare part (`body`) → "isian".
 */
export function requestPlace(where: string): Text {
  // `[3]` is an item of a list (the 4th), `["2027"]` a key (a year) as written
  const steps = where
    .replace(/\["((?:[^"\\]|\\.)*)"\]/g, '.$1')
    .replace(/\[(\d+)\]/g, '.#$1')
    .split('.')
    .filter(Boolean);
  const part = steps[0] !== undefined && steps[0] in REQUEST_PART ? steps.shift() : undefined;
  const words = steps.map((s) =>
    s.startsWith('#') ? text(`item ${Number(s.slice(1)) + 1}`, `butir ${Number(s.slice(1)) + 1}`) : /^\d+$/.test(s) ? same(s) : (FIELD_LABEL[s] ?? same(splitWords(s))),
  );
  if (words.length === 0) return part ? REQUEST_PART[part as string]! : text('the request', 'permintaan');
  return text(words.map((w) => w.en).join(', '), words.map((w) => w.id).join(', '));
}

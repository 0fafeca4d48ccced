/**
 * Human labels for what the review speaks about, built from the dataset: a claim's subject
 * ("Perjanjian Kinerja Perubahan Tahun 2025: Persentase Koperasi yang difasilitasi"), a program
 * node ("Sub Kegiatan 2.17.03.1.01 Penyusunan …" — its code when it has one), a dataset path
 * ("agreements[1].rows[3]" → "Perjanjian Kinerja Perubahan Tahun 2025, baris 4: <indicator>"),
 * the place a figure was printed, and a message with its references replaced by names. The
 * review document shows these, never an id or a path (docs/claims.md, "The review document").
 */
import type { Claim, ClaimPlace, Dataset, ProgramNode } from '../dataset/schema.js';
import { resolveAgreementLocal, splitRef, type DatasetIndex } from '../dataset/model.js';
import { agreementTitle, STAGE_LABEL } from '../report/common.js';
import { resolveTableRefs } from '../document/crossref.js';
import { resolveValueRefs } from '../document/values.js';

export interface Labels {
  /** a program, kegiatan or sub kegiatan: its level, code (when given) and name */
  node(id: string): string;
  /** an indicator's name by its reference (`owner/local`), else undefined */
  indicatorName(ref: string): string | undefined;
  /** what a claim's subject is, by name */
  subject(subject: string): string;
  /** a dataset path (`agreements[0].rows[3].target`) as words */
  path(path: string): string;
  /** a text with every known reference (indicator, node, agreement, plan) replaced by its name */
  humanize(text: string): string;
}

const ASPECT: Record<string, string> = {
  budget: 'anggaran',
  needed: 'kebutuhan pegawai',
  filled: 'bezetting pegawai',
  condition: 'kondisi',
  target: 'target',
  realization: 'realisasi',
  'staffing.needed': 'kebutuhan pegawai',
  'staffing.filled': 'bezetting pegawai',
  'staffing.male': 'pegawai laki-laki',
  'staffing.female': 'pegawai perempuan',
  'staffing.gap': 'kekurangan pegawai',
  'assets.quantity': 'sarana prasarana',
  'expenditures.operating': 'pagu belanja operasi',
  'expenditures.capital': 'pagu belanja modal',
};

function aspectText(aspect: string | undefined): string {
  if (!aspect) return '';
  const direct = ASPECT[aspect];
  if (direct) return direct;
  const m = /^staffing\.(needed|filled)\.(.+)$/.exec(aspect);
  if (m) return `${m[1] === 'needed' ? 'kebutuhan' : 'bezetting'} pegawai ${m[2]}`;
  return aspect;
}

/** What a claim states, in Indonesian. */
export function quantityName(claim: Pick<Claim, 'quantity' | 'stage' | 'fromStage' | 'toStage' | 'aspect'>): string {
  switch (claim.quantity) {
    case 'target':
      return 'Target';
    case 'realization':
      return 'Realisasi';
    case 'achievement':
      return 'Capaian (%)';
    case 'achievementVsEnd':
      return 'Capaian terhadap target akhir (%)';
    case 'endTarget':
      return 'Target akhir';
    case 'baseline':
      return 'Kondisi awal';
    case 'predicate':
      return 'Kriteria';
    case 'achieved':
      return 'Status ketercapaian';
    case 'efficiency':
      return 'Kategori efisiensi';
    case 'benchmark':
      return 'Pembanding (benchmark)';
    case 'budget':
      return claim.stage ? STAGE_LABEL[claim.stage] : 'Pagu';
    case 'spent':
      return 'Realisasi anggaran';
    case 'absorption':
      return 'Serapan anggaran (%)';
    case 'difference':
      return claim.fromStage && claim.toStage ? `Selisih ${STAGE_LABEL[claim.toStage].toLowerCase()} − ${STAGE_LABEL[claim.fromStage].toLowerCase()}` : 'Selisih anggaran';
    case 'unspent':
      return 'Sisa anggaran';
    case 'unspentPct':
      return 'Sisa anggaran (%)';
    case 'total':
      return claim.aspect ? `Jumlah ${aspectText(claim.aspect)}` : 'Jumlah';
    case 'achievedCount':
      return 'Jumlah indikator tercapai';
    case 'notAchievedCount':
      return 'Jumlah indikator tidak tercapai';
    case 'measuredCount':
      return 'Jumlah indikator terukur';
    case 'rowCount':
      return 'Jumlah indikator perjanjian';
    case 'goalCount':
      return 'Jumlah tujuan dan sasaran';
    case 'tujuanCount':
      return 'Jumlah tujuan';
    case 'sasaranCount':
      return 'Jumlah sasaran';
    default:
      // a quantity the review does not know is reported as unchecked; its name stays out of the text
      return 'Besaran lain';
  }
}

const LEVEL = { program: 'Program', kegiatan: 'Kegiatan', subkegiatan: 'Sub Kegiatan' } as const;

/** The level word before a name, unless the name starts with it already ("Program Penunjang …"). */
export function nodeLabelOf(node: Pick<ProgramNode, 'level' | 'name' | 'code'>): string {
  const level = LEVEL[node.level];
  const name = node.name.trim();
  const named = name.toLowerCase().startsWith(level.toLowerCase()) ? name : `${level} ${name}`;
  if (!node.code) return named;
  const rest = named.slice(named.toLowerCase().startsWith(level.toLowerCase()) ? level.length : 0).trim();
  return `${level} ${node.code} ${rest}`;
}

/** The place a figure was printed: each place as "Tabel 3.2, baris …, kolom …", places joined by "; ". */
export function placeText(where: Claim['where']): string {
  const one = (p: ClaimPlace): string => {
    if (typeof p === 'string') return p;
    // a table named after its section ("Ikhtisar Eksekutif, tabel PK 2025") says the section once
    const section = p.section && p.table && p.table.toLowerCase().startsWith(p.section.toLowerCase()) ? undefined : p.section;
    return [section, p.table, p.row !== undefined ? `baris ${p.row}` : undefined, p.column !== undefined ? `kolom ${p.column}` : undefined]
      .filter((x): x is string => Boolean(x))
      .join(', ');
  };
  return Array.isArray(where) ? where.map(one).join('; ') : one(where as ClaimPlace);
}

/** Whether a place is a table's cell, rather than the prose. */
export function placeIsTable(p: ClaimPlace): boolean {
  if (typeof p === 'string') return /\btabel\b|\blampiran\b/i.test(p);
  return Boolean(p.table);
}

const NARRATIVE: Record<string, string> = {
  foreword: 'Kata Pengantar',
  executiveSummary: 'Ikhtisar Eksekutif',
  background: 'Latar Belakang',
  purpose: 'Maksud dan Tujuan',
  strategicIssues: 'Isu Strategis',
  challenges: 'Tantangan',
  conclusions: 'Kesimpulan',
  obstacles: 'Hambatan',
  successFactors: 'Faktor Keberhasilan',
  improvementSteps: 'Langkah Perbaikan',
  analyses: 'Analisis Capaian',
  awards: 'Penghargaan',
};

const PERIOD: Record<string, string> = { S1: 'semester I', S2: 'semester II', Q1: 'triwulan I', Q2: 'triwulan II', Q3: 'triwulan III', Q4: 'triwulan IV' };

const SEGMENT = /([A-Za-z]+)(?:\[(\d+)\])?/g;

export function createLabels(ds: Dataset, idx: DatasetIndex): Labels {
  const indicatorName = (r: string): string | undefined => idx.indicators.get(r)?.indicator.name;
  const node = (id: string): string => {
    const n = idx.nodes.get(id);
    return n ? nodeLabelOf(n) : id;
  };
  const ownerLabel = (ownerId: string): string | undefined => {
    const ag = idx.agreements.get(ownerId);
    if (ag) return agreementTitle(ag);
    const plan = idx.plans.get(ownerId);
    if (plan) return plan.title;
    if (idx.nodes.has(ownerId)) return node(ownerId);
    return undefined;
  };

  const subject = (s: string): string => {
    if (s === 'agency') return `${ds.agency.name} (seluruh perangkat daerah)`;
    const parts = splitRef(s);
    if (parts) {
      const { ownerId, localId } = parts;
      if (ownerId === 'expenditures') {
        const l = ds.expenditures?.find((x) => x.id === localId);
        return l ? `Belanja: ${l.name}` : 'Belanja (baris tidak ditemukan)';
      }
      if (ownerId === 'staffing') {
        const r = ds.organization?.staffing?.rows.find((x) => x.id === localId);
        return r ? `Kepegawaian: ${r.positionClass}` : 'Kepegawaian (baris tidak ditemukan)';
      }
      if (ownerId === 'assets') {
        const r = ds.organization?.assets?.rows.find((x) => x.id === localId);
        return r ? `Sarana prasarana: ${r.name}` : 'Sarana prasarana (baris tidak ditemukan)';
      }
      if (ownerId === 'activities') {
        const l = ds.activities?.find((x) => x.id === localId);
        return l ? `Daftar kegiatan: ${l.title}` : 'Daftar kegiatan (tidak ditemukan)';
      }
      const ag = idx.agreements.get(ownerId);
      const r = ag ? (resolveAgreementLocal(idx, ag, localId, 'indicators') ?? s) : s;
      const name = indicatorName(r) ?? indicatorName(s) ?? 'indikator tidak dikenal';
      const owner = ownerLabel(ownerId);
      return owner ? `${owner}: ${name}` : name;
    }
    return ownerLabel(s) ?? 'subjek tidak dikenal';
  };

  const agreementRowLabel = (ai: number, ri: number): string => {
    const ag = ds.agreements[ai];
    if (!ag) return 'Perjanjian Kinerja';
    const row = ag.rows[ri];
    const r = row ? resolveAgreementLocal(idx, ag, row.indicator, 'indicators') : undefined;
    const name = r ? indicatorName(r) : undefined;
    return `${agreementTitle(ag)}, baris ${ri + 1}${name ? `: ${name}` : ''}`;
  };

  const FIELD: Record<string, string> = {
    target: 'target',
    value: 'nilai',
    numerator: 'pembilang',
    denominator: 'penyebut',
    realized: 'realisasi',
    ceiling: 'pagu',
    amount: 'jumlah',
    budget: 'anggaran',
    baseline: 'kondisi awal',
    targets: 'target',
  };

  const path = (p: string): string => {
    const segs = [...p.matchAll(SEGMENT)].map((m) => ({ key: m[1]!, i: m[2] === undefined ? undefined : Number(m[2]) }));
    const [a, b, c] = segs;
    if (!a) return 'data';
    const field = (s: { key: string } | undefined) => (s && FIELD[s.key] ? ` (${FIELD[s.key]})` : '');
    switch (a.key) {
      case 'agreements': {
        const ag = a.i !== undefined ? ds.agreements[a.i] : undefined;
        if (!ag) return 'Perjanjian Kinerja';
        if (b?.key === 'rows' && b.i !== undefined) return agreementRowLabel(a.i!, b.i) + field(c);
        if (b?.key === 'indicators' && b.i !== undefined) return `${agreementTitle(ag)}: ${ag.indicators?.[b.i]?.name ?? 'indikator'}` + field(c);
        if (b?.key === 'budget' && b.i !== undefined) return `${agreementTitle(ag)}, anggaran baris ${b.i + 1}`;
        return agreementTitle(ag);
      }
      case 'plans': {
        const plan = a.i !== undefined ? ds.plans[a.i] : undefined;
        if (!plan) return 'Rencana Strategis';
        if (b?.key === 'indicators' && b.i !== undefined) return `${plan.title}: ${plan.indicators?.[b.i]?.name ?? 'indikator'}` + field(c);
        if (b?.key === 'goals' && b.i !== undefined) return `${plan.title}: ${plan.goals?.[b.i]?.statement ?? 'tujuan/sasaran'}`;
        return plan.title;
      }
      case 'programs': {
        const n = a.i !== undefined ? ds.programs[a.i] : undefined;
        if (!n) return 'Program dan kegiatan';
        if (b?.key === 'indicators' && b.i !== undefined) return `${nodeLabelOf(n)}: ${n.indicators?.[b.i]?.name ?? 'indikator'}` + field(c);
        if (b?.key === 'budgets' && b.i !== undefined) return `${nodeLabelOf(n)}, anggaran`;
        if (b?.key === 'spending' && b.i !== undefined) return `${nodeLabelOf(n)}, realisasi anggaran`;
        return nodeLabelOf(n);
      }
      case 'realizations': {
        const r = a.i !== undefined ? ds.realizations[a.i] : undefined;
        if (!r) return 'Realisasi';
        const name = indicatorName(r.indicator) ?? 'indikator';
        const period = r.period && r.period !== 'Y' ? ` ${PERIOD[r.period]}` : '';
        return `Realisasi ${r.year}${period}: ${name}` + field(b);
      }
      case 'expenditures': {
        const l = a.i !== undefined ? ds.expenditures?.[a.i] : undefined;
        return (l ? `Belanja: ${l.name}` : 'Belanja') + field(b);
      }
      case 'organization': {
        if (b?.key === 'staffing') return 'Kepegawaian';
        if (b?.key === 'assets') return 'Sarana prasarana';
        return 'Profil organisasi';
      }
      case 'activities': {
        const l = a.i !== undefined ? ds.activities?.[a.i] : undefined;
        return l ? `Daftar kegiatan: ${l.title}` : 'Daftar kegiatan';
      }
      case 'claims': {
        const cl = a.i !== undefined ? ds.claims?.[a.i] : undefined;
        return cl ? `Angka tercetak: ${placeText(cl.where)}` : 'Angka tercetak';
      }
      case 'narrative': {
        const key = segs.find((s) => NARRATIVE[s.key])?.key;
        return key ? `Narasi: ${NARRATIVE[key]}` : 'Narasi';
      }
      case 'evaluation':
        return 'Hasil evaluasi';
      case 'benchmarks':
        return 'Pembanding (benchmark)';
      case 'decrees':
        return 'Keputusan (IKU)';
      case 'agency':
        return 'Profil perangkat daerah';
      default:
        return 'Data';
    }
  };

  // the references a message may carry, longest first so that `p1-k1-s2` wins over `p1-k1`
  const names = new Map<string, string>();
  for (const [r, e] of idx.indicators) names.set(r, e.indicator.name);
  for (const id of idx.nodes.keys()) names.set(id, node(id));
  for (const [id, ag] of idx.agreements) {
    names.set(id, agreementTitle(ag));
    // an agreement row as a subject (`pk-2025/UMM`): its indicator, wherever it is defined
    for (const row of ag.rows) {
      const r = resolveAgreementLocal(idx, ag, row.indicator, 'indicators');
      const n = r ? indicatorName(r) : undefined;
      if (n && !names.has(`${id}/${row.indicator}`)) names.set(`${id}/${row.indicator}`, n);
    }
  }
  for (const [id, plan] of idx.plans) names.set(id, plan.title);
  const keys = [...names.keys()].sort((x, y) => y.length - x.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = keys.length ? new RegExp(`(?<![\\w/-])(${keys.join('|')})(?![\\w/-])( "[^"]*")?`, 'g') : null;
  const paths = /\b(?:agreements|plans|programs|realizations|expenditures|claims|activities|organization|narrative)(?:\[\d+\])?(?:\.[A-Za-z]+(?:\[\d+\])?)*/g;

  const titles = new Map((ds.activities ?? []).map((l) => [l.id, l.title]));
  const humanize = (text: string): string => {
    // `{{tabel:ID}}` by the list's title (its number belongs to the LKIP), `{{nilai:…}}` by what it prints
    let out = resolveTableRefs(text, (id) => `tabel "${titles.get(id) ?? 'yang dirujuk'}"`);
    out = resolveValueRefs(out, (r) => `rujukan nilai (${r.quantity?.id ?? r.name}: ${subject(r.subject)})`);
    out = out.replace(paths, (m) => path(m));
    if (pattern)
      out = out.replace(pattern, (_m, key: string, quoted: string | undefined) => {
        // `p2/IND1 "Persentase …"`: the name is already there
        if (quoted) return quoted.trimStart();
        const n = names.get(key)!;
        return key.includes('/') ? `"${n}"` : n;
      });
    return out;
  };

  return { node, indicatorName, subject, path, humanize };
}

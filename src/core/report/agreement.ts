/**
 * The signed form of a performance agreement (Perjanjian Kinerja), as PermenPAN-RB 53/2014
 * prescribes it and the seed report attaches it (Lampiran 1 and 2): the letterhead, the
 * parties, the two standard paragraphs, place, date and signatures; then the attachment with
 * the goals, indicators and targets, and the program budget with its computed total.
 */
import type { Agreement, Dataset, Indicator, Settings } from '../dataset/schema.js';
import { resolveRules } from '../measure/rules.js';
import { indexDataset, resolveAgreementLocal, type DatasetIndex } from '../dataset/model.js';
import type { Block, Cell, DocumentModel, Signature } from '../document/model.js';
import { formatDateId, roundHalfUp } from '../format.js';
import {
  agreementTitle,
  bold,
  empty,
  fmtValue,
  int,
  isDimensionless,
  isPercentUnit,
  money,
  para,
  positionOf,
  runSpans,
  tableOrNothing,
  text,
  valueCell,
} from './common.js';

export class UnknownAgreement extends Error {
  constructor(
    readonly id: string,
    readonly known: string[],
  ) {
    super(`no agreement "${id}" in the dataset (it has: ${known.join(', ') || 'none'})`);
    this.localized = { id: `tidak ada perjanjian kinerja "${id}" dalam dataset (yang ada: ${known.join(', ') || 'belum ada'})` };
  }
  /** the message in Indonesian */
  readonly localized: { id: string };
}

/** A target with its unit: a percentage or a plain number stays numeric; other units are written out ("1 penghargaan"). */
function targetCell(target: number | string, unit: string | undefined): Cell {
  if (typeof target === 'string' || isPercentUnit(unit) || isDimensionless(unit)) {
    return valueCell(target, unit, { align: 'center' });
  }
  return text(fmtValue(target, unit), { align: 'center' });
}

/** The letterhead lines of an agency: its government, its name, its address and contacts. */
export function letterhead(ds: Dataset): Block[] {
  const a = ds.agency;
  const contacts = [a.phone ? `Telepon ${a.phone}` : undefined, a.email ? `Surel ${a.email}` : undefined, a.website ? `Laman ${a.website}` : undefined].filter(
    (x): x is string => x !== undefined,
  );
  const out: Block[] = [
    para(bold(`PEMERINTAH ${a.region.toUpperCase()}`), { align: 'center' }),
    para(bold(a.name.toUpperCase()), { align: 'center' }),
  ];
  if (a.address) out.push(para(a.address, { align: 'center', style: 'note' }));
  if (contacts.length) out.push(para(contacts.join(', '), { align: 'center', style: 'note' }));
  return out;
}

function signature(ag: Agreement): Signature {
  const first = ag.firstParty;
  const second = ag.secondParty;
  const sig: Signature = {
    type: 'signature',
    place: ag.place,
    date: formatDateId(ag.signedOn),
    parties: [
      { role: 'Pihak Kedua', position: positionOf(second), name: second.name, ...(second.nip ? { nip: second.nip } : {}), ...(second.rank ? { rank: second.rank } : {}) },
      { role: 'Pihak Pertama', position: positionOf(first), name: first.name, ...(first.nip ? { nip: first.nip } : {}), ...(first.rank ? { rank: first.rank } : {}) },
    ],
  };
  return sig;
}

interface RowInfo {
  goalKey: string;
  goalText: string;
  goalKind: string | undefined;
  indicator: Indicator | undefined;
  indicatorName: string;
  target: number | string;
}

function rowInfos(idx: DatasetIndex, ag: Agreement): RowInfo[] {
  return ag.rows.map((row) => {
    const goalRef = resolveAgreementLocal(idx, ag, row.goal, 'goals');
    const goal = goalRef ? idx.goals.get(goalRef)?.goal : undefined;
    const indRef = resolveAgreementLocal(idx, ag, row.indicator, 'indicators');
    const indicator = indRef ? idx.indicators.get(indRef)?.indicator : undefined;
    return {
      goalKey: goalRef ?? row.goal,
      goalText: goal?.statement ?? row.goal,
      goalKind: goal?.kind,
      indicator,
      indicatorName: indicator?.name ?? row.indicator,
      target: row.target,
    };
  });
}

export interface AgreementOptions {
  /** the region's settings, when the dataset is one agency of a region file */
  regionSettings?: Settings | undefined;
}

/** The parts of an agreement's signed form: the signing page and the attachment page. */
export function agreementBlocks(
  ds: Dataset,
  ag: Agreement,
  idx: DatasetIndex = indexDataset(ds),
  idPrefix = '',
  opts: AgreementOptions = {},
): { signing: Block[]; attachment: Block[] } {
  const decimals = resolveRules(null, ds.settings, opts.regionSettings).agreementAmountDecimals;
  const title = agreementTitle(ag).toUpperCase();
  const first = ag.firstParty;
  const second = ag.secondParty;
  const signing: Block[] = [
    ...letterhead(ds),
    para(bold(title), { align: 'center' }),
    para(
      'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:',
      { align: 'justify' },
    ),
    para(['Nama : ', bold(first.name)]),
    para(`Jabatan : ${positionOf(first)}`),
    para('selanjutnya disebut pihak pertama.'),
    para(['Nama : ', bold(second.name)]),
    para(`Jabatan : ${positionOf(second)}`),
    para('selaku atasan pihak pertama, selanjutnya disebut pihak kedua.'),
    para(
      'Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.',
      { align: 'justify' },
    ),
    para(
      'Pihak kedua akan memberikan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.',
      { align: 'justify' },
    ),
    signature(ag),
  ];

  const attachment: Block[] = [
    para(bold(title), { align: 'center' }),
    para(bold(ds.agency.name.toUpperCase()), { align: 'center' }),
    ...agreementTargetsTable(ag, idx, { id: `${idPrefix}pk-${ag.id}-sasaran` }),
    ...agreementBudgetTable(ag, idx, { id: `${idPrefix}pk-${ag.id}-anggaran`, decimals }),
    signature(ag),
  ];
  return { signing, attachment };
}

export interface TableOptions {
  id?: string;
  caption?: string;
  /**
   * Decimals of the amounts: 0 prints whole rupiah as a signed agreement does (each amount and
   * the total of the exact amounts rounded half up; settings.agreementAmountDecimals); absent
   * or 2: as recorded.
   */
  decimals?: 0 | 2;
}

/** The agreement's goals, indicators and targets (goal cells merged over their rows). */
export function agreementTargetsTable(ag: Agreement, idx: DatasetIndex, opts: TableOptions = {}): Block[] {
  const infos = rowInfos(idx, ag);
  const spans = runSpans(infos.map((r) => r.goalKey));
  const anyTujuan = infos.some((r) => r.goalKind === 'tujuan');
  const body: Cell[][] = [];
  let no = 0;
  infos.forEach((r, i) => {
    const span = spans[i] ?? 0;
    const row: Cell[] = [];
    if (span > 0) {
      no++;
      row.push(int(no, { rowSpan: span, align: 'center' }), text(r.goalText, { rowSpan: span }));
    }
    row.push(text(r.indicatorName), targetCell(r.target, r.indicator?.unit));
    body.push(row);
  });

  return tableOrNothing(
      {
        id: opts.id ?? `pk-${ag.id}-sasaran`,
        ...(opts.caption ? { caption: opts.caption } : {}),
        header: [
          [text('NO', { bold: true, align: 'center' }), text(anyTujuan ? 'TUJUAN / SASARAN STRATEGIS' : 'SASARAN STRATEGIS', { bold: true, align: 'center' }), text('INDIKATOR KINERJA', { bold: true, align: 'center' }), text('TARGET', { bold: true, align: 'center' })],
          ['(1)', '(2)', '(3)', '(4)'].map((s) => text(s, { align: 'center' })),
        ],
        body,
        widths: [6, 40, 40, 14],
      },
      'Perjanjian kinerja ini tidak memuat indikator kinerja.',
    );
}

/** The agreement's program budget lines with their computed total and source. */
export function agreementBudgetTable(ag: Agreement, idx: DatasetIndex, opts: TableOptions = {}): Block[] {
  if (ag.budget.length === 0) return [];
  const shown = (x: number): number => (opts.decimals === 0 ? roundHalfUp(x, 0) : x);
  const body = ag.budget.map((l, i) => [
    int(i + 1, { align: 'center' }),
    text(idx.nodes.get(l.program)?.name ?? l.program),
    money(shown(l.amount)),
    text(l.source, { align: 'center' }),
  ]);
  const total = shown(ag.budget.reduce((s, l) => s + l.amount, 0));
  const sources = [...new Set(ag.budget.map((l) => l.source))];
  return tableOrNothing({
    id: opts.id ?? `pk-${ag.id}-anggaran`,
    ...(opts.caption ? { caption: opts.caption } : {}),
    header: [[text('NO', { bold: true, align: 'center' }), text('PROGRAM', { bold: true, align: 'center' }), text('ANGGARAN', { bold: true, align: 'center' }), text('KETERANGAN', { bold: true, align: 'center' })]],
    body,
    footer: [[text('Jumlah', { colSpan: 2, bold: true }), money(total, { bold: true }), sources.length === 1 ? text(sources[0] ?? '', { align: 'center', bold: true }) : empty('beberapa sumber')]],
    widths: [6, 50, 26, 18],
  });
}

/** The signed form of one agreement as a document of its own. */
export function buildAgreement(ds: Dataset, agreementId: string, opts: AgreementOptions = {}): DocumentModel {
  const ag = ds.agreements.find((a) => a.id === agreementId);
  if (!ag) throw new UnknownAgreement(agreementId, ds.agreements.map((a) => a.id));
  const { signing, attachment } = agreementBlocks(ds, ag, indexDataset(ds), '', opts);
  return {
    title: `${agreementTitle(ag)} ${ds.agency.name}`,
    subtitle: ds.agency.region,
    agency: ds.agency.name,
    year: ag.year,
    language: 'id',
    orientation: 'portrait',
    sections: [
      { id: 'perjanjian', numbering: 'none', blocks: signing },
      { id: 'lampiran-perjanjian', newPage: true, numbering: 'none', blocks: attachment },
    ],
  };
}

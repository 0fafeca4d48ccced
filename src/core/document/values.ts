/**
 * References from prose to computed figures: `{{nilai:SUBJECT/QUANTITY}}`. A planner writes
 * "capaian IKU sebesar {{nilai:pk-2025/UMM/capaian}}" and the report prints the figure measured
 * from the data ("8,26%"), so the prose can not state another number than the tables do.
 *
 * SUBJECT is what a claim's `subject` is (docs/claims.md): an agreement row (`pk-2025/UMM`), an
 * agreement (`pk-2025`), a plan's or a program node's indicator (`renstra-2021-2026/UMM`,
 * `p2/IND1`), a program node (`p2`), or the agency (`perangkat-daerah`, also `agency`). QUANTITY
 * is the last segment, an Indonesian word a planner reads (`capaian`), mapped here to the claim
 * quantity the review computes (`achievement`). Parsing only: the figures are computed in
 * core/report/figures.ts, and validation (dataset/references.ts) checks subjects and quantities.
 */

import { resolveAgreementLocal, splitRef, type DatasetIndex } from '../dataset/model.js';

/** `{{nilai:SUBJECT/QUANTITY}}` */
const VALUE_REF = /\{\{\s*nilai\s*:\s*([^{}\s]*)\s*\}\}/g;

export type SubjectKind = 'indicator' | 'agreement' | 'budget';

export interface QuantityName {
  /** the claim quantity it is computed as (docs/claims.md) */
  quantity: string;
  /** the subjects it applies to */
  kinds: readonly SubjectKind[];
  /** what it prints, for the documentation and the hint */
  en: string;
  id: string;
}

/** The quantity names of `{{nilai:…}}`, Indonesian, with what each is computed as. */
export const VALUE_QUANTITIES: Readonly<Record<string, QuantityName>> = {
  target: { quantity: 'target', kinds: ['indicator'], en: 'the target (agreed, for an agreement row)', id: 'target (target perjanjian untuk baris PK)' },
  realisasi: { quantity: 'realization', kinds: ['indicator'], en: 'the realization of the year', id: 'realisasi tahun berjalan' },
  capaian: { quantity: 'achievement', kinds: ['indicator'], en: 'the achievement, %', id: 'capaian, dalam %' },
  predikat: { quantity: 'predicate', kinds: ['indicator'], en: 'the predicate', id: 'predikat (kriteria) capaian' },
  sasaran: { quantity: 'sasaranCount', kinds: ['agreement'], en: 'the number of goals of kind sasaran of the agreement\'s rows', id: 'jumlah sasaran dalam PK' },
  tujuan: { quantity: 'tujuanCount', kinds: ['agreement'], en: 'the number of goals of kind tujuan of the agreement\'s rows', id: 'jumlah tujuan dalam PK' },
  indikator: { quantity: 'rowCount', kinds: ['agreement'], en: 'the number of indicators (rows) of the agreement', id: 'jumlah indikator (baris) PK' },
  terukur: { quantity: 'measuredCount', kinds: ['agreement'], en: 'how many of them are measured', id: 'jumlah indikator PK yang terukur' },
  tercapai: { quantity: 'achievedCount', kinds: ['agreement'], en: 'how many are achieved (≥ 100%)', id: 'jumlah indikator PK yang tercapai (≥ 100%)' },
  'tidak-tercapai': { quantity: 'notAchievedCount', kinds: ['agreement'], en: 'how many measured ones are not achieved', id: 'jumlah indikator PK terukur yang tidak tercapai' },
  anggaran: { quantity: 'budget', kinds: ['budget', 'agreement'], en: 'the final budget (the sum of the budget lines for an agreement)', id: 'pagu anggaran akhir (jumlah anggaran PK untuk PK)' },
  'realisasi-anggaran': { quantity: 'spent', kinds: ['budget'], en: 'the spending of the year', id: 'realisasi anggaran tahun berjalan' },
  serapan: { quantity: 'absorption', kinds: ['budget'], en: 'the absorption, %', id: 'serapan anggaran, dalam %' },
  'sisa-anggaran': { quantity: 'unspent', kinds: ['budget'], en: 'the unspent budget', id: 'sisa anggaran' },
};

/** The agency as a subject: `perangkat-daerah` (or the claims' `agency`). */
export const AGENCY_SUBJECTS = ['perangkat-daerah', 'agency'] as const;

export interface ValueRef {
  /** the reference as written, `{{nilai:pk-2025/UMM/capaian}}` */
  text: string;
  /** SUBJECT/QUANTITY */
  body: string;
  subject: string;
  /** the Indonesian quantity name (`capaian`), lower case */
  name: string;
  /** undefined when the name is no known quantity */
  quantity?: QuantityName;
}

/** Every `{{nilai:…}}` of a text, in order. */
export function valueRefsIn(text: string): ValueRef[] {
  return [...text.matchAll(VALUE_REF)].map((m) => {
    const body = m[1] ?? '';
    const cut = body.lastIndexOf('/');
    const subject = cut < 0 ? '' : body.slice(0, cut);
    const name = (cut < 0 ? body : body.slice(cut + 1)).toLowerCase();
    const quantity = Object.hasOwn(VALUE_QUANTITIES, name) ? VALUE_QUANTITIES[name] : undefined;
    return { text: m[0], body, subject: (AGENCY_SUBJECTS as readonly string[]).includes(subject) ? 'agency' : subject, name, ...(quantity ? { quantity } : {}) };
  });
}

/** The text with each `{{nilai:…}}` replaced by `figure(ref)`. */
export function resolveValueRefs(text: string, figure: (ref: ValueRef) => string): string {
  if (!text.includes('{{')) return text;
  const refs = valueRefsIn(text);
  let i = 0;
  return text.replace(VALUE_REF, () => figure(refs[i++]!));
}

/** Where a reference is wrong, in both languages; undefined when it names a figure the data can give. */
export function valueRefProblem(idx: DatasetIndex, r: ValueRef): { en: string; id: string } | undefined {
  const names = Object.keys(VALUE_QUANTITIES).join(', ');
  if (r.subject === '') {
    return {
      en: `${r.text} names no subject; expected {{nilai:SUBJECT/QUANTITY}}, e.g. {{nilai:pk-2025/UMM/capaian}}`,
      id: `${r.text} tidak menyebut subjek; seharusnya {{nilai:SUBJEK/BESARAN}}, misalnya {{nilai:pk-2025/UMM/capaian}}`,
    };
  }
  if (!r.quantity) {
    return { en: `${r.text}: "${r.name}" is no quantity; expected one of: ${names}`, id: `${r.text}: "${r.name}" bukan besaran yang dikenal; seharusnya salah satu dari: ${names}` };
  }
  let kind: SubjectKind | undefined;
  const parts = splitRef(r.subject);
  if (r.subject === 'agency') kind = 'budget';
  else if (!parts) kind = idx.agreements.has(r.subject) ? 'agreement' : idx.nodes.has(r.subject) ? 'budget' : undefined;
  else {
    const ag = idx.agreements.get(parts.ownerId);
    if (ag) {
      const c = resolveAgreementLocal(idx, ag, parts.localId, 'indicators');
      const inRows = ag.rows.some((row) => row.indicator === parts.localId || resolveAgreementLocal(idx, ag, row.indicator, 'indicators') === c);
      if (!inRows) {
        return {
          en: `${r.text}: agreement ${parts.ownerId} has no row for indicator "${parts.localId}"`,
          id: `${r.text}: perjanjian kinerja ${parts.ownerId} tidak memuat baris indikator "${parts.localId}"`,
        };
      }
      kind = 'indicator';
    } else if (idx.indicators.has(r.subject)) kind = 'indicator';
  }
  if (kind === undefined) {
    return {
      en: `${r.text}: "${r.subject}" is no agreement row (pk/ID), indicator (plan/ID, node/ID), agreement, program node or perangkat-daerah of the dataset`,
      id: `${r.text}: "${r.subject}" bukan baris PK (pk/ID), indikator (renstra/ID, program/ID), PK, program/kegiatan, maupun perangkat-daerah dalam data ini`,
    };
  }
  if (!r.quantity.kinds.includes(kind)) {
    const fits = Object.entries(VALUE_QUANTITIES)
      .filter(([, v]) => v.kinds.includes(kind))
      .map(([k]) => k)
      .join(', ');
    const what = { indicator: ['an indicator', 'indikator'], agreement: ['an agreement', 'PK'], budget: ['a budget holder', 'pemegang anggaran'] }[kind];
    return { en: `${r.text}: "${r.name}" is not a quantity of ${what[0]}; expected one of: ${fits}`, id: `${r.text}: "${r.name}" bukan besaran untuk ${what[1]}; seharusnya salah satu dari: ${fits}` };
  }
  return undefined;
}

/**
 * Figures typed into the narrative (docs/claims.md, "Figures typed in the narrative"). A sentence
 * that names an indicator and states its target, realization, achievement or predicate, or that
 * counts an agreement's goals or indicators ("dua buah sasaran"), states a figure the data
 * computes. Such a figure is read as a claim without a `claims[]` entry: `kinerja review` checks
 * it, and validation warns that it should be a `{{nilai:…}}` reference. IO-free.
 *
 * What is read (Indonesian report prose):
 * - counts: a number, in digits or words up to "dua belas", optionally "3 (tiga)" and "buah",
 *   before `tujuan`, `sasaran` or `indikator`; the agreement is the one the sentence names
 *   ("Perjanjian Kinerja Perubahan" → the year's amendment, "Perjanjian Kinerja" → the
 *   original), else the year's latest.
 * - an indicator's figures: in a sentence naming an indicator (its name or an alias, the longest
 *   that appears), "target … N", "realisasi/terealisasi … N", "capaian … N %", and
 *   "predikat/kriteria … LABEL" (a label of the rating scale), with at most three connecting
 *   words (sebesar, adalah, mencapai, yaitu, kinerja, capaian, …) between word and figure.
 * A `{{nilai:…}}` reference is not a typed figure. The rules are deliberately narrow: a figure the
 * reader does not tie to an indicator or an agreement is left alone.
 */
import { narrativeTexts, narrativesOf, type DatasetIndex } from '../dataset/model.js';
import type { Agreement, Dataset, Narrative } from '../dataset/schema.js';

export interface TypedFigure {
  /** the text's path in the dataset (`narrative.executiveSummary`, `narrative[1].conclusions`) */
  where: string;
  /** the words that state it ("dua buah sasaran") */
  raw: string;
  /** the claim subject it is about (`pk-2025`, `pk-2025/UMM`, `renstra-2021-2026/UMM`) */
  subject: string;
  /** the claim quantity (`sasaranCount`, `achievement`, …) */
  quantity: string;
  value: number | string;
  /** the `{{nilai:…}}` that would print it */
  reference: string;
  /** the number as typed (`146%`), for the precision it is compared at */
  number?: string;
}

const WORDS: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  'dua belas': 12,
};
const WORD_ALT = Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** an Indonesian number: 1.234,5 or 12,5 or 12 */
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const COUNT = new RegExp(String.raw`(?<![\d.,])\b(${NUM}|${WORD_ALT})(?:\s*\(\s*[a-z ]+\s*\))?\s+(?:buah\s+)?(tujuan|sasaran|indikator)\b`, 'gi');
const FILLER = String.raw`(?:\s+(?:sebesar|adalah|mencapai|yaitu|kinerja|capaian|persentase|tahun\s+\d{4}|pada|sebanyak|yang|ditetapkan|%|:))*?`;
const QUANTITY_WORDS: { quantity: string; name: string; re: RegExp }[] = [
  { quantity: 'target', name: 'target', re: new RegExp(String.raw`\b(?:target(?:nya)?|ditargetkan)${FILLER}\s*:?\s*(${NUM})\s*(%?)`, 'gi') },
  { quantity: 'realization', name: 'realisasi', re: new RegExp(String.raw`\b(?:realisasi(?:nya)?|terealisasi)${FILLER}\s*:?\s*(${NUM})\s*(%?)`, 'gi') },
  { quantity: 'achievement', name: 'capaian', re: new RegExp(String.raw`\b(?:capaian(?:nya)?|ketercapaian)${FILLER}\s*:?\s*(${NUM})\s*(%)`, 'gi') },
];

export function parseIdNumber(s: string): number {
  const w = WORDS[s.toLowerCase().replace(/\s+/g, ' ')];
  if (w !== undefined) return w;
  return Number(s.replace(/\./g, '').replace(',', '.'));
}

/** Sentences of a text: split after . ; ! ? followed by a space, and at line breaks. */
function sentences(text: string): string[] {
  return text
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .split(/(?<=[.;!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

interface Candidate {
  subject: string;
  names: string[];
  agreement?: string;
}

/** The indicators a sentence may name: agreement rows of the year, then plan and program indicators. */
function candidates(ds: Dataset, idx: DatasetIndex, year: number): Candidate[] {
  const out: Candidate[] = [];
  const taken = new Set<string>();
  for (const ag of ds.agreements.filter((a) => a.year === year)) {
    for (const row of ag.rows) {
      const local = row.indicator;
      const own = idx.indicators.get(`${ag.id}/${local}`) ?? idx.indicators.get(`${ag.plan}/${local}`) ?? (ag.amends ? idx.indicators.get(`${ag.amends}/${local}`) : undefined);
      if (!own) continue;
      out.push({ subject: `${ag.id}/${local}`, names: [own.indicator.name, ...(own.indicator.aliases ?? [])], agreement: ag.id });
      taken.add(own.ref);
    }
  }
  for (const [r, e] of idx.indicators) {
    if (taken.has(r) || e.owner.kind === 'agreement') continue;
    if (e.indicator.targets?.[String(year)] === undefined) continue;
    out.push({ subject: r, names: [e.indicator.name, ...(e.indicator.aliases ?? [])] });
  }
  return out;
}

/** The agreement a sentence is about: named as "Perjanjian Kinerja (Perubahan)", else the year's latest. */
function agreementOf(sentence: string, ofYear: Agreement[]): Agreement | undefined {
  const s = norm(sentence);
  const amendment = ofYear.find((a) => a.kind === 'amendment');
  const original = ofYear.find((a) => a.kind === 'original');
  if (/perjanjian kinerja\s+(?:\(pk\)\s+)?perubahan|pk perubahan/.test(s)) return amendment ?? original;
  if (/perjanjian kinerja|\bpk\b/.test(s)) return original ?? amendment;
  return amendment ?? original;
}

const COUNT_QUANTITY = { tujuan: ['tujuanCount', 'tujuan'], sasaran: ['sasaranCount', 'sasaran'], indikator: ['rowCount', 'indikator'] } as const;

/** The typed figures of one narrative text. */
export function figuresInText(text: string, where: string, ds: Dataset, idx: DatasetIndex, year: number, predicates: readonly string[]): TypedFigure[] {
  const out: TypedFigure[] = [];
  const ofYear = ds.agreements.filter((a) => a.year === year);
  const cands = candidates(ds, idx, year);
  const labels = [...predicates].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const predicateRe = labels.length ? new RegExp(String.raw`\b(?:predikat|kriteria)(?:\s+capaian)?(?:\s+kinerja)?\s*:?\s*(${labels.join('|')})\b`, 'gi') : undefined;
  for (const sentence of sentences(text)) {
    const ag = agreementOf(sentence, ofYear);
    if (ag) {
      for (const m of sentence.matchAll(COUNT)) {
        const word = (m[2] ?? '').toLowerCase() as keyof typeof COUNT_QUANTITY;
        const [quantity, name] = COUNT_QUANTITY[word];
        out.push({ where, raw: m[0], subject: ag.id, quantity, value: parseIdNumber(m[1] ?? ''), reference: `{{nilai:${ag.id}/${name}}}`, number: /\d/.test(m[1] ?? '') ? (m[1] ?? '') : '0' });
      }
    }
    const s = norm(sentence);
    let best: { c: Candidate; at: number; len: number } | undefined;
    for (const c of cands) {
      for (const n of c.names) {
        const at = s.indexOf(norm(n));
        if (at < 0) continue;
        const better = !best || n.length > best.len || (n.length === best.len && c.agreement === ag?.id && best.c.agreement !== ag?.id);
        if (better) best = { c, at, len: n.length };
      }
    }
    if (!best) continue;
    const { subject } = best.c;
    for (const q of QUANTITY_WORDS) {
      for (const m of sentence.matchAll(q.re)) {
        out.push({ where, raw: m[0].trim(), subject, quantity: q.quantity, value: parseIdNumber(m[1] ?? ''), reference: `{{nilai:${subject}/${q.name}}}`, number: `${m[1] ?? ''}${m[2] ?? ''}` });
      }
    }
    if (predicateRe) {
      for (const m of sentence.matchAll(predicateRe)) {
        out.push({ where, raw: m[0], subject, quantity: 'predicate', value: m[1] ?? '', reference: `{{nilai:${subject}/predikat}}` });
      }
    }
  }
  return out;
}

/** The year a narrative speaks of: its own, else the latest agreement year of the dataset. */
export function narrativeYear(ds: Dataset, n: Narrative): number | undefined {
  return n.year ?? ds.agreements.reduce<number | undefined>((y, a) => (y === undefined || a.year > y ? a.year : y), undefined);
}

/**
 * The typed figures of every narrative (each read in its own year, an undated one in `year` when
 * given, else in the dataset's latest agreement year). `prefix` precedes each path.
 */
export function typedFigures(ds: Dataset, idx: DatasetIndex, predicates: readonly string[], options: { year?: number; prefix?: string; only?: Narrative } = {}): TypedFigure[] {
  const listed = Array.isArray(ds.narrative);
  const out: TypedFigure[] = [];
  narrativesOf(ds).forEach((n, i) => {
    if (options.only && n !== options.only) return;
    const year = n.year ?? options.year ?? narrativeYear(ds, n);
    if (year === undefined) return;
    const at = `${options.prefix ?? ''}${listed ? `narrative[${i}]` : 'narrative'}`;
    for (const { path, value } of narrativeTexts(n)) out.push(...figuresInText(value, `${at}.${path}`, ds, idx, year, predicates));
  });
  return out;
}


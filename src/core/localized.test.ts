/**
 * Every message a user can see is written in English (`message`) and Indonesian
 * (`localized.id`): validation findings, parse errors, measurement findings and the errors of
 * edits. A corpus of broken documents exercises every finding code the validation declares in
 * its source; a code without an Indonesian text (or one that is only the English text again)
 * fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimalDataset, FIXTURE_PLAN } from './dataset/fixtures.js';
import { DatasetParseError, parseDocumentText } from './dataset/io.js';
import type { Dataset } from './dataset/schema.js';
import { validateDataset, validateDocument, validateRegion } from './dataset/validate.js';
import { addGoal, agreementFromPlan, putRealization, removeAgreement, transitionRealization } from './edit/index.js';
import { EditError } from './edit/common.js';
import { langOf, messageIn, type Finding } from './findings.js';
import { measure } from './measure/index.js';

// ---------------------------------------------------------------- what an Indonesian text must be

/** Words that betray an English sentence; looked for outside quoted values, paths and references. */
const ENGLISH = /\b(the|is|are|of|expected|got|missing|required|no|and|or|with|not|must|cannot|already|has|have|an|to|from|by|for|at|its|this|which|but|unknown|give|field)\b/i;

function englishLeft(text: string): string | null {
  const bare = text
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ') // quoted values and ids
    .replace(/`[^`]*`/g, ' ')
    .replace(/\S*[[\]./:_]\S*/g, ' '); // paths (plans[0].id), references (plan/UMM), file names
  return ENGLISH.exec(bare)?.[0] ?? null;
}

/** The quoted values of the English message, all of which the Indonesian keeps verbatim. */
const quoted = (text: string): string[] => [...text.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => m[0]);

function expectIndonesian(m: { message: string; localized?: { id: string } | undefined }, label: string): void {
  const id = m.localized?.id;
  expect(id, `${label}: no Indonesian text for "${m.message}"`).toBeTypeOf('string');
  expect(id!.trim(), label).not.toBe('');
  expect(id, `${label}: the Indonesian text is the English one`).not.toBe(m.message);
  expect(englishLeft(id!), `${label}: English left in "${id}"`).toBeNull();
  for (const q of quoted(m.message)) expect(id, `${label}: ${q} is not kept verbatim`).toContain(q);
}

// ---------------------------------------------------------------- the corpus

type Doc = Record<string, any>; // a plain JSON document, edited freely
const ds = (): Doc => minimalDataset() as unknown as Doc;
const edited = (edit: (d: Doc) => void): Doc => {
  const d = ds();
  edit(d);
  return d;
};
const rpjmd = {
  id: 'rpjmd-2021-2026',
  level: 'rpjmd',
  title: 'RPJMD',
  startYear: 2021,
  endYear: 2026,
  goals: [{ id: 'M1', kind: 'misi', statement: 'Misi' }],
};

/** Broken documents, each validated on its own: [label, document, how to validate]. */
const CORPUS: [string, unknown, 'document' | 'dataset' | 'region'][] = [
  ['not an object', [], 'document'],
  ['no format', edited((d) => delete d.format), 'document'],
  ['an unknown format', { ...ds(), format: 'sakip/1' }, 'document'],
  ['a format that is not text', { ...ds(), format: 5 }, 'document'],
  ['a later format', { ...ds(), format: 'kinerja-dataset/2' }, 'document'],
  ['a region where a dataset is expected', { format: 'kinerja-region/1', region: 'X', agencies: [] }, 'dataset'],
  ['two agencies with one id', { format: 'kinerja-region/1', region: 'Kabupaten Contoh', agencies: [ds(), ds()] }, 'region'],
  ['an agency without an id', { format: 'kinerja-region/1', region: 'Kabupaten Contoh', agencies: [edited((d) => (d.agency = { ...d.agency, name: '—', abbreviation: '…' }))] }, 'region'],
  ['text where a number goes', edited((d) => (d.plans[0].indicators[0].targets['2025'] = '70,5')), 'document'],
  ['a missing title', edited((d) => delete d.plans[0].title), 'document'],
  ['an unknown field', edited((d) => (d.agency.kepala = 'x')), 'document'],
  ['an unknown level', edited((d) => (d.plans[0].level = 'rpjp')), 'document'],
  ['a wrong date', edited((d) => (d.agreements[0].signedOn = '2025-13-45')), 'document'],
  ['a target keyed by a word', edited((d) => (d.plans[0].indicators[2].targets = { tahun: 75 })), 'document'],
  ['a year before 1900', edited((d) => (d.plans[0].startYear = 1800)), 'document'],
  ['an empty id', edited((d) => (d.decrees = [{ id: '', title: 'SK' }])), 'document'],
  ['a list where an object goes', edited((d) => (d.agency.head = [])), 'document'],
  ['an unknown measure type', edited((d) => (d.plans[0].indicators[2].measure = { type: 'persen' })), 'document'],
  ['an agreement outside its plan', edited((d) => (d.agreements[0].year = 2030)), 'document'],
  ['a row naming a missing indicator', edited((d) => (d.agreements[0].rows[0].indicator = 'UMX')), 'document'],
  ['two program nodes with one id', edited((d) => d.programs.push({ ...d.programs[0] })), 'document'],
  ['two realizations of one period', edited((d) => d.realizations.push({ ...d.realizations[2] })), 'document'],
  ['two rows of one indicator', edited((d) => d.agreements[0].rows.push({ goal: 'S1', indicator: 'UMM', target: 70 })), 'document'],
  ['a realization without a value', edited((d) => d.realizations.push({ indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2024 })), 'document'],
  ['a category realization without a category', edited((d) => d.realizations.push({ indicator: `${FIXTURE_PLAN}/AWD`, year: 2024 })), 'document'],
  ['an unknown category', edited((d) => (d.realizations[1].category = 'Juara 9')), 'document'],
  ['a category for a value indicator', edited((d) => (d.realizations[2].category = 'Baik')), 'document'],
  ['an id with a slash', edited((d) => (d.plans[0].goals[0].id = 'T/1')), 'document'],
  ['a kegiatan under a subkegiatan', edited((d) => (d.programs[1].parent = 'p1-k1-s1')), 'document'],
  ['a program with a parent', edited((d) => (d.programs[0].parent = 'p1-k1')), 'document'],
  ['a kegiatan without a parent', edited((d) => delete d.programs[1].parent), 'document'],
  ['a plan ending before it starts', edited((d) => (d.plans[0].endYear = 2020)), 'document'],
  ['an agreement on an RPJMD', edited((d) => (d.plans.push(rpjmd), (d.agreements[0].plan = 'rpjmd-2021-2026'))), 'document'],
  ['a text target of a ratio indicator', edited((d) => (d.agreements[0].rows[0].target = 'tinggi')), 'document'],
  ['a target that is no category', edited((d) => (d.agreements[0].rows[1].target = 'Juara 9')), 'document'],
  ['a plan indicator without a goal', edited((d) => delete d.plans[0].indicators[0].goal), 'document'],
  ['a plan indicator without targets', edited((d) => delete d.plans[0].indicators[2].targets), 'document'],
  ['a ratio realization with the numerator only', edited((d) => (delete d.realizations[0].denominator, delete d.realizations[0].value)), 'document'],
  ['a ratio value that disagrees', edited((d) => (d.realizations[0].value = 8)), 'document'],
  ['a reserved id', edited((d) => (d.programs[0].id = 'agency')), 'document'],
  ['a status without a note', edited((d) => (d.realizations[2] = { indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, status: 'no-data' })), 'document'],
  ['an agreed target unlike the plan', edited((d) => (d.agreements[0].rows[0].target = 71)), 'document'],
  ['a target outside the plan period', edited((d) => (d.plans[0].indicators[2].targets['2030'] = 80)), 'document'],
  ['a target of the year 1800', edited((d) => (d.plans[0].indicators[2].targets['1800'] = 80)), 'document'],
  ['an original agreement that amends', edited((d) => (d.agreements[0].amends = 'pk-2024')), 'document'],
  ['a goal its own parent', edited((d) => (d.plans[0].goals[0].parent = 'T1')), 'document'],
  ['goals in a circle', edited((d) => (d.plans[0].goals[0].parent = 'S1')), 'document'],
  ['an amendment of nothing', edited((d) => d.agreements.push({ ...d.agreements[0], id: 'pk-2025-p', kind: 'amendment' })), 'document'],
  ['an amendment of another year', edited((d) => d.agreements.push({ ...d.agreements[0], id: 'pk-2024-p', kind: 'amendment', amends: 'pk-2025', year: 2024 })), 'document'],
  ['a budget naming a kegiatan', edited((d) => (d.agreements[0].budget[0].program = 'p1-k1')), 'document'],
  ['a node supporting a node indicator', edited((d) => (d.programs[0].supports = [{ indicator: 'p1-k1-s1/OUT1' }])), 'document'],
  ['a claim about nothing', edited((d) => (d.claims = [{ where: 'Tabel 1', subject: 'pk-2025/NOPE', quantity: 'achievement', value: 1 }])), 'document'],
  ['a realization through an agreement', edited((d) => (d.realizations[2].indicator = 'pk-2025/SAKIP')), 'document'],
  ['a benchmark without a value or note', edited((d) => (d.benchmarks = [{ indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, value: null, source: 'BPS' }])), 'document'],
  ['an unknown decree', edited((d) => (d.plans[0].indicators[2].decrees = ['SK9'])), 'document'],
  ['two narratives of one year', edited((d) => (d.narrative = [{ year: 2025 }, { year: 2025 }])), 'document'],
  ['two narratives without a year', edited((d) => (d.narrative = [{ foreword: 'a' }, { foreword: 'b' }])), 'document'],
  ['a narrative about nothing', edited((d) => (d.narrative = { analyses: [{ subject: 'NOPE', text: 'x' }] })), 'document'],
  ['a narrative naming a table that is not there', edited((d) => (d.narrative = { conclusions: 'lihat {{tabel:NOPE}}' })), 'document'],
  [
    'a narrative referring to figures that are not there',
    edited((d) => (d.narrative = { conclusions: '{{nilai:pk-2025/XX/capaian}} {{nilai:pk-2025/ukuran}} {{nilai:capaian}} {{nilai:pk-2025/UMM/serapan}} {{nilai:nope/anggaran}}' })),
    'document',
  ],
  ['a narrative typing a figure the data computes', edited((d) => (d.narrative = { conclusions: 'Perjanjian Kinerja memuat dua buah sasaran.' })), 'document'],
  ['a narrative with a typed table number', edited((d) => (d.narrative = { conclusions: 'lihat Tabel 3.4' })), 'document'],
  ['a table source naming a table', edited((d) => (d.evaluation = { recommendations: [{ id: 'r1', year: 2025, text: 'Menyusun juknis', action: 'Menyusun juknis', source: 'Tabel 1.3 (TL LHE 2025)' }] })), 'document'],
  ['an agreement row without its causes', edited((d) => delete d.narrative), 'document'],
  ['corrections the data cannot give or no longer makes', edited((d) => (d.corrections = [
    { item: 'Realisasi', subject: 'p1-k1-s1', quantity: 'bogus', year: 2025, printed: 1, source: 'LRA 2025', reason: 'Salah ketik.' },
    { item: 'Realisasi', subject: 'p1-k1-s1', quantity: 'spent', year: 2025, printed: 90000000, source: 'LRA 2025', reason: 'Salah ketik.' },
  ])), 'document'],
  ['a NUL character', edited((d) => (d.agency.head.name = 'a\u0000b')), 'document'],
  ['a lone surrogate', edited((d) => (d.agency.head.name = 'a\ud800b')), 'document'],
  ['a number that reads as infinity', edited((d) => (d.plans[0].indicators[0].endTarget = Infinity)), 'document'],
  ['NaN', edited((d) => (d.extra = { x: NaN })), 'document'],
  ['a __proto__ key', JSON.parse(JSON.stringify(ds()).replace('"format":', '"extra":{"__proto__":1},"format":')), 'document'],
  ['free data nested too deeply', edited((d) => (d.extra = { x: JSON.parse('['.repeat(40) + ']'.repeat(40)) })), 'document'],
  ['a key too long', edited((d) => (d.extra = { ['k'.repeat(501)]: 1 })), 'document'],
  ['a text too long', edited((d) => (d.agency.note = 'x'.repeat(50_001))), 'document'],
  ['too many problems to list', edited((d) => (d.extra = { x: Array.from({ length: 101 }, () => '\u0000') })), 'document'],
  ['an unsafe id', edited((d) => (d.agency.code = '__proto__')), 'document'],
  ['a date before 1900', edited((d) => (d.agreements[0].signedOn = '0000-01-01')), 'document'],
  ['an agency id derived as empty', edited((d) => (d.agency.abbreviation = '!!!')), 'document'],
  ['an unknown unit', edited((d) => ((d.organization = { units: [{ id: 'u1', name: 'Bidang', kind: 'bidang' }] }), (d.plans[0].indicators[2].responsibleUnits = ['u9']))), 'document'],
  ['a range whose min is above its max', edited((d) => (d.plans[0].indicators[2].range = { min: 90, max: 10 })), 'document'],
  ['a realization outside its range', edited((d) => (d.realizations[0] = { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, numerator: 900, denominator: 860 })), 'document'],
  ['a score outside its range, kept as printed', edited((d) => (d.evaluation = { scores: [{ year: 2025, value: 150, evaluator: 'X', reference: 'Y', outOfRange: { reason: 'as printed' } }] })), 'document'],
];

function findingsOf(doc: unknown, how: 'document' | 'dataset' | 'region'): Finding[] {
  if (how === 'dataset') return validateDataset(doc).findings;
  if (how === 'region') return validateRegion(doc).findings;
  return validateDocument(doc).findings;
}

/** Finding codes written in the validation's source (`error('code', …`, `finding('error', 'code', …`, `missingOr(…, 'code')`). */
function declaredCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of ['dataset/references.ts', 'dataset/validate.ts', 'dataset/schema-issues.ts', 'dataset/limits.ts']) {
    const src = readFileSync(new URL(file, import.meta.url), 'utf8');
    for (const m of src.matchAll(/\b(?:error|warning|fail|push|finding)\(\s*(?:'(?:error|warning|info)',\s*)?'([a-z]+(?:-[a-z]+)*)'/g)) codes.add(m[1]!);
    for (const m of src.matchAll(/missingOr\([^;]*?'([a-z]+(?:-[a-z]+)+)'\)/g)) codes.add(m[1]!);
  }
  for (const severity of ['error', 'warning', 'info']) codes.delete(severity);
  return codes;
}

describe('validation findings in Indonesian', () => {
  const all: { label: string; f: Finding }[] = [];
  for (const [label, doc, how] of CORPUS) for (const f of findingsOf(doc, how)) all.push({ label, f });

  it.each(CORPUS.map(([label]) => label))('%s: gives findings, each with its Indonesian text', (label) => {
    const own = all.filter((x) => x.label === label);
    expect(own.length, label).toBeGreaterThan(0);
    for (const { f } of own) expectIndonesian(f, `${label} [${f.code} at ${f.where}]`);
  });

  it('the corpus reaches every finding code the validation declares', () => {
    const declared = declaredCodes();
    expect(declared.size).toBeGreaterThan(30);
    const seen = new Set(all.map((x) => x.f.code));
    expect([...declared].filter((c) => !seen.has(c))).toEqual([]);
    expect(declared).toContain('dangling-reference');
    expect(declared).toContain('wrong-type');
  });

  it('one dataset with several kinds of error: each one said in Indonesian', () => {
    const d = ds();
    d.plans[0].indicators[0].targets['2025'] = '70,5'; // wrong type
    delete d.plans[0].title; // required field
    d.agency.kepala = 'x'; // unknown field
    d.agreements[0].signedOn = '2025-13-45'; // not a date
    d.agreements[0].rows[2].indicator = 'UMX'; // dangling reference
    d.programs.push({ ...d.programs[2], budgets: [], spending: [], indicators: [] }); // duplicate id
    d.realizations[0] = { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, numerator: 65 }; // incomplete ratio
    d.realizations[1].category = 'Juara 9'; // unknown category
    d.agreements[0].rows[2].target = 80; // (the row is broken anyway)
    d.plans[0].indicators[2].targets['2030'] = 80; // warning: outside the plan period
    const r = validateDocument(d);
    expect(r.kind).toBe('invalid');
    const byWhere = Object.fromEntries(r.findings.map((f) => [f.where, f.localized?.id]));
    expect(byWhere).toMatchObject({
      'plans[0].indicators[0].targets["2025"]': 'seharusnya berupa angka, tetapi berisi teks "70,5"',
      'plans[0].title': 'isian wajib tidak ada: seharusnya berupa teks',
      'agency.kepala': 'isian "kepala" tidak dikenal (bukan bagian dari Agency; data tambahan ditempatkan di bawah "extra")',
      'agreements[0].signedOn': 'seharusnya berupa tanggal berformat YYYY-MM-DD, tetapi berisi teks "2025-13-45"',
    });
    // the schema's problems leave the plan out, so the other checks run on what is left; checked on their own:
    const refs = ds();
    refs.agreements[0].rows[2].indicator = 'UMX';
    refs.programs.push({ ...refs.programs[2], budgets: [], spending: [], indicators: [] });
    refs.realizations[0] = { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, numerator: 65 };
    refs.realizations[1].category = 'Juara 9';
    refs.plans[0].indicators[2].targets['2030'] = 80;
    const fs = validateDocument(refs).findings;
    const at = (where: string) => fs.filter((f) => f.where === where).map((f) => [f.severity, f.code, f.localized?.id]);
    expect(at('agreements[0].rows[2].indicator')).toEqual([['error', 'dangling-reference', 'tidak ada indikator "UMX" dalam Renstra renstra-2021-2026']]);
    expect(at('programs[3].id')).toEqual([
      [
        'error',
        'duplicate-id',
        'id "p1-k1-s1" sudah dipakai oleh programs[2]; id rencana, perjanjian kinerja, dan program/kegiatan/sub kegiatan harus unik di seluruh dokumen',
      ],
    ]);
    expect(at('realizations[0]')).toEqual([
      [
        'error',
        'ratio-realization-incomplete',
        `realisasi indikator rasio ${FIXTURE_PLAN}/UMM memuat pembilang dan penyebut (atau nilai), atau status disertai catatan; yang diberikan hanya pembilang`,
      ],
    ]);
    expect(at('realizations[1].category')).toEqual([
      ['error', 'invalid-category', `"Juara 9" bukan kategori indikator ${FIXTURE_PLAN}/AWD (kategori: "Juara 1", "Juara 2", "Juara 3")`],
    ]);
    expect(at('plans[0].indicators[2].targets["2030"]')).toEqual([
      ['warning', 'target-outside-plan-period', 'target tahun 2030 berada di luar periode Renstra renstra-2021-2026 (2021–2026)'],
    ]);
    // the English stays as it was
    expect(fs.find((f) => f.where === 'agreements[0].rows[2].indicator')?.message).toBe('no indicator "UMX" in plan renstra-2021-2026');
  });
});

describe('parse errors in Indonesian', () => {
  const parseError = (text: string, source: string): DatasetParseError => {
    try {
      parseDocumentText(text, source);
    } catch (e) {
      if (e instanceof DatasetParseError) return e;
      throw e;
    }
    throw new Error('expected a DatasetParseError');
  };

  it.each([
    ['{\n  "a": 1,\n}', 'a.json', 'JSON tidak sah pada baris 3, kolom 1: ada koma sebelum "}" (JSON tidak membolehkan koma di akhir)'],
    ['{\n  "a": 1\n  "b": 2\n}', 'a.json', 'JSON tidak sah pada baris 3, kolom 3: seharusnya "," atau "}" setelah nilai properti, tetapi ditemukan "\\""'],
    ["{\n  \"a\": 'x'\n}", 'a.json', 'JSON tidak sah pada baris 2, kolom 8: string ditulis dengan tanda kutip ganda, bukan tanda kutip tunggal'],
    ['{"a": 1', 'a.json', 'JSON tidak sah pada baris 1, kolom 8: seharusnya "," atau "}" setelah nilai properti, tetapi ditemukan akhir teks'],
    ['', 'a.json', 'berkas kosong'],
    [
      'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
      'a.yaml',
      'alias YAML (*nama) mengulang nilai anchor-nya terlalu banyak kali (pengaman terhadap bom alias yang menghabiskan memori); tuliskan nilainya secara langsung',
    ],
  ])('%j', (text, source, id) => {
    const e = parseError(text, source);
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]!.localized?.id).toBe(id);
    expectIndonesian(e.findings[0]!, text);
  });

  it('YAML nested beyond the parser: in Indonesian, no engine message', () => {
    const f = parseError(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'a.yaml').findings[0]!;
    expect(f.localized?.id).toMatch(/^YAML tidak sah pada baris 1, kolom \d+: bersarang terlalu dalam untuk dibaca$/);
    expectIndonesian(f, 'deep YAML');
  });

  it('YAML: line and column in Indonesian, the parser’s own reason kept', () => {
    const f = parseError('a: [1, 2\nb: 3\n', 'a.yaml').findings[0]!;
    expect(f.localized?.id).toMatch(/^YAML tidak sah pada baris \d+, kolom \d+: /);
  });
});

describe('measurement findings in Indonesian', () => {
  const scenarios: [string, (d: Dataset) => void][] = [
    ['no realization', (d) => (d.realizations = [])],
    ['a stated status', (d) => (d.realizations[2] = { indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, status: 'postponed', note: 'BPS belum rilis' })],
    ['a zero target', (d) => (d.agreements[0]!.rows[2]!.target = 0)],
    ['a zero denominator', (d) => (d.realizations[0] = { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, numerator: 1, denominator: 0 })],
    ['a parent budget unlike its children', (d) => d.programs[0]!.budgets.push({ year: 2025, stage: 'initial', amount: 5 })],
    ['support shares over 1', (d) => (d.programs[0]!.supports = [{ indicator: `${FIXTURE_PLAN}/UMM`, share: 0.7 }, { indicator: `${FIXTURE_PLAN}/AWD`, share: 0.6 }])],
    [
      'a derived indicator with an unmeasured member',
      (d) => {
        d.plans[0]!.indicators!.push({ id: 'D', goal: 'S1', name: 'Persentase sasaran tercapai', measure: { type: 'derived', rule: 'shareAchieved', of: [`${FIXTURE_PLAN}/UMM`, `${FIXTURE_PLAN}/SAKIP`] }, targets: { '2025': 100 } });
        d.realizations = d.realizations.filter((r) => !r.indicator.endsWith('/SAKIP'));
      },
    ],
  ];

  it.each(scenarios)('%s', (_label, edit) => {
    const d = minimalDataset();
    edit(d);
    const fs = measure(d, 2025).findings;
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) expectIndonesian(f, `${f.code} at ${f.where}`);
  });

  it('an unmeasured row says why in Indonesian, with the reason as the report words it', () => {
    const d = minimalDataset();
    d.realizations = d.realizations.filter((r) => !r.indicator.endsWith('/SAKIP'));
    const f = measure(d, 2025).findings.find((x) => x.code === 'unmeasured-no-realization');
    expect(f?.localized?.id).toBe(`${FIXTURE_PLAN}/SAKIP "Nilai SAKIP" belum dapat diukur pada tahun 2025 (belum ada realisasi): belum ada realisasi yang dicatat untuk tahun ini`);
    expect(f?.message).toBe(`${FIXTURE_PLAN}/SAKIP "Nilai SAKIP" is not measured in 2025 (no realization): no realization is recorded for the year`);
  });
});

describe('edit errors in Indonesian', () => {
  const editError = (fn: () => unknown): EditError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof EditError) return e;
      throw e;
    }
    throw new Error('expected an EditError');
  };
  const d = minimalDataset();
  const UMM = { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, period: 'Y' as const };

  it.each([
    ['a taken id', () => agreementFromPlan(d, { plan: FIXTURE_PLAN, year: 2025, signedOn: '2025-01-05' }), 'id "pk-2025" sudah dipakai oleh rencana, perjanjian kinerja, atau program/kegiatan/sub kegiatan'],
    ['an unknown plan', () => addGoal(d, 'nope', { id: 'X', kind: 'sasaran', statement: 'x' }), `tidak ada rencana "nope" (yang ada: ${FIXTURE_PLAN})`],
    ['a duplicate goal', () => addGoal(d, FIXTURE_PLAN, { id: 'S1', kind: 'sasaran', statement: 'x' }), `rencana ${FIXTURE_PLAN} sudah memiliki tujuan/sasaran "S1"`],
    ['a ratio without its parts', () => putRealization(d, UMM, {}), 'seharusnya diisi pembilang (usaha mikro mandiri) dan penyebut (usaha mikro dibina), atau nilai'],
    [
      'a transition not allowed',
      () => transitionRealization(d, UMM, 'verify'),
      'tidak dapat memverifikasi realisasi yang berstatus disetujui; tindakan verify hanya berlaku untuk realisasi berstatus diajukan (yang dapat dilakukan sekarang: reopen)',
    ],
    ['an unknown agreement', () => removeAgreement(d, 'pk-1999'), 'tidak ada perjanjian kinerja "pk-1999" (yang ada: pk-2025)'],
  ])('%s', (_label, fn, id) => {
    const e = editError(fn);
    expect(e.localized.id).toBe(id);
    expectIndonesian(e, e.code);
  });
});

describe('choosing the language', () => {
  it('messageIn gives Indonesian for id (English when there is none) and English for en', () => {
    const f: Finding = { severity: 'error', code: 'x', where: 'a', message: 'english', localized: { id: 'indonesia' } };
    expect(messageIn('id', f)).toBe('indonesia');
    expect(messageIn('en', f)).toBe('english');
    expect(messageIn('id', { message: 'only english' })).toBe('only english');
  });

  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['id', 'id'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en_US', 'en'],
    ['english', 'en'],
    ['fr', 'id'],
  ] as const)('langOf(%j) is %s', (value, lang) => {
    expect(langOf(value)).toBe(lang);
  });
});

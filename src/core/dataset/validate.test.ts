import { describe, expect, it } from 'vitest';
import { validateDataset, validateDocument, validateRegion } from './validate.js';
import { minimalDataset, FIXTURE_PLAN } from './fixtures.js';
import type { Dataset, Plan } from './schema.js';
import type { Finding } from '../findings.js';

// ---------------------------------------------------------------- helpers

type Json = Record<string, unknown>;

/** Walk `a.b[2].c` and return the parent container and the last key. */
function locate(root: unknown, path: string): { parent: Record<string | number, unknown>; key: string | number } {
  const segs = path.match(/[^.[\]]+/g) ?? [];
  let cur = root as Record<string | number, unknown>;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i] as string;
    cur = cur[/^\d+$/.test(s) ? Number(s) : s] as Record<string | number, unknown>;
  }
  const last = segs[segs.length - 1] as string;
  return { parent: cur, key: /^\d+$/.test(last) ? Number(last) : last };
}
function set(root: unknown, path: string, value: unknown): void {
  const { parent, key } = locate(root, path);
  parent[key] = value;
}
function del(root: unknown, path: string): void {
  const { parent, key } = locate(root, path);
  delete parent[key];
}

const errors = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.severity === 'error');
const warnings = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.severity === 'warning');

function findingsOf(mutate: (ds: Dataset) => void): Finding[] {
  const ds = minimalDataset();
  mutate(ds);
  return validateDocument(ds).findings;
}

/** Expect exactly the given error (code and where) among the findings, with the message matching. */
function expectError(fs: Finding[], code: string, where: string, message?: string | RegExp): Finding {
  const hit = fs.find((f) => f.severity === 'error' && f.code === code && f.where === where);
  expect(hit, `expected error ${code} at ${where}; got ${JSON.stringify(fs, null, 1)}`).toBeDefined();
  if (message !== undefined && hit) {
    if (typeof message === 'string') expect(hit.message).toBe(message);
    else expect(hit.message).toMatch(message);
  }
  return hit as Finding;
}

const rpjmd = (): Plan => ({
  id: 'rpjmd-2021-2026',
  level: 'rpjmd',
  title: 'RPJMD Kabupaten Contoh',
  startYear: 2021,
  endYear: 2026,
  goals: [
    { id: 'M1', kind: 'misi', statement: 'Misi satu' },
    { id: 'SS1', kind: 'sasaran', statement: 'Sasaran daerah satu', parent: 'M1' },
  ],
});

// ---------------------------------------------------------------- the fixture

describe('minimalDataset', () => {
  it('is valid with no findings at all, and validation returns the parsed dataset', () => {
    const ds = minimalDataset();
    const r = validateDocument(ds);
    expect(r.findings).toEqual([]);
    expect(r.kind).toBe('dataset');
    if (r.kind === 'dataset') expect(r.dataset).toEqual(minimalDataset());
  });

  it('returns a fresh object each call', () => {
    const a = minimalDataset();
    a.plans[0]!.id = 'changed';
    expect(minimalDataset().plans[0]!.id).toBe(FIXTURE_PLAN);
  });
});

// ---------------------------------------------------------------- format

describe('format', () => {
  it('a missing format is one clear error', () => {
    const doc = minimalDataset() as unknown as Json;
    delete doc.format;
    const r = validateDocument(doc);
    expect(r.kind).toBe('invalid');
    expect(r.findings).toHaveLength(1);
    expectError(r.findings, 'missing-format', 'format', /required field missing.*"kinerja-dataset\/1" or "kinerja-region\/1"/);
  });

  it('an unknown format is one clear error', () => {
    const r = validateDocument({ ...minimalDataset(), format: 'sakip-dataset/1' });
    expect(r.findings).toHaveLength(1);
    expectError(r.findings, 'unknown-format', 'format', 'unknown format "sakip-dataset/1"; this Kinerja reads kinerja-dataset/1 and kinerja-region/1');
  });

  it.each(['kinerja-dataset/2', 'kinerja-region/7'])('a later version (%s) is refused, naming the versions read', (format) => {
    const r = validateDocument({ ...minimalDataset(), format });
    expect(r.kind).toBe('invalid');
    expect(r.findings).toHaveLength(1);
    const f = expectError(r.findings, 'unsupported-format', 'format');
    expect(f.message).toContain(format);
    expect(f.message).toContain('later version');
    expect(f.message).toContain('kinerja-dataset/1 and kinerja-region/1');
  });

  it('a document that is not an object is refused', () => {
    for (const doc of [null, 42, 'text', [1, 2]]) {
      const r = validateDocument(doc);
      expect(r.kind).toBe('invalid');
      expectError(r.findings, 'not-an-object', '(document)');
    }
  });

  it('validateDataset refuses a region document', () => {
    const r = validateDataset({ format: 'kinerja-region/1', region: 'X', agencies: [] });
    expect(r.dataset).toBeUndefined();
    expectError(r.findings, 'unexpected-format', 'format', 'expected "kinerja-dataset/1" here, got "kinerja-region/1"');
  });
});

// ---------------------------------------------------------------- schema problems

describe('schema problems', () => {
  it('a number written as text: expected a number, got string', () => {
    const fs = findingsOf((ds) => set(ds, 'realizations[2].value', '87,24'));
    expectError(fs, 'wrong-type', 'realizations[2].value', 'expected a number, got string "87,24"');
  });

  it('an unknown field names the type and points to extra', () => {
    const fs = findingsOf((ds) => set(ds, 'plans[0].indicators[0].targt', { '2025': 70 }));
    expectError(fs, 'unknown-field', 'plans[0].indicators[0].targt', 'unknown field "targt" (not part of Indicator; put free data under "extra")');
  });

  it('unknown fields at the root, in a nested object without a name of its own, and in a union', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'comment', 'x');
      set(ds, 'organization', { assets: { asOf: '2025-12-31', rows: [{ id: 'a', name: 'Mobil', condition: { good: 1, broken: 2 } }] } });
      set(ds, 'plans[0].indicators[0].measure.factr', 100);
    });
    expectError(fs, 'unknown-field', 'comment', /not part of Dataset/);
    expectError(fs, 'unknown-field', 'organization.assets.rows[0].condition.broken', /not part of AssetRow\.condition/);
    expectError(fs, 'unknown-field', 'plans[0].indicators[0].measure.factr', /not part of Measure/);
  });

  it('extra is kept verbatim and is no error', () => {
    const ds = minimalDataset();
    ds.plans[0]!.indicators![0]!.extra = { anything: [1, { deep: true }] };
    const r = validateDocument(ds);
    expect(r.kind).toBe('dataset');
    if (r.kind === 'dataset') expect(r.dataset.plans[0]?.indicators?.[0]?.extra).toEqual({ anything: [1, { deep: true }] });
  });

  it('a required field missing', () => {
    const fs = findingsOf((ds) => del(ds, 'agreements[0].rows[0].target'));
    expectError(fs, 'missing-field', 'agreements[0].rows[0].target', /^required field missing: expected a number or a string$/);
  });

  it('wrong types: whole numbers, enums, dates, empty ids, year keys', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'plans[0].startYear', 2021.5);
      set(ds, 'plans[0].level', 'RENSTRA');
      set(ds, 'agreements[0].signedOn', '02-01-2025');
      set(ds, 'programs[0].budgets', 'none');
      set(ds, 'plans[0].indicators[1].targets', { '25': 100 });
      set(ds, 'agreements[0].rows[0].goal', '');
    });
    expectError(fs, 'wrong-type', 'plans[0].startYear', 'expected a whole number, got number 2021.5');
    expectError(fs, 'invalid-value', 'plans[0].level', 'expected one of "rpjmd", "renstra", got string "RENSTRA"');
    expectError(fs, 'invalid-format', 'agreements[0].signedOn', 'expected a date as YYYY-MM-DD, got string "02-01-2025"');
    expectError(fs, 'wrong-type', 'programs[0].budgets', 'expected a list (array), got string "none"');
    expectError(fs, 'invalid-key', 'plans[0].indicators[1].targets["25"]', /year such as "2025".*got key "25"/);
    expectError(fs, 'out-of-range', 'agreements[0].rows[0].goal', /an id must not be empty/);
  });

  it('an unknown measure type lists the accepted ones', () => {
    const fs = findingsOf((ds) => set(ds, 'plans[0].indicators[2].measure', { type: 'percent' }));
    expectError(fs, 'invalid-value', 'plans[0].indicators[2].measure.type', 'expected one of "value", "ratio", "count", "category", "derived", "countOf", got string "percent"');
  });

  it('a union value of the wrong type lists the types accepted', () => {
    const fs = findingsOf((ds) => set(ds, 'agreements[0].rows[0].target', true));
    expectError(fs, 'wrong-type', 'agreements[0].rows[0].target', 'expected a number or a string, got true');
  });

  it('lists every problem, not just the first', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'realizations[0].year', '2025');
      set(ds, 'agency.nmae', 'x');
      set(ds, 'agreements[0].rows[2].indicator', 'UMX');
    });
    expect(errors(fs).length).toBeGreaterThanOrEqual(3);
    expectError(fs, 'wrong-type', 'realizations[0].year');
    expectError(fs, 'unknown-field', 'agency.nmae');
    // a reference problem is found even though the document also has schema problems
    expectError(fs, 'dangling-reference', 'agreements[0].rows[2].indicator', 'no indicator "UMX" in plan renstra-2021-2026');
  });

  it('an entry with a schema problem is not reported again as a missing reference', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'plans[0].indicators[0].measure', { type: 'ratio', numerator: 'a' }); // UMM broken
      set(ds, 'realizations[3].value', 'many');
    });
    expectError(fs, 'missing-field', 'plans[0].indicators[0].measure.denominator');
    expectError(fs, 'wrong-type', 'realizations[3].value');
    // pk-2025's row UMM, p1's support of UMM and UMM's realization refer to the broken indicator
    expect(fs.filter((f) => f.code === 'dangling-reference')).toEqual([]);
  });

  it('positions stay those of the original document when entries are left out', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'realizations[0].value', 'x');
      ds.realizations.push({ indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, value: 1 });
    });
    expectError(fs, 'duplicate-realization', 'realizations[4]', /realizations\[2\] and realizations\[4\]/);
  });
});

// ---------------------------------------------------------------- ids

describe('ids', () => {
  it('plans, agreements and program nodes share one namespace', () => {
    const fs = findingsOf((ds) => {
      ds.programs.push({ id: 'pk-2025', level: 'program', name: 'Program lain', budgets: [] });
    });
    expectError(fs, 'duplicate-id', 'programs[3].id', /id "pk-2025" is already used by agreements\[0\]/);
  });

  it('reserved words are not ids of owners', () => {
    const fs = findingsOf((ds) => {
      ds.programs.push({ id: 'assets', level: 'program', name: 'Program aset', budgets: [] });
    });
    expectError(fs, 'reserved-id', 'programs[3].id', /"assets" is a reserved word/);
  });

  it('an id has no slash', () => {
    const fs = findingsOf((ds) => set(ds, 'plans[0].goals[0].id', 'T/1'));
    expectError(fs, 'invalid-id', 'plans[0].goals[0].id');
  });

  it('goals and indicators are unique within their owner', () => {
    const fs = findingsOf((ds) => {
      ds.plans[0]!.goals.push({ id: 'S1', kind: 'sasaran', statement: 'lagi' });
      ds.plans[0]!.indicators!.push({ id: 'UMM', goal: 'S1', name: 'lagi', measure: { type: 'value' }, targets: {} });
      ds.programs[2]!.indicators!.push({ id: 'OUT1', name: 'lagi', measure: { type: 'count' } });
    });
    expectError(fs, 'duplicate-id', 'plans[0].goals[2].id', /goal id "S1" is already used by plans\[0\]\.goals\[1\]/);
    expectError(fs, 'duplicate-id', 'plans[0].indicators[3].id');
    expectError(fs, 'duplicate-id', 'programs[2].indicators[1].id');
  });

  it('the same goal or indicator id in two owners is fine', () => {
    const fs = findingsOf((ds) => {
      ds.plans.push({ ...rpjmd(), goals: [{ id: 'S1', kind: 'sasaran', statement: 'x' }] });
    });
    expect(errors(fs)).toEqual([]);
  });

  it('an id an agreement adds must not repeat an id of its plan', () => {
    const fs = findingsOf((ds) => {
      ds.agreements[0]!.indicators = [{ id: 'UMM', goal: 'S1', name: 'Lagi', measure: { type: 'value' } }];
      ds.agreements[0]!.goals = [{ id: 'T1', kind: 'tujuan', statement: 'Lagi' }];
    });
    expectError(fs, 'duplicate-id', 'agreements[0].indicators[0].id', /already an indicator of plan renstra-2021-2026/);
    expectError(fs, 'duplicate-id', 'agreements[0].goals[0].id', /already a goal of plan renstra-2021-2026/);
  });

  it.each([
    ['decrees', (ds: Dataset) => (ds.decrees = [{ id: 'k1', number: '1', title: 'a' }, { id: 'k1', number: '2', title: 'b' }]), 'decrees[1].id'],
    ['units', (ds: Dataset) => (ds.organization = { units: [{ id: 'u', name: 'A', kind: 'bidang' }, { id: 'u', name: 'B', kind: 'bidang' }] }), 'organization.units[1].id'],
    [
      'staffing rows',
      (ds: Dataset) =>
        (ds.organization = {
          staffing: { asOf: '2025-12-31', rows: [0, 1].map(() => ({ id: 'r', positionClass: 'x', needed: {}, filled: {}, male: 0, female: 0 })) },
        }),
      'organization.staffing.rows[1].id',
    ],
    ['asset rows', (ds: Dataset) => (ds.organization = { assets: { asOf: '2025-12-31', rows: [0, 1].map(() => ({ id: 'a', name: 'x', condition: {} })) } }), 'organization.assets.rows[1].id'],
    ['expenditure lines', (ds: Dataset) => (ds.expenditures = [0, 1].map(() => ({ id: 'e', year: 2025, name: 'ATK', ceiling: 1 }))), 'expenditures[1].id'],
    [
      'recommendations',
      (ds: Dataset) => (ds.evaluation = { recommendations: [0, 1].map(() => ({ id: 'r', year: 2025, text: 't', action: 'a' })) }),
      'evaluation.recommendations[1].id',
    ],
    ['activity lists', (ds: Dataset) => (ds.activities = [0, 1].map(() => ({ id: 'l', title: 't', rows: [] }))), 'activities[1].id'],
  ])('%s are unique within their kind', (_name, mutate, where) => {
    expectError(findingsOf(mutate), 'duplicate-id', where);
  });
});

// ---------------------------------------------------------------- plans, goals and indicators

describe('plans, goals and indicators', () => {
  it('a goal parent exists in the same plan', () => {
    const fs = findingsOf((ds) => set(ds, 'plans[0].goals[1].parent', 'TX'));
    expectError(fs, 'dangling-reference', 'plans[0].goals[1].parent', 'no goal "TX" in plan renstra-2021-2026');
  });

  it('goal parents form no cycle', () => {
    const fs = findingsOf((ds) => set(ds, 'plans[0].goals[0].parent', 'S1'));
    expectError(fs, 'cycle', 'plans[0].goals[0].parent', /T1 → S1 → T1/);
  });

  it('goal supports name a goal of another plan', () => {
    const fs = findingsOf((ds) => {
      ds.plans.push(rpjmd());
      ds.plans[0]!.goals[0]!.supports = ['rpjmd-2021-2026/SS1'];
      ds.plans[0]!.goals[1]!.supports = ['rpjmd-2021-2026/SS9', `${FIXTURE_PLAN}/T1`, 'SS1', 'rpjmd-2030/SS1'];
    });
    expect(fs.some((f) => f.where === 'plans[0].goals[0].supports[0]')).toBe(false);
    expectError(fs, 'dangling-reference', 'plans[0].goals[1].supports[0]', 'no goal "SS9" in plan rpjmd-2021-2026');
    expectError(fs, 'invalid-reference', 'plans[0].goals[1].supports[1]', /not of its own plan/);
    expectError(fs, 'invalid-reference', 'plans[0].goals[1].supports[2]', /expected a reference planId\/goalId, got "SS1"/);
    expectError(fs, 'dangling-reference', 'plans[0].goals[1].supports[3]', /no plan "rpjmd-2030"/);
  });

  it("an indicator's goal exists in its plan, and a plan indicator names one", () => {
    const fs = findingsOf((ds) => {
      set(ds, 'plans[0].indicators[0].goal', 'S9');
      del(ds, 'plans[0].indicators[1].goal');
    });
    expectError(fs, 'dangling-reference', 'plans[0].indicators[0].goal', 'no goal "S9" in plan renstra-2021-2026');
    expectError(fs, 'missing-field', 'plans[0].indicators[1].goal');
  });

  it("an agreement's added indicator measures a goal of the agreement or its plan", () => {
    const ok = findingsOf((ds) => {
      ds.agreements[0]!.goals = [{ id: 'GX', kind: 'sasaran', statement: 'x', parent: 'T1' }];
      ds.agreements[0]!.indicators = [
        { id: 'A1', goal: 'GX', name: 'a', measure: { type: 'count' } },
        { id: 'A2', goal: 'S1', name: 'b', measure: { type: 'count' } },
      ];
    });
    expect(errors(ok)).toEqual([]);
    const fs = findingsOf((ds) => {
      ds.agreements[0]!.indicators = [{ id: 'A1', goal: 'G9', name: 'a', measure: { type: 'count' } }];
    });
    expectError(fs, 'dangling-reference', 'agreements[0].indicators[0].goal', 'no goal "G9" in agreement pk-2025 or plan renstra-2021-2026');
  });

  it('responsible units exist in organization.units, only when units are given', () => {
    expect(errors(findingsOf((ds) => set(ds, 'plans[0].indicators[0].responsibleUnits', ['u-x'])))).toEqual([]);
    const fs = findingsOf((ds) => {
      ds.organization = { units: [{ id: 'u-1', name: 'Bidang', kind: 'bidang', parent: 'u-0' }] };
      set(ds, 'plans[0].indicators[0].responsibleUnits', ['u-1', 'u-x']);
    });
    expectError(fs, 'dangling-reference', 'plans[0].indicators[0].responsibleUnits[1]', 'no unit "u-x" in organization.units');
    expectError(fs, 'dangling-reference', 'organization.units[0].parent', 'no unit "u-0" in organization.units');
    expect(fs.some((f) => f.where === 'plans[0].indicators[0].responsibleUnits[0]')).toBe(false);
  });

  it('indicator decrees exist, and a decree plan exists', () => {
    const fs = findingsOf((ds) => {
      ds.decrees = [{ id: 'kep-iku', number: '188/1', title: 'IKU', plan: 'renstra-1999' }];
      set(ds, 'plans[0].indicators[0].decrees', ['kep-iku', 'kep-x']);
    });
    expectError(fs, 'dangling-reference', 'plans[0].indicators[0].decrees[1]', 'no decree "kep-x" in decrees');
    expectError(fs, 'dangling-reference', 'decrees[0].plan', 'no plan "renstra-1999"');
  });

  it('a plan starts no later than it ends', () => {
    const fs = findingsOf((ds) => set(ds, 'plans[0].endYear', 2020));
    expectError(fs, 'invalid-period', 'plans[0].endYear', 'endYear 2020 is before startYear 2021');
  });

  it('target years are within reason', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'plans[0].indicators[2].targets', { '1800': 1, '2025': 75, '2031': 80 });
    });
    expectError(fs, 'target-year-out-of-range', 'plans[0].indicators[2].targets["1800"]');
    const w = warnings(fs).find((f) => f.code === 'target-outside-plan-period');
    expect(w?.where).toBe('plans[0].indicators[2].targets["2031"]');
  });

  it('derived indicators count indicators that exist', () => {
    const fs = findingsOf((ds) => {
      ds.plans[0]!.indicators!.push({
        id: 'SHARE',
        goal: 'T1',
        name: 'Persentase indikator tercapai',
        measure: { type: 'derived', rule: 'shareAchieved', of: [`${FIXTURE_PLAN}/UMM`, `${FIXTURE_PLAN}/NOPE`, 'p1-k1-s1/OUT1', 'bad'] },
        targets: { '2025': 100 },
      });
    });
    expectError(fs, 'dangling-reference', 'plans[0].indicators[3].measure.of[1]', 'no indicator "NOPE" in plan renstra-2021-2026');
    expectError(fs, 'invalid-reference', 'plans[0].indicators[3].measure.of[3]');
    expect(fs.some((f) => f.where.endsWith('.of[0]') || f.where.endsWith('.of[2]'))).toBe(false);
  });
});

// ---------------------------------------------------------------- agreements

describe('agreements', () => {
  it('the exact message of a row naming an indicator its plan lacks', () => {
    const ds = minimalDataset();
    ds.agreements.push({ ...structuredClone(ds.agreements[0]!), id: 'pk-2024', year: 2024 });
    ds.agreements[1]!.rows.push({ goal: 'S1', indicator: 'UMX', target: 1 });
    const r = validateDocument(ds);
    const f = r.findings.find((x) => x.where === 'agreements[1].rows[3].indicator' && x.severity === 'error');
    expect(f).toEqual({
      severity: 'error',
      code: 'dangling-reference',
      where: 'agreements[1].rows[3].indicator',
      message: 'no indicator "UMX" in plan renstra-2021-2026',
      localized: { id: 'tidak ada indikator "UMX" dalam Renstra renstra-2021-2026' },
    });
  });

  it("a row's goal resolves", () => {
    const fs = findingsOf((ds) => set(ds, 'agreements[0].rows[0].goal', 'S7'));
    expectError(fs, 'dangling-reference', 'agreements[0].rows[0].goal', 'no goal "S7" in plan renstra-2021-2026');
  });

  it('rows may use what the agreement adds and, in an amendment, what the amended agreement adds', () => {
    const fs = findingsOf((ds) => {
      ds.agreements[0]!.indicators = [{ id: 'AWARDS', goal: 'S1', name: 'Penghargaan', measure: { type: 'count' } }];
      ds.agreements[0]!.rows.push({ goal: 'S1', indicator: 'AWARDS', target: 2 });
      ds.agreements.push({ ...structuredClone(ds.agreements[0]!), id: 'pk-2025-p', kind: 'amendment', amends: 'pk-2025', indicators: [] });
      ds.realizations.push({ indicator: 'pk-2025/AWARDS', year: 2025, value: 3 });
    });
    expect(errors(fs)).toEqual([]);
  });

  it('the plan exists and is a Renstra', () => {
    expectError(findingsOf((ds) => set(ds, 'agreements[0].plan', 'renstra-x')), 'dangling-reference', 'agreements[0].plan', /no plan "renstra-x"/);
    const fs = findingsOf((ds) => {
      ds.plans.push(rpjmd());
      set(ds, 'agreements[0].plan', 'rpjmd-2021-2026');
    });
    expectError(fs, 'invalid-reference', 'agreements[0].plan', /is an RPJMD/);
  });

  it('an amendment names an agreement of the same year', () => {
    const add = (ds: Dataset, amends: string | undefined): void => {
      const a = { ...structuredClone(ds.agreements[0]!), id: 'pk-2025-perubahan', kind: 'amendment' as const };
      if (amends !== undefined) a.amends = amends;
      ds.agreements.push(a);
    };
    expectError(findingsOf((ds) => add(ds, undefined)), 'missing-field', 'agreements[1].amends');
    expectError(findingsOf((ds) => add(ds, 'pk-2030')), 'dangling-reference', 'agreements[1].amends', 'no agreement "pk-2030"');
    const other = findingsOf((ds) => {
      set(ds, 'agreements[0].year', 2024);
      set(ds, 'agreements[0].rows[0].target', 65);
      add(ds, 'pk-2025');
      set(ds, 'agreements[1].year', 2025);
    });
    expectError(other, 'invalid-reference', 'agreements[1].amends', /pk-2025 is of 2024; an amendment amends an agreement of the same year \(2025\)/);
    expect(errors(findingsOf((ds) => add(ds, 'pk-2025')))).toEqual([]);
  });

  it('an original amends nothing', () => {
    const fs = findingsOf((ds) => set(ds, 'agreements[0].amends', 'pk-2024'));
    expectError(fs, 'unexpected-field', 'agreements[0].amends');
  });

  it('a text target is a category label of a category indicator', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'agreements[0].rows[0].target', '70');
      set(ds, 'agreements[0].rows[1].target', 'Juara 5');
    });
    expectError(fs, 'invalid-target', 'agreements[0].rows[0].target', /expected a number, got string "70"/);
    expectError(fs, 'invalid-target', 'agreements[0].rows[1].target', /"Juara 5" is not a category of indicator renstra-2021-2026\/AWD/);
    // a number target for a category indicator is allowed (its score)
    expect(errors(findingsOf((ds) => set(ds, 'agreements[0].rows[1].target', 100)))).toEqual([]);
  });

  it('budget lines name program-level nodes', () => {
    const fs = findingsOf((ds) => {
      ds.agreements[0]!.budget.push({ program: 'p9', amount: 1, source: 'APBD' }, { program: 'p1-k1', amount: 1, source: 'APBD' });
    });
    expectError(fs, 'dangling-reference', 'agreements[0].budget[1].program', 'no program node "p9"');
    expectError(fs, 'invalid-reference', 'agreements[0].budget[2].program', /p1-k1 is a kegiatan/);
  });

  it("a target that differs from the plan's is a warning with both numbers", () => {
    const fs = findingsOf((ds) => set(ds, 'agreements[0].rows[0].target', 72));
    expect(errors(fs)).toEqual([]);
    const w = warnings(fs);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'target-differs-from-plan', where: 'agreements[0].rows[0].target' });
    expect(w[0]!.message).toContain('72');
    expect(w[0]!.message).toContain('70');
    // a warning does not make the document invalid
    const ds = minimalDataset();
    ds.agreements[0]!.rows[0]!.target = 72;
    expect(validateDocument(ds).kind).toBe('dataset');
  });
});

// ---------------------------------------------------------------- program nodes

describe('program nodes', () => {
  it('a parent exists', () => {
    expectError(findingsOf((ds) => set(ds, 'programs[1].parent', 'p9')), 'dangling-reference', 'programs[1].parent', 'no program node "p9"');
  });

  it('kegiatan sit under programs and subkegiatan under kegiatan', () => {
    const fs = findingsOf((ds) => set(ds, 'programs[2].parent', 'p1'));
    expectError(fs, 'invalid-nesting', 'programs[2].parent', /a subkegiatan sits under a kegiatan, but p1 is a program/);
  });

  it('a kegiatan or subkegiatan without parent is an error; a program has none', () => {
    const fs = findingsOf((ds) => {
      del(ds, 'programs[1].parent');
      set(ds, 'programs[0].parent', 'p1-k1');
    });
    expectError(fs, 'missing-parent', 'programs[1].parent');
    expectError(fs, 'invalid-nesting', 'programs[0].parent');
  });

  it('parents form no cycle', () => {
    const fs = findingsOf((ds) => set(ds, 'programs[1].parent', 'p1-k1-s1'));
    expectError(fs, 'cycle', 'programs[1].parent', /p1-k1 → p1-k1-s1 → p1-k1/);
  });

  it('supports name indicators of a plan or an agreement', () => {
    const fs = findingsOf((ds) => {
      ds.programs[1]!.supports = [
        { indicator: `${FIXTURE_PLAN}/NOPE` },
        { indicator: 'p1-k1-s1/OUT1' },
        { indicator: 'pk-2025/UMM', share: 0.5 },
        { indicator: 'UMM' },
      ];
    });
    expectError(fs, 'dangling-reference', 'programs[1].supports[0].indicator', 'no indicator "NOPE" in plan renstra-2021-2026');
    expectError(fs, 'invalid-reference', 'programs[1].supports[1].indicator', /indicator of program node p1-k1-s1/);
    expect(fs.some((f) => f.where === 'programs[1].supports[2].indicator')).toBe(false);
    expectError(fs, 'invalid-reference', 'programs[1].supports[3].indicator');
  });
});

// ---------------------------------------------------------------- realizations

describe('realizations', () => {
  it('the indicator resolves (plan, agreement or node indicator)', () => {
    const fs = findingsOf((ds) => {
      ds.realizations.push(
        { indicator: `${FIXTURE_PLAN}/UMX`, year: 2025, value: 1 },
        { indicator: 'nobody/UMM', year: 2025, value: 1 },
        { indicator: 'pk-2025/SAKIP', year: 2025, value: 1 },
      );
    });
    expectError(fs, 'dangling-reference', 'realizations[4].indicator', 'no indicator "UMX" in plan renstra-2021-2026');
    expectError(fs, 'dangling-reference', 'realizations[5].indicator', /no plan, agreement or program node "nobody"/);
    expectError(fs, 'dangling-reference', 'realizations[6].indicator', /write "renstra-2021-2026\/SAKIP"/);
  });

  it('at most one per indicator, year and period; the duplicate names both positions', () => {
    const fs = findingsOf((ds) => {
      ds.realizations.push({ indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, period: 'Y', value: 80 });
      ds.realizations.push({ indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, period: 'Q1', value: 20 });
      ds.realizations.push({ indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2024, value: 70 });
    });
    const dup = errors(fs).filter((f) => f.code === 'duplicate-realization');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.where).toBe('realizations[4]');
    expect(dup[0]!.message).toContain('realizations[2]');
    expect(dup[0]!.message).toContain('realizations[4]');
  });

  it('a ratio realization gives a value, both parts, or a status', () => {
    const fs = findingsOf((ds) => set(ds, 'realizations[0]', { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, numerator: 65 }));
    expectError(fs, 'ratio-realization-incomplete', 'realizations[0]', /only the numerator/);
    const withStatus = findingsOf((ds) =>
      set(ds, 'realizations[0]', { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, status: 'no-data', note: 'BPS belum merilis data' }),
    );
    expect(withStatus).toEqual([]);
  });

  it('a status without a note is a warning', () => {
    const fs = findingsOf((ds) => set(ds, 'realizations[2]', { indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, status: 'postponed' }));
    expect(errors(fs)).toEqual([]);
    expect(warnings(fs)).toEqual([expect.objectContaining({ code: 'status-without-note', where: 'realizations[2].note' })]);
  });

  it.each([
    [65, 1000, 6.5, false],
    [1, 3, 33.33, false],
    [1, 3, 33.3, false],
    [1, 3, 33, false],
    [1, 3, 33.34, true],
    [2, 3, 66.67, false],
    [2, 3, 66.66, true],
    [1, 8, 12.5, false],
    [1, 8, 13, false], // 12.5 rounds half up to 13
    [1, 8, 12, true],
  ])('ratio %d/%d with value %d: mismatch %s (compared at the value’s printed precision)', (numerator, denominator, value, mismatch) => {
    const fs = findingsOf((ds) => set(ds, 'realizations[0]', { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, numerator, denominator, value }));
    const w = fs.filter((f) => f.code === 'ratio-value-mismatch');
    expect(w.length > 0).toBe(mismatch);
    if (mismatch) {
      expect(w[0]).toMatchObject({ severity: 'warning', where: 'realizations[0].value' });
      expect(w[0]!.message).toContain(String(value));
    }
  });

  it('the factor of the measure is used', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'plans[0].indicators[0].measure.factor', 1000);
      set(ds, 'realizations[0].value', 65);
    });
    expect(fs.filter((f) => f.code === 'ratio-value-mismatch')).toEqual([]);
  });

  it('category labels exist in the indicator', () => {
    const fs = findingsOf((ds) => {
      set(ds, 'realizations[1].category', 'Juara 4');
      ds.realizations.push({ indicator: `${FIXTURE_PLAN}/AWD`, year: 2024, categories: ['Juara 1', 'Harapan'] });
      ds.realizations.push({ indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2024, category: 'Juara 1' });
    });
    expectError(fs, 'invalid-category', 'realizations[1].category', /"Juara 4" is not a category/);
    expectError(fs, 'invalid-category', 'realizations[4].categories[1]');
    expectError(fs, 'invalid-category', 'realizations[5].category', /not a category indicator/);
  });
});

// ---------------------------------------------------------------- other references

describe('other references', () => {
  it('benchmarks name an indicator', () => {
    const fs = findingsOf((ds) => {
      ds.benchmarks = [
        { indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, value: 71, source: 'RPJMN' },
        { indicator: `${FIXTURE_PLAN}/X`, year: 2025, value: 71, source: 'RPJMN' },
      ];
    });
    expectError(fs, 'dangling-reference', 'benchmarks[1].indicator', 'no indicator "X" in plan renstra-2021-2026');
    expect(fs.some((f) => f.where.startsWith('benchmarks[0]'))).toBe(false);
  });

  it('expenditure lines name an existing node and parent line', () => {
    const fs = findingsOf((ds) => {
      ds.expenditures = [
        { id: 'ops', year: 2025, name: 'Belanja Operasi', ceiling: 10 },
        { id: 'atk', year: 2025, name: 'ATK', ceiling: 5, parent: 'ops', node: 'p1-k1-s1' },
        { id: 'x', year: 2025, name: 'X', ceiling: 5, parent: 'opx', node: 'p7' },
      ];
    });
    expectError(fs, 'dangling-reference', 'expenditures[2].parent', 'no expenditure line "opx"');
    expectError(fs, 'dangling-reference', 'expenditures[2].node', 'no program node "p7"');
    expect(fs.some((f) => f.where.startsWith('expenditures[1]'))).toBe(false);
  });

  it('an activity list names an existing node', () => {
    const fs = findingsOf((ds) => {
      ds.activities = [{ id: 'l', title: 'Fasilitasi', node: 'p1-k9', rows: [{ name: 'a', realization: 1 }] }];
    });
    expectError(fs, 'dangling-reference', 'activities[0].node', 'no program node "p1-k9"');
  });

  it('narrative analyses name a goal, an indicator, a plan, an agreement or a node', () => {
    const fs = findingsOf((ds) => {
      ds.narrative = {
        analyses: [
          { subject: `${FIXTURE_PLAN}/S1` },
          { subject: `${FIXTURE_PLAN}/UMM` },
          { subject: 'pk-2025/UMM' },
          { subject: 'p1' },
          { subject: 'p1-k1-s1/OUT1' },
          { subject: FIXTURE_PLAN },
          { subject: 'pk-2025' },
          { subject: `${FIXTURE_PLAN}/ZZ` },
        ],
      };
    });
    expect(errors(fs).map((f) => f.where)).toEqual(['narrative.analyses[7].subject']);
  });

  it('a narrative per year: a list with distinct years, at most one undated; analyses checked in each', () => {
    const ok = findingsOf((ds) => {
      ds.narrative = [{ foreword: 'untuk tahun lain' }, { year: 2025, foreword: 'a' }, { year: 2026, foreword: 'b', analyses: [{ subject: `${FIXTURE_PLAN}/UMM` }] }];
    });
    expect(errors(ok)).toEqual([]);
    // the single form may carry a year too (it then applies to that year only)
    expect(errors(findingsOf((ds) => (ds.narrative = { year: 2025, foreword: 'a' })))).toEqual([]);

    const fs = findingsOf((ds) => {
      ds.narrative = [
        { year: 2025, foreword: 'a' },
        { year: 2026, foreword: 'b', analyses: [{ subject: `${FIXTURE_PLAN}/ZZ` }] },
        { year: 2025, foreword: 'c' },
        { foreword: 'tanpa tahun' },
        { conclusions: 'juga tanpa tahun' },
      ];
    });
    const dup = expectError(fs, 'duplicate-narrative-year', 'narrative[2].year', 'a narrative of the year 2025 is already given at narrative[0]; each report year has one narrative');
    expect(dup.localized?.id).toBe('narasi tahun 2025 sudah ada di narrative[0]; setiap tahun laporan memiliki satu narasi');
    const missing = expectError(fs, 'narrative-without-year', 'narrative[4].year', /narrative at narrative\[3\] has none either/);
    expect(missing.localized?.id).toMatch(/^narasi ini tidak memiliki tahun, begitu pula narasi di narrative\[3\]/);
    expectError(fs, 'dangling-reference', 'narrative[1].analyses[0].subject', /no goal, indicator, plan, agreement or program node "renstra-2021-2026\/ZZ"/);
    expect(errors(fs)).toHaveLength(3);
  });

  it('a narrative refers to tables by the id of what they show, never by a typed number', () => {
    const fs = findingsOf((ds) => {
      ds.activities = [{ id: 'pelatihan', title: 'Daftar Kegiatan Fasilitasi Pelatihan', rows: [{ name: 'Pelatihan', realization: 3 }] }];
      ds.narrative = {
        conclusions: 'Pelatihan terlaksana ({{tabel:pelatihan}}); lihat juga {{tabel:pameran}}.',
        analyses: [{ subject: FIXTURE_PLAN, drivers: ['Fasilitasi pelatihan (Tabel 3.7)'] }],
      };
    });
    const unknown = expectError(fs, 'unknown-table-reference', 'narrative.conclusions', '{{tabel:pameran}} names no activity list; expected the id of one of: pelatihan');
    expect(unknown.localized?.id).toBe('{{tabel:pameran}} tidak menunjuk daftar kegiatan mana pun; seharusnya id salah satu dari: pelatihan');
    expect(errors(fs)).toHaveLength(1);
    const typed = warnings(fs).find((f) => f.code === 'literal-table-number');
    expect(typed?.where).toBe('narrative.analyses[0].drivers[0]');
    expect(typed?.message).toMatch(/^"Tabel 3\.7" is a number typed into the prose/);
  });

  it('a narrative per year: a list in a region names the agency in its paths', () => {
    const ds = minimalDataset();
    ds.narrative = [{ year: 2025 }, { year: 2025 }];
    const fs = validateRegion({ format: 'kinerja-region/1', region: 'Kabupaten Contoh', agencies: [ds] }).findings;
    expectError(fs, 'duplicate-narrative-year', 'agencies[0].narrative[1].year', /already given at agencies\[0\]\.narrative\[0\]/);
  });

  it('a narrative per year: a year that is not a year, or a list of text, fails the schema where it is', () => {
    const fs = validateDocument({ ...minimalDataset(), narrative: [{ year: 2025 }, { year: '2026' }] }).findings;
    expectError(fs, 'wrong-type', 'narrative[1].year');
    expect(fs.filter((f) => f.severity === 'error')).toHaveLength(1);
    const listOfText = validateDocument({ ...minimalDataset(), narrative: ['Kata pengantar'] }).findings;
    expect(errors(listOfText).map((f) => f.where)).toEqual(['narrative[0]']);
  });

  it('claims name their subject as the spec lists', () => {
    const ok = ['agency', 'pk-2025', 'pk-2025/UMM', `${FIXTURE_PLAN}/UMM`, 'p1', 'p1-k1-s1/OUT1', 'expenditures/atk', 'staffing/r1', 'assets/a1', 'activities/l1'];
    const bad = ['pk-2025/NOPE', `${FIXTURE_PLAN}/NOPE`, 'expenditures/zz', 'staffing/zz', 'assets/zz', 'activities/zz', 'nothing', 'p9/OUT1'];
    const fs = findingsOf((ds) => {
      ds.expenditures = [{ id: 'atk', year: 2025, name: 'ATK', ceiling: 5 }];
      ds.organization = {
        staffing: { asOf: '2025-12-31', rows: [{ id: 'r1', positionClass: 'x', needed: {}, filled: {}, male: 1, female: 1 }] },
        assets: { asOf: '2025-12-31', rows: [{ id: 'a1', name: 'Mobil', condition: { good: 1 } }] },
      };
      ds.activities = [{ id: 'l1', title: 'Daftar', rows: [] }];
      ds.claims = [...ok, ...bad].map((subject) => ({ where: 'Tabel 1', subject, quantity: 'total', value: 1 }));
    });
    expect(errors(fs).map((f) => f.where)).toEqual(bad.map((_s, i) => `claims[${ok.length + i}].subject`));
  });
});

// ---------------------------------------------------------------- regions

describe('regions', () => {
  const agency = (code: string): Dataset => {
    const ds = minimalDataset();
    ds.agency.code = code;
    return ds;
  };

  it('a valid region gives back the parsed region', () => {
    const region = { format: 'kinerja-region/1', region: 'Kabupaten Contoh', agencies: [agency('opd-001'), agency('opd-002')] };
    const r = validateDocument(region);
    expect(r.kind).toBe('region');
    if (r.kind === 'region') expect(r.region).toEqual(region);
  });

  it("each agency is validated with paths under agencies[i]", () => {
    const bad = agency('opd-002');
    bad.agreements[0]!.rows[0]!.indicator = 'UMX';
    (bad.realizations[0] as unknown as Json).value = '6,5';
    const r = validateRegion({ format: 'kinerja-region/1', region: 'Kabupaten Contoh', agencies: [agency('opd-001'), bad] });
    expect(r.region).toBeUndefined();
    expectError(r.findings, 'dangling-reference', 'agencies[1].agreements[0].rows[0].indicator', 'no indicator "UMX" in plan renstra-2021-2026');
    expectError(r.findings, 'wrong-type', 'agencies[1].realizations[0].value', 'expected a number, got string "6,5"');
  });

  it('agency ids are unique within the region', () => {
    const r = validateDocument({ format: 'kinerja-region/1', region: 'X', agencies: [agency('opd-001'), agency('opd-002'), agency('opd-001')] });
    expect(r.kind).toBe('invalid');
    expectError(r.findings, 'duplicate-agency', 'agencies[2].agency', /"opd-001" is already used by agencies\[0\]/);
  });

  it("the region's own fields are checked", () => {
    const r = validateDocument({ format: 'kinerja-region/1', agencies: [agency('a')], regoin: 'x' });
    expectError(r.findings, 'missing-field', 'region');
    expectError(r.findings, 'unknown-field', 'regoin', /not part of Region/);
  });

  it('an agency of a later format is refused inside a region', () => {
    const r = validateDocument({ format: 'kinerja-region/1', region: 'X', agencies: [{ ...agency('a'), format: 'kinerja-dataset/2' }] });
    expectError(r.findings, 'unsupported-format', 'agencies[0].format');
  });
});

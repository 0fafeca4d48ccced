/**
 * The demo dataset (examples/diskopum-jember-2025.json): the Jember 2025 report converted
 * faithfully. These tests keep it valid and keep the properties the demo relies on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexDataset, resolveAgreementLocal } from '../src/core/dataset/model.js';
import { Dataset, type BudgetStage, type ProgramNode } from '../src/core/dataset/schema.js';
import { validateDocument } from '../src/core/dataset/validate.js';
import { measure } from '../src/core/measure/index.js';

const raw: unknown = JSON.parse(readFileSync(new URL('./diskopum-jember-2025.json', import.meta.url), 'utf8'));
const ds = Dataset.parse(raw);

/** A node's budget at a stage: its own entry, else the sum of its children's (measurement.md). */
function stageBudget(node: ProgramNode, stage: BudgetStage, children: Map<string, ProgramNode[]>, year = 2025): number | undefined {
  const own = node.budgets.filter((b) => b.year === year && b.stage === stage);
  if (own.length > 0) return own.reduce((s, b) => s + b.amount, 0);
  const kids = children.get(node.id) ?? [];
  const parts = kids.map((k) => stageBudget(k, stage, children, year)).filter((x): x is number => x !== undefined);
  return parts.length > 0 ? parts.reduce((s, x) => s + x, 0) : undefined;
}

describe('demo dataset: Diskopum Jember 2025', () => {
  it('parses against the schema and validates without errors', () => {
    const result = validateDocument(raw);
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(result.kind).toBe('dataset');
  });

  it('is the agency Diskopum of Kabupaten Jember', () => {
    expect(ds.agency.name).toBe('Dinas Koperasi dan Usaha Mikro');
    expect(ds.agency.region).toBe('Kabupaten Jember');
    expect(ds.agency.abbreviation).toBe('Diskopum');
  });

  it('has two agreements in 2025: the original and its amendment', () => {
    const of2025 = ds.agreements.filter((a) => a.year === 2025);
    expect(of2025.map((a) => [a.id, a.kind, a.plan])).toEqual([
      ['pk-2025', 'original', 'renstra-2021-2026'],
      ['pk-2025-perubahan', 'amendment', 'renstra-2025-2029'],
    ]);
    expect(of2025[1]?.amends).toBe('pk-2025');
    expect(of2025[0]?.secondParty.acting).toBe(true);
  });

  it('gives every agreement row a 2025 realization, a status that says why there is none, or a count from a list', () => {
    const idx = indexDataset(ds);
    const missing: string[] = [];
    for (const a of ds.agreements) {
      for (const row of a.rows) {
        const ref = resolveAgreementLocal(idx, a, row.indicator, 'indicators');
        expect(ref, `${a.id} row ${row.indicator}`).toBeDefined();
        if (idx.indicators.get(ref!)?.indicator.measure.type === 'countOf') continue; // computed from its list, nothing entered
        const r = ds.realizations.find((x) => x.indicator === ref && x.year === 2025 && (x.period ?? 'Y') === 'Y');
        const given =
          r !== undefined &&
          (r.value !== undefined || (r.numerator !== undefined && r.denominator !== undefined) || r.category !== undefined || (r.status !== undefined && (r.note ?? '') !== ''));
        if (!given) missing.push(`${a.id}/${row.indicator}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('adds the program tree up to the printed revised total 26.796.144.571,60', () => {
    const idx = indexDataset(ds);
    const top = ds.programs.filter((n) => n.parent === undefined);
    expect(top).toHaveLength(6);
    const revised = top.map((n) => stageBudget(n, 'revised', idx.children) ?? 0).reduce((s, x) => s + x, 0);
    expect(revised).toBeCloseTo(26796144571.6, 2);
    // the shift stage is what the original agreement's budget lines state, program by program
    const pk = ds.agreements.find((a) => a.id === 'pk-2025');
    for (const line of pk?.budget ?? []) {
      const node = idx.nodes.get(line.program);
      expect(node && stageBudget(node, 'shift', idx.children), line.program).toBe(line.amount);
    }
  });

  it('measures both agreements; the agreed award count from the three awards of 2025; only the printed 222,29 % share (out of its range, not scored) is unmeasured', () => {
    const result = measure(ds, 2025);
    expect(result.agreements.map((a) => a.id)).toEqual(['pk-2025', 'pk-2025-perubahan']);
    for (const a of result.agreements) {
      for (const row of a.rows) {
        expect(row.target, row.indicator).not.toBeNull();
        if (row.indicator === 'pk-2025/AWARDS') expect(row).toMatchObject({ realization: 3, target: 1, achievement: 300, realizationPeriod: 'computed' });
        if (row.indicator === 'renstra-2025-2029/KOP_FASILITASI') {
          // 1.905 facilitation events ÷ 857 active cooperatives: kept as printed, marked, never scored
          expect(row).toMatchObject({ achievement: null, predicate: null, unmeasured: 'out of range' });
          expect(row.realization).toBeCloseTo((1905 / 857) * 100, 10);
          continue;
        }
        expect(row.realization, row.indicator).not.toBeNull();
        expect(typeof row.achievement, row.indicator).toBe('number');
      }
    }
    expect(result.budget.final).toBeCloseTo(26796144571.6, 2);
  });

  it('counts 2 of the 6 program indicators achieved: the printed 4 of 6 also counted p2/IND1 (548 %) and p5/IND1 (124 %), shares above 100 % kept as printed and not scored', () => {
    const result = measure(ds, 2025);
    const pipt = result.agreements.find((a) => a.id === 'pk-2025')?.rows.find((r) => r.indicator === 'renstra-2021-2026/PIPT');
    expect(pipt?.realization).toBeCloseTo((2 / 6) * 100, 10);
    const programs = result.programIndicators.filter((r) => r.indicator === 'p2/IND1' || r.indicator === 'p5/IND1');
    expect(programs.map((r) => [r.indicator, r.realization, r.unmeasured])).toEqual([
      ['p2/IND1', 548, 'out of range'],
      ['p5/IND1', 124, 'out of range'],
    ]);
    // the printed 4/6 is entered as PIPT's realization: it now differs from the computed one, and says so
    expect(result.findings.some((f) => f.code === 'derived-realization-differs' && f.where === 'agreements[0].rows[0]')).toBe(true);
  });

  it('keeps the report’s printed figures as a large body of claims', () => {
    expect(ds.claims?.length ?? 0).toBeGreaterThanOrEqual(500);
  });
});

describe('demo dataset: what the printed LKIP has beside its tables (issue 11)', () => {
  const m = measure(ds, 2025);

  it('measures the goal-level indicators of both Renstra against their 2025 targets', () => {
    const row = (ref: string) => m.planIndicators.find((r) => r.indicator === ref);
    expect([row('renstra-2021-2026/NILAI_SAKIP')?.target, row('renstra-2021-2026/NILAI_SAKIP')?.realization, row('renstra-2021-2026/NILAI_SAKIP')?.predicate]).toEqual([84, 87.24, 'Sangat Tinggi']);
    expect([row('renstra-2021-2026/CAKUPAN')?.target, row('renstra-2021-2026/CAKUPAN')?.realization, row('renstra-2021-2026/CAKUPAN')?.achieved]).toEqual([7175, 21094, true]);
    // printed "-": no realization, unmeasured with the reason
    expect(row('renstra-2025-2029/PDRB_DAGANG')?.achievement).toBeNull();
    expect(row('renstra-2025-2029/PDRB_DAGANG')?.unmeasured).toBe('no data');
  });

  it('records the April shift and the revision’s Perda, the reporting basis of the two agreements, and the two decrees’ text', () => {
    expect(ds.budgetStages?.map((n) => [n.year, n.stage, n.month ?? n.date ?? null])).toEqual([
      [2025, 'shift', '2025-04'],
      [2025, 'revised', null],
    ]);
    expect(ds.budgetStages?.[1]?.legalBasis).toMatch(/^Peraturan Daerah Kabupaten Jember Nomor 4 Tahun 2025 /);
    expect(ds.agreements.find((a) => a.id === 'pk-2025-perubahan')?.reportingBasis).toMatch(/^Surat Menteri PANRB Nomor B\/37\/AA\.01\/2025 tanggal 14 November 2025 /);
    const withText = (ds.decrees ?? []).filter((d) => d.provisions?.length);
    expect(withText.map((d) => [d.id, d.considering?.length, d.recalling?.length, d.provisions?.map((p) => p.label).join(' ')])).toEqual([
      ['kep-iku-2024', 1, 10, 'KESATU KEDUA KETIGA KEEMPAT KELIMA KEENAM'],
      ['kep-iku-2025', 1, 10, 'KESATU KEDUA KETIGA KEEMPAT KELIMA KEENAM'],
    ]);
  });

  it('classes the three Belanja Modal lines as capital: 127.163.000, the printed Belanja Modal', () => {
    const capital = (ds.expenditures ?? []).filter((l) => l.year === 2025 && l.class === 'capital' && !l.parent);
    expect(capital.reduce((s, l) => s + l.ceiling, 0)).toBe(127163000);
  });
});

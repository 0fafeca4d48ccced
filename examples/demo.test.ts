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

  it('measures every row of both agreements; the agreed award count from the three awards of 2025', () => {
    const result = measure(ds, 2025);
    expect(result.agreements.map((a) => a.id)).toEqual(['pk-2025', 'pk-2025-perubahan']);
    for (const a of result.agreements) {
      for (const row of a.rows) {
        expect(row.target, row.indicator).not.toBeNull();
        if (row.indicator === 'pk-2025/AWARDS') expect(row).toMatchObject({ realization: 3, target: 1, achievement: 300, realizationPeriod: 'computed' });
        expect(row.realization, row.indicator).not.toBeNull();
        expect(typeof row.achievement, row.indicator).toBe('number');
      }
    }
    expect(result.budget.final).toBeCloseTo(26796144571.6, 2);
  });

  it('reproduces the printed 4 of 6 program indicators achieved from the six counted indicators', () => {
    const result = measure(ds, 2025);
    const pipt = result.agreements.find((a) => a.id === 'pk-2025')?.rows.find((r) => r.indicator === 'renstra-2021-2026/PIPT');
    expect(pipt?.realization).toBeCloseTo((4 / 6) * 100, 10);
  });

  it('keeps the report’s printed figures as a large body of claims', () => {
    expect(ds.claims?.length ?? 0).toBeGreaterThanOrEqual(500);
  });
});

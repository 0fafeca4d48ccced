import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requestPlace } from './labels.js';
import { indexDataset, resolveAgreementLocal } from './dataset/model.js';
import { Dataset } from './dataset/schema.js';
import { createLabels, parsePath, periodLabel } from './labels.js';

const demo = Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
const labels = createLabels(demo);
/** what a label must never hold: a dataset path, an array index, an owner/local reference */
const ID_LIKE = /\w\[\d+\]|\b[a-z]+(?:-[a-z0-9]+)+\/[A-Za-z0-9_]+|\b(?:renstra|rpjmd|pk)-\d{4}/;

describe('labels', () => {
  it('names periods the Indonesian way', () => {
    expect(periodLabel('Q3', 2025).id).toBe('Triwulan III 2025');
    expect(periodLabel('S1', 2025).id).toBe('Semester I 2025');
    expect(periodLabel('Y', 2025).id).toBe('Tahun 2025');
    expect(periodLabel(undefined, 2025).en).toBe('year 2025');
  });

  it('names an indicator, a program node and an agreement by what a reader knows', () => {
    const r = demo.realizations[0]!;
    const name = labels.ref(r.indicator);
    expect(name).not.toBeNull();
    expect(name!.id).not.toMatch(ID_LIKE);
    const node = demo.programs.find((p) => p.code)!;
    expect(labels.ref(node.id)!.id).toBe(`${node.code} ${node.name}`);
    const amendment = demo.agreements.find((a) => a.kind === 'amendment')!;
    expect(labels.ref(amendment.id)!.id).toBe(`Perjanjian Kinerja Perubahan Tahun ${amendment.year}`);
    expect(labels.ref('no-such-thing')).toBeNull();
  });

  it('turns every path of the demo into words without ids or indexes', () => {
    const paths = [
      ...demo.agreements.flatMap((a, i) => a.rows.map((_, j) => `agreements[${i}].rows[${j}].target`)),
      ...demo.realizations.map((_, i) => `realizations[${i}].numerator`),
      ...demo.programs.map((_, i) => `programs[${i}].budgets[0].amount`),
      ...demo.plans.flatMap((p, i) => (p.indicators ?? []).map((_, j) => `plans[${i}].indicators[${j}].targets`)),
    ];
    expect(paths.length).toBeGreaterThan(100);
    for (const p of paths) {
      const l = labels.path(p);
      expect(l.id, p).not.toMatch(ID_LIKE);
      expect(l.id, p).not.toMatch(/undefined|null|NaN/);
    }
    const ag = demo.agreements[0]!;
    const row = ag.rows[3]!;
    const rowName = labels.ref(resolveAgreementLocal(indexDataset(demo), ag, row.indicator, 'indicators')!);
    expect(labels.path('agreements[0].rows[3].target').id).toBe(
      `Perjanjian Kinerja${ag.kind === 'amendment' ? ' Perubahan' : ''} Tahun ${ag.year}, baris 4 (${rowName?.id ?? ''}), target`,
    );
    const r = demo.realizations[9]!;
    expect(labels.path('realizations[9].numerator').id).toMatch(/^realisasi (Triwulan|Semester|Tahun) .* — .+, pembilang$/);
    expect(labels.path(`realizations[9].numerator`).id).toContain(labels.ref(r.indicator)!.id);
  });

  it('names records of the audit log', () => {
    const r = demo.realizations.find((x) => x.period === 'Q2') ?? demo.realizations[0]!;
    const key = `${r.indicator}@${r.year}${r.period ? `/${r.period}` : ''}`;
    const l = labels.record('realization', key);
    expect(l.id).toContain(labels.ref(r.indicator)!.id);
    expect(l.id).not.toMatch(ID_LIKE);
    expect(labels.record('score', '2025').id).toBe('Nilai SAKIP 2025');
    expect(labels.record('narrative', 'narrative@2025').id).toBe('narasi tahun 2025');
    expect(labels.record('agency', 'diskopum').id).toBe(demo.agency.name);
    expect(labels.record('indicator', 'renstra-2025-2029/GONE').id).not.toMatch(ID_LIKE);
  });

  it('names the places of the differences since a report was issued', () => {
    const plan = demo.plans.find((p) => (p.indicators ?? []).length > 0)!;
    const ind = plan.indicators![0]!;
    const l = labels.diffPath(`plans[id=${plan.id}].indicators[id=${ind.id}].targets.2025`);
    expect(l.id).toBe(`${plan.title}, ${ind.name}, 2025`);
    const r = demo.realizations[0]!;
    const rl = labels.diffPath(`realizations[indicator=${r.indicator}, year=${r.year}, period=Q2].value`);
    expect(rl.id).toContain('Triwulan II');
    expect(rl.id).toContain(labels.ref(r.indicator)!.id);
    expect(rl.id.endsWith(', nilai')).toBe(true);
    expect(labels.diffPath('claims[3].value').id).toBe('angka tercetak 4, nilai');
  });

  it('parses both path notations', () => {
    expect(parsePath('agreements[0].rows[4].target')).toEqual(['agreements', 0, 'rows', 4, 'target']);
    expect(parsePath('/agreements/0/rows/4')).toEqual(['agreements', 0, 'rows', 4]);
  });
});

describe('a place in a request in words', () => {
  it('names the field, never the path', () => {
    expect(requestPlace('params.year')).toEqual({ en: 'year', id: 'tahun' });
    expect(requestPlace('body.username')).toEqual({ en: 'login name', id: 'nama pengguna' });
    expect(requestPlace('body.indicator.targets["2027"]')).toEqual({ en: 'indicator, targets, 2027', id: 'indikator, target, 2027' });
    expect(requestPlace('body.rows[2].target')).toEqual({ en: 'rows, item 3, target', id: 'baris, butir 3, target' });
    expect(requestPlace('body')).toEqual({ en: 'the form', id: 'isian' });
  });
});

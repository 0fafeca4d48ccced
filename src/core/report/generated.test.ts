/**
 * The builders on synthetic datasets (every measure, both polarities, amendments, quarterly
 * realizations, statuses): every document is sound and agrees with the measurement.
 */
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../dataset/generate.js';
import type { Table } from '../document/model.js';
import { measure } from '../measure/index.js';
import { review } from '../review/index.js';
import { buildAgreement } from './agreement.js';
import { buildLkip } from './lkip.js';
import { buildReviewDocument } from './review-doc.js';
import { documentProblems, tableGrid } from './walk.js';

const CASES = [
  { seed: 1, indicators: 8, years: 5, agreementsPerYear: 1 as const },
  { seed: 2, indicators: 12, years: 3, agreementsPerYear: 2 as const },
  { seed: 3, indicators: 1, years: 1, agreementsPerYear: 1 as const },
  { seed: 4, indicators: 6, years: 4, agreementsPerYear: 2 as const, firstYear: 2022 },
];

describe('report builders on generated datasets', () => {
  for (const opts of CASES) {
    it(`builds sound documents for ${JSON.stringify(opts)}`, () => {
      const ds = generateDataset(opts);
      const first = opts.firstYear ?? 2021;
      for (let year = first; year < first + opts.years; year++) {
        const doc = buildLkip(ds, year);
        expect(documentProblems(doc), `LKIP ${year}`).toEqual([]);
        const m = measure(ds, year);
        for (const a of m.agreements) {
          const t = doc.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === 'table' && b.id === `capaian-${a.id}`);
          expect(t, `${a.id}`).toBeDefined();
          const grid = tableGrid(t?.body ?? []);
          expect(grid).toHaveLength(a.rows.length);
          // rows are grouped by goal: each goal's cell spans one run of rows
          const goals = grid.map((r) => r[1]);
          const runs = goals.filter((c, i) => c !== goals[i - 1]);
          expect(new Set(runs).size).toBe(runs.length);
          expect(runs).toHaveLength(new Set(a.rows.map((r) => r.goal)).size);
        }
        expect(documentProblems(buildReviewDocument(ds, year, review(ds, year))), `review ${year}`).toEqual([]);
      }
      for (const a of ds.agreements) expect(documentProblems(buildAgreement(ds, a.id)), a.id).toEqual([]);
    });
  }
});

/** Pieces of the server that need no database: versions, the measurement's schema, the dashboard. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../core/dataset/validate.js';
import type { Dataset } from '../core/dataset/schema.js';
import { measure } from '../core/measure/index.js';
import { agencyDashboard, regionDashboard } from './commands/dashboard.js';
import { DEMO_FILE } from './demo.js';
import { MeasureResultSchema } from './measure-schema.js';
import { canonicalJson, versionOf } from './versions.js';

const demo = async (): Promise<Dataset> => {
  const r = validateDocument(JSON.parse(await readFile(DEMO_FILE, 'utf8')));
  if (r.kind !== 'dataset') throw new Error('demo invalid');
  return r.dataset;
};

describe('versions', () => {
  it('do not depend on key order, and change with any value', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(versionOf({ a: 1, b: 2 })).toBe(versionOf({ b: 2, a: 1 }));
    expect(versionOf({ a: 1, b: 2 })).not.toBe(versionOf({ a: 1, b: 3 }));
    expect(versionOf({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
    expect(versionOf({ a: 1, b: undefined })).toBe(versionOf({ a: 1 }));
  });
});

describe('the measurement schema', () => {
  it('describes the demo measurement exactly (strict objects) for every year it has data', async () => {
    const ds = await demo();
    for (const year of [2022, 2023, 2024, 2025, 2026]) {
      const r = MeasureResultSchema.safeParse(JSON.parse(JSON.stringify(measure(ds, year))));
      expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
    }
  });
});

describe('dashboards', () => {
  it('the demo 2025: the amendment is in force; counts, standing and programs follow from the measurement', async () => {
    const ds = await demo();
    const m = measure(ds, 2025);
    const d = agencyDashboard(ds, m, { id: 'diskopum', region: 'Kabupaten Jember', today: '2026-01-15' });
    expect(d.current).toBe('pk-2025-perubahan');
    const current = m.agreements.at(-1)!;
    expect(d.counts.rows).toBe(current.summary.rows);
    expect(d.counts.achieved + d.counts.notAchieved + d.counts.unmeasured).toBe(d.counts.rows);
    const measured = current.rows.filter((r) => r.achievement !== null);
    // the headline counts rows per predicate; the mean caps each achievement at 100 % first, so the
    // 529,25 % of one row (now unscored: out of its range) could not hide the 7,32 % "Sangat Rendah" of another (uncapped: 257,74 %)
    expect(d.standing.headline.id).toBe('4 indikator: 2 Sangat Tinggi, 1 Sangat Rendah, 1 belum terukur');
    expect(d.standing.headline.en).toBe('4 indicators: 2 Sangat Tinggi, 1 Sangat Rendah, 1 not measured');
    expect(d.standing.cap).toBe(100);
    expect(d.standing.achievement).toBeCloseTo(measured.reduce((s, r) => s + Math.min(r.achievement!, 100), 0) / measured.length, 10);
    expect(d.standing.mean?.id).toBe('rata-rata capaian (setiap capaian dibatasi 100%) 69,11% dari 3 indikator terukur');
    expect(d.standing.predicate).toBe('Sedang');
    expect(d.programs.map((p) => p.id)).toEqual(ds.programs.filter((n) => !n.parent).map((n) => n.id));
    expect(d.programs.reduce((s, p) => s + (p.final ?? 0), 0)).toBeCloseTo(m.budget.final!, 2);
    expect(d.counts.realizations.approved).toBe(ds.realizations.filter((r) => r.year === 2025).length);
    // the demo's recommendations have no due dates: none is overdue
    expect(d.counts.recommendations).toEqual({ total: 9, open: 9, overdue: 0 });
  });

  it('the region: totals are the sums of its agencies', async () => {
    const ds = await demo();
    const m = measure(ds, 2025);
    const other = structuredClone(ds);
    other.agreements = [];
    const r = regionDashboard('Kabupaten Jember', 2025, [
      { id: 'diskopum', dataset: ds, measurement: m },
      { id: 'kosong', dataset: other, measurement: measure(other, 2025) },
    ], { today: '2026-01-15' });
    expect(r.totals.agencies).toBe(2);
    expect(r.totals.unrated).toBe(1);
    expect(r.totals.byPredicate.reduce((n, p) => n + p.count, 0)).toBe(1);
    expect(r.totals.budget.final).toBeCloseTo(2 * m.budget.final!, 2);
    expect(r.agencies[1]).toMatchObject({ id: 'kosong', agreement: null, predicate: null });
  });
});

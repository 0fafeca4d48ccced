import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset } from './dataset/schema.js';
import { diffImport, placeOf } from './import-diff.js';

const load = () => Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
const ID_LIKE = /\w\[\d+\]|\b[a-z]+(?:-[a-z0-9]+)+\/[A-Za-z0-9_]+|=|@\d{4}/;

describe('what an import would change', () => {
  it('nothing, for the same data', () => {
    const d = diffImport(load(), load());
    expect(d).toEqual({ entities: [], lost: [], unchanged: true });
  });

  it('names each thing added, removed and changed, per kind, and what the app changed that the file loses', () => {
    const stored = load();
    const file = load();
    // in the app: a realization entered (not in the file) and another changed (the file has the old value)
    const r0 = stored.realizations[0]!;
    stored.realizations.push({ indicator: r0.indicator, year: 2026, period: 'Q1', value: 12, state: 'draft' });
    const r1 = stored.realizations[1]!;
    const changedValue = { ...r1, value: (r1.value ?? 0) + 1 };
    stored.realizations[1] = changedValue;
    // in the file: a recommendation removed, a plan indicator added, a node's name changed
    file.evaluation!.recommendations = file.evaluation!.recommendations!.slice(1);
    const plan = file.plans.find((p) => (p.indicators ?? []).length > 0)!;
    plan.indicators!.push({ ...plan.indicators![0]!, id: 'BARU', name: 'Indikator baru dari berkas' });
    const node = file.programs.find((p) => p.level === 'kegiatan')!;
    node.name = `${node.name} (ganti nama)`;

    const key1 = `${r1.indicator}@${r1.year}/${r1.period ?? 'Y'}`;
    const key2 = `${r0.indicator}@2026/Q1`;
    const d = diffImport(stored, file, new Set([`realization:${key1}`, `realization:${key2}`]));
    expect(d.unchanged).toBe(false);
    const by = Object.fromEntries(d.entities.map((e) => [e.entity, e]));
    expect(by['indicators']!.added.map((i) => i.name.id)).toEqual([`${plan.title}, Indikator baru dari berkas`]);
    expect(by['recommendations']!.removed).toHaveLength(1);
    expect(by['recommendations']!.removed[0]!.name.id).toMatch(/^rekomendasi /);
    expect(by['programs']!.changed.map((i) => i.name.id)).toEqual([`${node.code ? `${node.code} ` : ''}${node.name.replace(' (ganti nama)', '')}`]);
    expect(by['realizations']!.removed.map((i) => i.name.id)).toEqual([expect.stringMatching(/^realisasi Triwulan I 2026 — /)]);
    expect(by['realizations']!.changed).toHaveLength(1);
    // both realizations the app changed are named as lost
    expect(d.lost.map((l) => [l.entity, l.how])).toEqual([
      ['realizations', 'changed'],
      ['realizations', 'removed'],
    ]);
    for (const e of d.entities) for (const i of [...e.added, ...e.removed, ...e.changed]) expect(i.name.id, JSON.stringify(i)).not.toMatch(ID_LIKE);
  });

  it('lists a new agency by what it brings', () => {
    const d = diffImport(undefined, load());
    const by = Object.fromEntries(d.entities.map((e) => [e.entity, e]));
    expect(by['plans']!.added.length).toBe(load().plans.length);
    expect(by['realizations']!.added.length).toBe(load().realizations.length);
    expect(d.lost).toEqual([]);
  });

  it('places differences under the thing they belong to', () => {
    expect(placeOf('plans[id=renstra].indicators[id=UM].targets.2025')).toMatchObject({ entity: 'indicators', key: 'renstra/UM', whole: false });
    expect(placeOf('realizations[indicator=renstra/UM, year=2025, period=Q2].value')).toMatchObject({ entity: 'realizations', key: 'renstra/UM@2025/Q2' });
    expect(placeOf('evaluation.scores[year=2024]')).toMatchObject({ entity: 'scores', key: '2024', whole: true });
    expect(placeOf('agency.address')).toMatchObject({ entity: 'profile' });
  });
});

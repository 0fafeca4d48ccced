import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { narrativeFor } from '../dataset/model.js';
import { validateDataset } from '../dataset/validate.js';
import { hasErrors } from '../findings.js';
import { EditError } from './common.js';
import { setNarrative } from './narrative.js';

const one = () => {
  const ds = minimalDataset();
  ds.narrative = { place: 'Jember', foreword: 'Pengantar 2025', signedOn: '2026-02-19' };
  return ds;
};

describe('setNarrative', () => {
  it('without a year: replaces the one narrative, as in the first form', () => {
    const r = setNarrative(one(), { place: 'Jember', conclusions: 'Baik' });
    expect(r.key).toBe('narrative');
    expect(r.before).toEqual({ place: 'Jember', foreword: 'Pengantar 2025', signedOn: '2026-02-19' });
    expect(r.dataset.narrative).toEqual({ place: 'Jember', conclusions: 'Baik' });
  });

  it('with a year on a single undated narrative: a list, the undated one kept for the other years', () => {
    const ds = one();
    const r = setNarrative(ds, { place: 'Jember', foreword: 'Pengantar 2026', signedOn: '2027-02-15' }, 2026);
    expect(r.key).toBe('narrative@2026');
    // what the year read until now: the undated one (the version a client holds)
    expect(r.before).toEqual(ds.narrative);
    expect(r.after).toEqual({ year: 2026, place: 'Jember', foreword: 'Pengantar 2026', signedOn: '2027-02-15' });
    expect(r.dataset.narrative).toEqual([ds.narrative, r.after]);
    expect(narrativeFor(r.dataset, 2025)).toEqual(ds.narrative);
    expect(narrativeFor(r.dataset, 2026)?.foreword).toBe('Pengantar 2026');
    expect(hasErrors(validateDataset(r.dataset).findings)).toBe(false);
    expect(ds.narrative).toEqual({ place: 'Jember', foreword: 'Pengantar 2025', signedOn: '2026-02-19' }); // the input is not changed
  });

  it('with a year: replaces that year in place, adds a new year at the end; none at all gives a list of one', () => {
    const none = minimalDataset();
    delete none.narrative; // the fixture's narrative gives the causes; this one starts without any
    const a = setNarrative(none, { foreword: 'x' }, 2025);
    expect(a.before).toBeNull();
    expect(a.dataset.narrative).toEqual([{ year: 2025, foreword: 'x' }]);
    const b = setNarrative(a.dataset, { foreword: 'y' }, 2026);
    const c = setNarrative(b.dataset, { year: 2025, foreword: 'z' }, 2025);
    expect(c.before).toEqual({ year: 2025, foreword: 'x' });
    expect(c.dataset.narrative).toEqual([
      { year: 2025, foreword: 'z' },
      { year: 2026, foreword: 'y' },
    ]);
  });

  it('refuses a whole replacement of a list, and a body of another year', () => {
    const list = setNarrative(one(), { foreword: 'y' }, 2026).dataset;
    expect(() => setNarrative(list, { foreword: 'z' })).toThrow(EditError);
    try {
      setNarrative(list, { foreword: 'z' });
    } catch (e) {
      expect((e as EditError).code).toBe('year-required');
      expect((e as EditError).localized.id).toMatch(/^narasi disimpan per tahun laporan/);
    }
    expect(() => setNarrative(list, { year: 2025, foreword: 'z' }, 2026)).toThrow(/says the year 2025, but the year 2026 is being written/);
  });
});

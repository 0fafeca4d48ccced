/**
 * Builders of small datasets for the measurement tests (not used by the engine itself).
 * Each builder fills the fields the schema requires and takes the rest from `extra`.
 */
import type { Agreement, AgreementRow, Dataset, Indicator, Plan, ProgramNode, Realization } from '../dataset/schema.js';

export const PLAN = 'renstra';

export function indicator(id: string, fields: Partial<Indicator> = {}): Indicator {
  return { id, goal: 'S1', name: `Indikator ${id}`, measure: { type: 'value' }, ...fields };
}

export function plan(indicators: Indicator[], fields: Partial<Plan> = {}): Plan {
  return {
    id: PLAN,
    level: 'renstra',
    title: 'Renstra',
    startYear: 2021,
    endYear: 2026,
    goals: [
      { id: 'T1', kind: 'tujuan', statement: 'Tujuan' },
      { id: 'S1', kind: 'sasaran', statement: 'Sasaran 1', parent: 'T1' },
      { id: 'S2', kind: 'sasaran', statement: 'Sasaran 2', parent: 'T1' },
    ],
    indicators,
    ...fields,
  };
}

const person = { name: 'Nama', position: 'Jabatan' };

export function agreement(id: string, rows: AgreementRow[], fields: Partial<Agreement> = {}): Agreement {
  return {
    id,
    year: 2025,
    kind: 'original',
    plan: PLAN,
    signedOn: '2025-01-02',
    place: 'Jember',
    firstParty: person,
    secondParty: person,
    rows,
    budget: [],
    ...fields,
  };
}

export const row = (indicatorId: string, target: number | string, goal = 'S1'): AgreementRow => ({ goal, indicator: indicatorId, target });

export function node(id: string, fields: Partial<ProgramNode> = {}): ProgramNode {
  return { id, level: fields.parent ? 'kegiatan' : 'program', name: `Node ${id}`, budgets: [], ...fields };
}

export const real = (ind: string, year: number, fields: Partial<Realization> = {}): Realization => ({
  indicator: ind.includes('/') ? ind : `${PLAN}/${ind}`,
  year,
  ...fields,
});

export function dataset(fields: Partial<Dataset> = {}): Dataset {
  return {
    format: 'kinerja-dataset/1',
    agency: { name: 'Dinas Uji', region: 'Kabupaten Uji', head: person },
    plans: [],
    agreements: [],
    programs: [],
    realizations: [],
    ...fields,
  };
}

import { describe, expect, it } from 'vitest';
import { minimalDataset, FIXTURE_PLAN } from '../dataset/fixtures.js';
import type { Dataset, Realization } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import { registerDataset } from '../registers/fixtures.js';
import { DEFAULT_CALENDAR, dueDate, resolveCalendar, timeliness } from './calendar.js';
import { owedRealizations, worklistFor, type WorkAgency, type WorkUser } from './worklist.js';

const UMM = `${FIXTURE_PLAN}/UMM`;
const AWD = `${FIXTURE_PLAN}/AWD`;
const SAKIP = `${FIXTURE_PLAN}/SAKIP`;

/** The fixture with UMM entered by unit `bid-a`, the other two by the planner, and no realization yet. */
function dataset(realizations: Realization[] = []): Dataset {
  const ds = minimalDataset();
  ds.organization = { units: [{ id: 'bid-a', name: 'Bidang A', kind: 'bidang' }, { id: 'bid-b', name: 'Bidang B', kind: 'bidang' }] };
  ds.plans[0]!.indicators![0]!.responsibleUnits = ['bid-a'];
  ds.realizations = realizations;
  return ds;
}
const agency = (ds: Dataset, extra: Partial<WorkAgency> = {}): WorkAgency => ({ id: 'dinco', name: 'Dinas Contoh', dataset: ds, ...extra });
const operator: WorkUser = { role: 'operator', unitId: 'bid-a' };
const otherOperator: WorkUser = { role: 'operator', unitId: 'bid-b' };
const planner: WorkUser = { role: 'planner', unitId: null };
const head: WorkUser = { role: 'head', unitId: null };
const evaluator: WorkUser = { role: 'evaluator', unitId: null };
const admin: WorkUser = { role: 'admin', unitId: null };

describe('the reporting calendar', () => {
  it('puts a quarter due 10 days after its last day and the year on 31 January by default', () => {
    const cal = resolveCalendar();
    expect(dueDate(cal, 2025, 'Q1')).toBe('2025-04-10');
    expect(dueDate(cal, 2025, 'Q3')).toBe('2025-10-10');
    expect(dueDate(cal, 2025, 'Q4')).toBe('2026-01-10');
    expect(dueDate(cal, 2025, 'S1')).toBe('2025-07-10');
    expect(dueDate(cal, 2025, 'Y')).toBe('2026-01-31');
    expect(cal.graceDays).toBe(0);
    expect(cal.periods).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('takes each key from the agency, then the region, then the default', () => {
    const cal = resolveCalendar({ calendar: { dueDays: { Q3: 15 } } }, { calendar: { dueDays: { Q3: 20, Q1: 5 }, graceDays: 7, periods: ['S1', 'S2'] } });
    expect(cal.dueDays.Q3).toBe(15);
    expect(cal.dueDays.Q1).toBe(5);
    expect(cal.dueDays.Q2).toBe(DEFAULT_CALENDAR.dueDays.Q2);
    expect(cal.graceDays).toBe(7);
    expect(cal.periods).toEqual(['S1', 'S2']);
    expect(cal.recommendationNoticeDays).toBe(30);
  });

  it('is open while the period runs, due through the due date and the grace days, overdue after', () => {
    const cal = resolveCalendar(null, { calendar: { graceDays: 5 } });
    expect(timeliness(cal, 2025, 'Q3', '2025-09-30')).toEqual({ status: 'open' });
    expect(timeliness(cal, 2025, 'Q3', '2025-10-01')).toEqual({ status: 'due', daysLeft: 9, graceLeft: 5 });
    expect(timeliness(cal, 2025, 'Q3', '2025-10-10')).toEqual({ status: 'due', daysLeft: 0, graceLeft: 5 });
    expect(timeliness(cal, 2025, 'Q3', '2025-10-15')).toEqual({ status: 'due', daysLeft: -5, graceLeft: 0 });
    expect(timeliness(cal, 2025, 'Q3', '2025-10-16')).toEqual({ status: 'overdue', daysLate: 6 });
    // across a year's end and a leap day
    expect(timeliness(resolveCalendar(), 2023, 'Q4', '2024-03-01')).toEqual({ status: 'overdue', daysLate: 51 });
  });

  it('is a setting the dataset format accepts and refuses when wrong', () => {
    const ds = dataset();
    ds.settings = { calendar: { periods: ['S1', 'S2'], dueDays: { S1: 14, Y: 45 }, graceDays: 3, recommendationNoticeDays: 14 } };
    expect(validateDataset(ds).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const bad = dataset() as unknown as { settings: unknown };
    bad.settings = { calendar: { graceDays: -1, periods: ['Y'] } };
    const errors = validateDataset(bad).findings.filter((f) => f.severity === 'error').map((f) => f.where);
    expect(errors).toContain('settings.calendar.graceDays');
    expect(errors.some((w) => w.startsWith('settings.calendar.periods'))).toBe(true);
  });
});

describe('what an agency owes', () => {
  it('asks each row of the agreement in force for its quarters and the year, and nothing once the year is approved', () => {
    const owed = owedRealizations(dataset(), resolveCalendar(), '2025-10-20');
    expect(owed.filter((o) => o.ref === UMM).map((o) => o.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Y']);
    expect(new Set(owed.map((o) => o.ref))).toEqual(new Set([UMM, AWD, SAKIP]));
    const closed = owedRealizations(dataset([{ indicator: UMM, year: 2025, value: 6.5 }]), resolveCalendar(), '2025-10-20');
    expect(closed.filter((o) => o.ref === UMM).map((o) => o.period)).toEqual(['Y']);
    // a year not yet reached is not asked
    expect(owedRealizations(dataset(), resolveCalendar(), '2024-12-31')).toEqual([]);
  });

  it('asks nothing of an indicator counted from a register in that year (its realization is computed)', () => {
    const ds = registerDataset();
    ds.realizations = [];
    ds.plans[0]!.indicators![0]!.fromRegister = { since: 2025, count: { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] } };
    expect(owedRealizations(ds, resolveCalendar(), '2025-10-20').filter((o) => o.ref === UMM)).toEqual([]);
    ds.plans[0]!.indicators![0]!.fromRegister!.since = 2026;
    expect(owedRealizations(ds, resolveCalendar(), '2025-10-20').filter((o) => o.ref === UMM).map((o) => o.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Y']);
  });

  it("asks the periods of an indicator's own targets within the year instead of the calendar's", () => {
    const ds = dataset();
    ds.plans[0]!.indicators![2]!.periodTargets = { '2025': { S1: 30, S2: 75 } };
    const owed = owedRealizations(ds, resolveCalendar(), '2025-10-20');
    expect(owed.filter((o) => o.ref === SAKIP).map((o) => o.period)).toEqual(['S1', 'S2', 'Y']);
  });
});

describe('the worklist', () => {
  const at = '2025-10-22';

  it("gives the operator the realizations of their unit's indicators, overdue and due, saying what and why in Indonesian", () => {
    const w = worklistFor(operator, [agency(dataset())], at);
    expect(w.items.map((i) => [i.kind, i.period, i.status, i.daysLate])).toEqual([
      ['enter', 'Q1', 'overdue', 195],
      ['enter', 'Q2', 'overdue', 104],
      ['enter', 'Q3', 'overdue', 12],
    ]);
    const q3 = w.items[2]!;
    expect(q3.title.id).toBe('Realisasi Triwulan III 2025 — Persentase Usaha Mikro Mandiri');
    expect(q3.detail.id).toBe('terlambat 12 hari (jatuh tempo 10 Oktober 2025)');
    expect(q3.title.en).toBe('Q3 2025 realization — Persentase Usaha Mikro Mandiri');
    expect(q3.detail.en).toBe('12 days late (due 10 October 2025)');
    expect(q3.target).toEqual({ page: 'realizations', agency: 'dinco', year: 2025, indicator: UMM, period: 'Q3' });
    expect(w.counts).toEqual({ total: 3, overdue: 3, due: 0, waiting: 0, undated: 0 });
    // another unit's operator has nothing; the planner enters the indicators without a responsible unit
    expect(worklistFor(otherOperator, [agency(dataset())], at).items).toEqual([]);
    const p = worklistFor(planner, [agency(dataset())], at);
    expect(new Set(p.items.map((i) => i.indicator?.ref))).toEqual(new Set([AWD, SAKIP]));
    expect(worklistFor(head, [agency(dataset())], at).items).toEqual([]);
  });

  it('counts the grace days before an entry is overdue, and says how many are left', () => {
    const ds = dataset();
    ds.settings = { calendar: { graceDays: 5 } };
    const q3 = (today: string) => worklistFor(operator, [agency(ds)], today).items.find((i) => i.period === 'Q3' && i.year === 2025);
    expect(q3('2025-10-05')).toMatchObject({ status: 'due', daysLeft: 5, detail: { id: 'jatuh tempo 10 Oktober 2025 (5 hari lagi)' } });
    expect(q3('2025-10-10')).toMatchObject({ status: 'due', daysLeft: 0, detail: { id: 'jatuh tempo hari ini (10 Oktober 2025)' } });
    expect(q3('2025-10-13')).toMatchObject({ status: 'due', daysLate: 3, detail: { id: 'lewat 3 hari dari jatuh tempo 10 Oktober 2025, masih dalam masa tenggang (sisa 2 hari)' } });
    expect(q3('2025-10-16')).toMatchObject({ status: 'overdue', daysLate: 6, detail: { id: 'terlambat 6 hari (jatuh tempo 10 Oktober 2025)' } });
    // a quarter still running is not asked
    expect(q3('2025-09-30')).toBeUndefined();
  });

  it('follows a realization through the workflow: each role sees it while it waits for them, then it is gone', () => {
    const q3 = (state?: Realization['state']): Realization => ({ indicator: UMM, year: 2025, period: 'Q3', value: 6, ...(state ? { state } : {}) });
    const kinds = (user: WorkUser, r: Realization, returned: WorkAgency['returned'] = []) =>
      worklistFor(user, [agency(dataset([r]), { returned })], at)
        .items.filter((i) => i.period === 'Q3' && i.indicator?.ref === UMM)
        .map((i) => `${i.kind}:${i.state}:${i.status}`);

    expect(kinds(operator, q3('draft'))).toEqual(['enter:draft:overdue']);
    expect(worklistFor(operator, [agency(dataset([q3('draft')]))], at).items.find((i) => i.period === 'Q3')!.detail.id).toBe(
      'draf belum diajukan; terlambat 12 hari (jatuh tempo 10 Oktober 2025)',
    );
    expect(kinds(planner, q3('draft'))).toEqual([]);

    expect(kinds(operator, q3('submitted'))).toEqual([]);
    expect(kinds(planner, q3('submitted'))).toEqual(['verify:submitted:waiting']);
    expect(kinds(head, q3('submitted'))).toEqual([]);

    expect(kinds(planner, q3('verified'))).toEqual([]);
    expect(kinds(head, q3('verified'))).toEqual(['approve:verified:waiting']);
    const approve = worklistFor(head, [agency(dataset([q3('verified')]))], at).items[0]!;
    expect(approve.detail.id).toBe('diverifikasi, menunggu persetujuan Anda; realisasi ini jatuh tempo 10 Oktober 2025, sudah lewat 12 hari');
    expect(approve.detail.en).toBe('verified, waiting for your approval; the realization was due 10 October 2025, 12 days ago');

    for (const u of [operator, planner, head]) expect(kinds(u, q3('approved'))).toEqual([]);
  });

  it('shows a returned entry to its operator with the reason, and to the planner as waiting for correction', () => {
    const r: Realization = { indicator: UMM, year: 2025, period: 'Q3', value: 6, state: 'draft' };
    const returned = [{ key: `${UMM}@2025/Q3`, at: '2025-10-15T03:00:00.000Z', note: 'bukti belum dilampirkan' }];
    const op = worklistFor(operator, [agency(dataset([r]), { returned })], at).items.find((i) => i.period === 'Q3')!;
    expect(op).toMatchObject({ kind: 'enter', state: 'returned' });
    expect(op.detail.id).toBe('dikembalikan untuk diperbaiki: bukti belum dilampirkan; terlambat 12 hari (jatuh tempo 10 Oktober 2025)');
    const pl = worklistFor(planner, [agency(dataset([r]), { returned })], at).items.find((i) => i.indicator?.ref === UMM)!;
    expect(pl.kind).toBe('returned');
    // the unit by its name, never its id
    expect(pl.detail.id).toBe(
      'dikembalikan ke draf pada 15 Oktober 2025, menunggu perbaikan oleh Bidang A: bukti belum dilampirkan; realisasi ini jatuh tempo 10 Oktober 2025, sudah lewat 12 hari',
    );
    // once submitted again, the return is history
    const again = worklistFor(planner, [agency(dataset([{ ...r, state: 'submitted' }]), { returned })], at).items.filter((i) => i.indicator?.ref === UMM);
    expect(again.map((i) => i.kind)).toEqual(['verify']);
  });

  it("lists the recommendations due and overdue for the planner, and also the undated ones for the evaluator; the admin sees agencies behind", () => {
    const ds = dataset([
      { indicator: UMM, year: 2025, value: 6.5 },
      { indicator: AWD, year: 2025, category: 'Juara 2' },
      { indicator: SAKIP, year: 2025, value: 76 },
    ]);
    ds.evaluation = {
      recommendations: [
        { id: 'r1', no: 1, year: 2025, text: 'Menyusun pedoman teknis pengukuran kinerja', action: '', due: '2025-10-10', status: 'in-progress' },
        { id: 'r2', no: 2, year: 2025, text: 'Memperbaiki Renstra', action: '', due: '2025-11-01' },
        { id: 'r3', no: 3, year: 2025, text: 'Jauh', action: '', due: '2026-06-30' },
        { id: 'r4', no: 4, year: 2025, text: 'Selesai', action: '', due: '2025-01-01', status: 'done' },
        { id: 'r5', no: 5, year: 2025, text: 'Tanpa tenggat', action: '' },
      ],
    };
    const p = worklistFor(planner, [agency(ds)], at);
    expect(p.items.map((i) => [i.recommendation?.id, i.status, i.detail.id])).toEqual([
      ['r1', 'overdue', 'tindak lanjut terlambat 12 hari (batas waktu 10 Oktober 2025); tindak lanjut dalam proses'],
      ['r2', 'due', 'batas waktu 1 November 2025 (10 hari lagi); tindak lanjut terbuka'],
    ]);
    expect(p.items[0]!.title.id).toBe('Rekomendasi 1 (2025) — Menyusun pedoman teknis pengukuran kinerja');
    expect(p.items[0]!.target).toEqual({ page: 'evaluation', agency: 'dinco', recommendation: 'r1' });
    const e = worklistFor(evaluator, [agency(ds)], at);
    expect(e.items.map((i) => `${i.recommendation?.id}:${i.status}`)).toEqual(['r1:overdue', 'r2:due', 'r5:undated']);
    expect(worklistFor(head, [agency(ds)], at).items).toEqual([]);

    const late = agency(dataset(), { id: 'late', name: 'Dinas Terlambat' });
    const a = worklistFor(admin, [agency(ds), late], at);
    expect(a.items.map((i) => [i.agency.id, i.overdue])).toEqual([
      ['late', { realizations: 9, recommendations: 0 }],
      ['dinco', { realizations: 0, recommendations: 1 }],
    ]);
    expect(a.items[0]!.detail.id).toBe('9 realisasi terlambat');
    expect(a.items[0]!.title.id).toBe('Dinas Terlambat — tertinggal dari jadwal');
    expect(a.items[0]!.target).toEqual({ page: 'dashboard', agency: 'late', year: 2025 });
    // counts the caller kept (per revision and day) are used as given
    const kept = worklistFor(admin, [{ ...late, overdue: { realizations: 2, recommendations: 0 } }], at);
    expect(kept.items.map((i) => i.detail.id)).toEqual(['2 realisasi terlambat']);
  });
});

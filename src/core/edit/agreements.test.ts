import { describe, expect, it } from 'vitest';
import { minimalDataset, FIXTURE_AGREEMENT, FIXTURE_PLAN } from '../dataset/fixtures.js';
import { validateDataset } from '../dataset/validate.js';
import { hasErrors } from '../findings.js';
import { agreementFromPlan, amendAgreement, removeAgreement, targetDifferences, updateAgreement } from './agreements.js';

describe('agreementFromPlan', () => {
  it('prefills every plan indicator with a goal and a target for the year, with the plan target', () => {
    const ds = minimalDataset();
    const r = agreementFromPlan(ds, { plan: FIXTURE_PLAN, year: 2026, signedOn: '2026-01-05' });
    expect(r.key).toBe('pk-2026');
    expect(r.after).toMatchObject({
      id: 'pk-2026',
      year: 2026,
      kind: 'original',
      plan: FIXTURE_PLAN,
      place: 'Kota Contoh',
      firstParty: ds.agency.head,
      secondParty: ds.agreements[0]!.secondParty,
      rows: [{ goal: 'S1', indicator: 'UMM', target: 75 }],
      budget: [],
    });
    expect(hasErrors(validateDataset(r.dataset).findings)).toBe(false);
    expect(targetDifferences(r.dataset, r.after!)).toEqual([
      { indicator: 'UMM', ref: `${FIXTURE_PLAN}/UMM`, target: 75, planTarget: 75, difference: 0 },
    ]);
  });

  it('refuses a taken id, a year outside the plan, and an indicator chosen without a target', () => {
    const ds = minimalDataset();
    expect(() => agreementFromPlan(ds, { plan: FIXTURE_PLAN, year: 2025, signedOn: '2025-01-05' })).toThrow(/"pk-2025" is already used/);
    expect(() => agreementFromPlan(ds, { plan: FIXTURE_PLAN, year: 2030, signedOn: '2030-01-05' })).toThrow(/outside plan/);
    expect(() => agreementFromPlan(ds, { plan: FIXTURE_PLAN, year: 2026, signedOn: '2026-01-05', indicators: ['AWD'] })).toThrow(/no target for 2026/);
    const none = { ...ds, agreements: [] };
    expect(() => agreementFromPlan(none, { plan: FIXTURE_PLAN, year: 2026, signedOn: '2026-01-05' })).toThrow(/needs its second party/);
  });
});

describe('amendAgreement and updateAgreement', () => {
  it('an amendment copies the rows and leaves the original as it was; differences are shown', () => {
    const ds = minimalDataset();
    const amended = amendAgreement(ds, FIXTURE_AGREEMENT, { signedOn: '2025-07-01' });
    expect(amended.key).toBe('pk-2025-perubahan');
    expect(amended.after).toMatchObject({ kind: 'amendment', amends: FIXTURE_AGREEMENT, rows: ds.agreements[0]!.rows });
    const rows = amended.after!.rows.map((r) => (r.indicator === 'UMM' ? { ...r, target: 72.5 } : r));
    const changed = updateAgreement(amended.dataset, 'pk-2025-perubahan', { rows });
    expect(changed.dataset.agreements[0]).toStrictEqual(ds.agreements[0]);
    expect(hasErrors(validateDataset(changed.dataset).findings)).toBe(false);
    const diffs = targetDifferences(changed.dataset, changed.after!);
    expect(diffs[0]).toEqual({ indicator: 'UMM', ref: `${FIXTURE_PLAN}/UMM`, target: 72.5, planTarget: 70, difference: 2.5 });
    expect(diffs[1]).toMatchObject({ target: 'Juara 1', planTarget: 100, difference: null });
    // a second amendment gets the next free id
    expect(amendAgreement(changed.dataset, FIXTURE_AGREEMENT, { signedOn: '2025-09-01' }).key).toBe('pk-2025-perubahan-2');
  });
});

describe('removeAgreement', () => {
  it('removes an agreement, refuses one that is amended, and names what is missing', () => {
    const ds = minimalDataset();
    const amended = amendAgreement(ds, FIXTURE_AGREEMENT, { signedOn: '2025-07-01' });
    expect(() => removeAgreement(amended.dataset, FIXTURE_AGREEMENT)).toThrow(/amended by pk-2025-perubahan; remove the amendment first/);
    const r = removeAgreement(amended.dataset, amended.key);
    expect(r.after).toBeNull();
    expect(r.before).toEqual(amended.after);
    expect(r.dataset.agreements.map((a) => a.id)).toEqual(ds.agreements.map((a) => a.id));
    expect(amended.dataset.agreements).toHaveLength(ds.agreements.length + 1);
    expect(() => removeAgreement(ds, 'pk-1999')).toThrow(/no agreement "pk-1999"/);
  });
});

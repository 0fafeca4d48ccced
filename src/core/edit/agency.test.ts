import { describe, expect, it } from 'vitest';
import { agencyId } from '../dataset/model.js';
import { minimalDataset } from '../dataset/fixtures.js';
import { validateDataset } from '../dataset/validate.js';
import { hasErrors } from '../findings.js';
import { updateAgencyProfile } from './agency.js';

describe('updateAgencyProfile', () => {
  it('changes the profile, clears optional fields with null, and keeps the region and the id', () => {
    const ds = minimalDataset();
    const id = agencyId(ds.agency);
    const withAddress = updateAgencyProfile(ds, { address: 'Jl. Contoh 1', tasks: ['Membantu Bupati'] }).dataset;
    const r = updateAgencyProfile(withAddress, {
      head: { name: 'Dr. Baru', position: 'Kepala Dinas Contoh' },
      address: null,
      phone: '0331-123',
    });
    expect(r.after).toMatchObject({ head: { name: 'Dr. Baru', position: 'Kepala Dinas Contoh' }, phone: '0331-123', tasks: ['Membantu Bupati'] });
    expect(r.after).not.toHaveProperty('address');
    expect(r.before).toHaveProperty('address', 'Jl. Contoh 1');
    expect(r.after!.region).toBe(ds.agency.region);
    expect(agencyId(r.dataset.agency)).toBe(id);
    expect(hasErrors(validateDataset(r.dataset).findings)).toBe(false);
    // the input is never mutated
    expect(withAddress.agency.address).toBe('Jl. Contoh 1');
  });

  it('ignores a region and refuses a change of the id or clearing a required field', () => {
    const ds = minimalDataset();
    const r = updateAgencyProfile(ds, { region: 'Elsewhere' } as never);
    expect(r.after!.region).toBe(ds.agency.region);
    const idField = { abbreviation: 'Lain' };
    expect(() => updateAgencyProfile(ds, idField)).toThrow(/id "/);
    expect(() => updateAgencyProfile(ds, { name: null })).toThrow(/cannot be cleared/);
    // the id comes from the abbreviation here: the name may change
    expect(updateAgencyProfile(ds, { name: 'Dinas Contoh Baru' }).after!.name).toBe('Dinas Contoh Baru');
  });
});

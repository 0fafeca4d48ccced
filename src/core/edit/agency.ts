/**
 * The agency's profile (name, head, address, tasks and functions, legal basis): what the
 * report's cover, Bab I and the agreements' first party print. Its identity stays: the
 * region and the id derived from the code, abbreviation or name (model.ts `agencyId`) cannot
 * change through an edit, because every stored record, account and publication names the
 * agency by that id.
 */
import { agencyId } from '../dataset/model.js';
import type { Agency, Dataset } from '../dataset/schema.js';
import { copy, EditError, type EditResult } from './common.js';

/** Every field of the profile but the region; `null` clears an optional field. */
export type AgencyChanges = { [K in Exclude<keyof Agency, 'region'>]?: Agency[K] | null };

const REQUIRED = new Set(['name', 'head']);

export function updateAgencyProfile(ds: Dataset, changes: AgencyChanges): EditResult<Agency> {
  const before = ds.agency;
  const after: Record<string, unknown> = { ...copy(before) };
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'region') continue;
    if (v === null && REQUIRED.has(k)) {
      throw new EditError('invalid', 'required', k, `the agency's ${k} cannot be cleared`, `isian ${k} perangkat daerah tidak boleh dikosongkan`);
    }
    if (v === null) delete after[k];
    else if (v !== undefined) after[k] = copy(v);
  }
  const agency = after as Agency;
  const id = agencyId(before);
  if (agencyId(agency) !== id) {
    const field = changes.code !== undefined ? 'code' : changes.abbreviation !== undefined ? 'abbreviation' : 'name';
    throw new EditError(
      'invalid',
      'agency-id-changes',
      field,
      `this change would make the agency's id "${agencyId(agency)}" instead of "${id}"; the id names the agency in every stored record, so it stays (export the dataset, change it and import it as a new agency instead)`,
      `perubahan ini akan mengubah id perangkat daerah menjadi "${agencyId(agency)}", bukan "${id}"; id menandai perangkat daerah di setiap data yang tersimpan sehingga tidak dapat diubah (sebagai gantinya, ekspor dataset, ubah, lalu impor sebagai perangkat daerah baru)`,
    );
  }
  const next = copy(ds);
  next.agency = agency;
  return { dataset: next, entity: 'agency', key: 'agency', before, after: agency };
}

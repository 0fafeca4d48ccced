/**
 * Backups kept by imports ("Cadangan"): every import and restore first keeps each agency it
 * replaces or removes as a snapshot, in its own transaction (store/snapshots.ts). The agency's
 * planner and the region's admin list them; the region's admin restores one — itself an import
 * of the snapshot, so the data it replaces is kept as a snapshot first, and it is audited.
 */
import { z } from 'zod';
import { agencyId as idOf } from '../../core/dataset/model.js';
import { validateDocument } from '../../core/dataset/validate.js';
import { createDatasetQueries } from '../../store/datasets.js';
import { createSnapshotQueries } from '../../store/snapshots.js';
import { appendAudit } from '../commands/audit.js';
import { forbidden, HttpError, notFound, text as t } from '../errors.js';
import * as agencyPolicy from '../policies/agency.js';
import { isRegionRole, type User } from '../policies/types.js';
import { defineRoute } from '../route.js';
import { SnapshotList, SnapshotSummary } from '../responses.js';
import { AgencyParams, named } from '../schemas.js';

const RegionParams = z.object({ region: z.string().min(1).describe('the region, e.g. Kabupaten Jember') });

function mayRestore(user: User, region: string): void {
  if (user.role === 'admin' && user.region === region) return;
  if (isRegionRole(user) && user.region !== region) throw notFound(t(`no region "${region}" (or none you may see)`, `tidak ada daerah "${region}" (atau yang boleh Anda lihat)`), 'params.region');
  throw forbidden(t("backups are restored by the region's admin", 'cadangan dipulihkan oleh admin daerah'));
}

export const agencySnapshots = defineRoute({
  id: 'snapshots.agency',
  method: 'get',
  path: '/api/agencies/:agency/snapshots',
  tag: 'import',
  summary: "The agency's backups, newest first: its data as it was before each import or restore replaced it (who, when, why)",
  auth: 'user',
  params: AgencyParams,
  response: SnapshotList,
  async handler({ deps, user, agency }) {
    if (!agencyPolicy.can(user, 'import', { agencyId: agency.id, region: agency.region })) {
      throw forbidden(t("backups are for the region's admin and the agency's planner", 'cadangan untuk admin daerah dan perencana perangkat daerah'));
    }
    return { snapshots: await createSnapshotQueries(deps.pool).list({ agencyId: agency.id }) };
  },
});

export const regionSnapshots = defineRoute({
  id: 'snapshots.region',
  method: 'get',
  path: '/api/regions/:region/snapshots',
  tag: 'import',
  summary: "The region's backups (its admin), newest first — also of agencies a pruning import removed",
  auth: 'user',
  params: RegionParams,
  response: SnapshotList,
  async handler({ deps, user, params }) {
    mayRestore(user, params.region);
    return { snapshots: await createSnapshotQueries(deps.pool).list({ region: params.region }) };
  },
});

export const restore = defineRoute({
  id: 'snapshots.restore',
  method: 'post',
  path: '/api/regions/:region/snapshots/:snapshot/restore',
  tag: 'import',
  summary: "Restore a backup (the region's admin): the agency's data becomes the snapshot's again, in one transaction; what it replaces is kept as a backup first; audited",
  auth: 'user',
  params: RegionParams.extend({ snapshot: z.coerce.number().int().positive().describe('the backup’s number') }),
  response: named(z.object({ restored: SnapshotSummary, agency: z.string() }), 'Restored'),
  async handler({ deps, user, params }) {
    mayRestore(user, params.region);
    const snap = await createSnapshotQueries(deps.pool).get(params.snapshot);
    if (!snap || snap.region !== params.region) throw notFound(t('no such backup in this region', 'cadangan tersebut tidak ada di daerah ini'), 'params.snapshot');
    const checked = validateDocument(snap.dataset);
    if (checked.kind !== 'dataset') {
      throw new HttpError(422, 'not-restorable', t('the backup is not a valid dataset under the current rules; restore refused, nothing changed', 'cadangan ini tidak lagi valid menurut aturan saat ini; pemulihan ditolak, tidak ada yang berubah'), {
        findings: checked.findings,
      });
    }
    const id = idOf(checked.dataset.agency);
    const before = await deps.cache.load(id).catch(() => undefined);
    await createDatasetQueries(deps.pool).importDataset(checked.dataset, { region: snap.region, snapshotBy: user.username, reason: 'restore' });
    const { dataset: _d, ...summary } = snap;
    await appendAudit(deps.pool, {
      actor: user,
      region: snap.region,
      agencyId: id,
      entity: 'agency',
      key: id,
      action: 'restore',
      before: before ? { name: before.dataset.agency.name, realizations: before.dataset.realizations.length } : null,
      after: { snapshot: snap.id, takenAt: snap.takenAt, takenBy: snap.takenBy, realizations: checked.dataset.realizations.length },
      note: `cadangan #${snap.id} (${snap.reason}, ${snap.takenAt})`,
    });
    return { restored: summary, agency: id };
  },
});

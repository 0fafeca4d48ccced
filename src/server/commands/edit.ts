/**
 * Running an edit of an agency's data (the write path of every route that changes a dataset):
 * lock, read as stored, authorize and apply a pure edit, check the version the client read,
 * validate the whole result, write it back, audit, commit — one transaction.
 */
import { putFiles, type StoredFile } from '../../store/files.js';
import type pg from 'pg';
import type { Dataset, Settings } from '../../core/dataset/schema.js';
import { validateDataset } from '../../core/dataset/validate.js';
import { EditError, ENTITY_ID, type EditResult } from '../../core/edit/common.js';
import type { Finding, Text } from '../../core/findings.js';
import { fromEditError, HttpError, notFound, text as t } from '../errors.js';
import type { User } from '../policies/types.js';
import { versionOf } from '../versions.js';
import { appendAudit } from './audit.js';
import { lockAgency, readForUpdate, transaction, writeAgency } from './store.js';

export interface EditContext {
  dataset: Dataset;
  region: string;
  regionSettings: Settings | undefined;
}

export interface EditRequest<T> {
  agencyId: string;
  user: User;
  /** what the audit log calls the change (`update`, `create`, `submit`, …) */
  action: string;
  /**
   * The version of the record the client read: required to change or remove an existing
   * record; `undefined` or `null` when creating one.
   */
  version?: string | null;
  /** Authorize (throw a 403 HttpError) and apply a pure edit; may throw EditError. */
  apply: (ctx: EditContext) => EditResult<T>;
  note?: string;
  /** file bytes the change refers to (an upload), stored in the same transaction */
  files?: readonly StoredFile[];
}

export interface EditOutcome<T> {
  result: EditResult<T>;
  /** the record's version after the change (`null` when it was removed) */
  version: string | null;
  /** validation warnings of the changed dataset (errors refuse the change) */
  warnings: Finding[];
  regionSettings: Settings | undefined;
}

/** 409 with the record as it is now, so the client can show it and merge. */
export function conflict<T>(current: T | null, message: Text, version: string | null = current === null ? null : versionOf(current)): HttpError {
  return new HttpError(409, 'version-conflict', message, { where: 'body.version', current: { record: current, version } });
}

/** `what` names the record in English and Indonesian (`realization …` / `realisasi …`). */
export function checkVersion<T>(before: T | null, sent: string | null | undefined, what: Text): void {
  if (before === null) {
    if (sent !== undefined && sent !== null) {
      throw conflict(null, t(`${what.en} no longer exists (it was removed after you read it)`, `${what.id} sudah tidak ada (dihapus setelah Anda membacanya)`));
    }
    return;
  }
  if (sent === undefined || sent === null) {
    throw conflict(
      before,
      t(
        `${what.en} already exists: send the version you read (the current one is in "current") to change it`,
        `${what.id} sudah ada: kirim versi yang Anda baca (versi terkini ada di "current") untuk mengubahnya`,
      ),
    );
  }
  const now = versionOf(before);
  if (sent !== now) {
    throw conflict(
      before,
      t(
        `${what.en} was changed by someone else after you read it (version ${sent}, now ${now}); nothing was written`,
        `${what.id} telah diubah oleh pengguna lain setelah Anda membacanya (versi ${sent}, kini ${now}); tidak ada yang disimpan`,
      ),
    );
  }
}

export async function runEdit<T>(pool: pg.Pool, req: EditRequest<T>): Promise<EditOutcome<T>> {
  return transaction(pool, async (client) => {
    await lockAgency(client, req.agencyId);
    const stored = await readForUpdate(client, req.agencyId);
    if (!stored) throw notFound(t(`no agency "${req.agencyId}"`, `tidak ada perangkat daerah "${req.agencyId}"`), 'params.agency');
    let result: EditResult<T>;
    try {
      result = req.apply({ dataset: stored.dataset, region: stored.region, regionSettings: stored.regionSettings });
    } catch (e) {
      if (e instanceof EditError) throw fromEditError(e);
      throw e;
    }
    checkVersion(result.before, req.version, t(`${result.entity} ${result.key}`, `${ENTITY_ID[result.entity]} ${result.key}`));
    const { findings } = validateDataset(result.dataset);
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw new HttpError(
        422,
        'invalid-dataset',
        t(
          `the change would leave the agency's dataset invalid (${errors.length} error${errors.length === 1 ? '' : 's'}); nothing was written`,
          `perubahan ini akan membuat dataset perangkat daerah tidak valid (${errors.length} kesalahan); tidak ada yang disimpan`,
        ),
        { findings: errors },
      );
    }
    await writeAgency(client, req.agencyId, result.dataset, { region: stored.region, position: stored.position });
    if (req.files?.length) await putFiles(client, req.agencyId, req.files);
    await appendAudit(client, {
      actor: req.user,
      region: stored.region,
      agencyId: req.agencyId,
      entity: result.entity,
      key: result.key,
      action: req.action,
      before: result.before,
      after: result.after,
      ...(req.note !== undefined ? { note: req.note } : {}),
    });
    return {
      result,
      version: result.after === null ? null : versionOf(result.after),
      warnings: findings.filter((f) => f.severity !== 'error'),
      regionSettings: stored.regionSettings,
    };
  });
}

/** Helpers shared by the routes that change an agency's dataset. */
import type { EditResult } from '../../core/edit/common.js';
import type { Text } from '../../core/findings.js';
import type { ServerDeps } from '../deps.js';
import type { User } from '../policies/types.js';
import type { AgencyRef } from './store.js';
import { runEdit, type EditContext } from './edit.js';
import { forbidden } from '../errors.js';
import type { StoredFile } from '../../store/files.js';

export interface EditArgs<T> {
  action: string;
  version?: string | null;
  apply: (ctx: EditContext) => EditResult<T>;
  note?: string;
  /** file bytes the change refers to, stored in its transaction */
  files?: readonly StoredFile[];
}

/** Run an edit of the agency's dataset as `user`; returns the record after it and its version. */
export async function editAgency<T>(deps: ServerDeps, user: User, agency: AgencyRef, args: EditArgs<T>) {
  const outcome = await runEdit(deps.pool, {
    agencyId: agency.id,
    user,
    action: args.action,
    ...(args.version !== undefined ? { version: args.version } : {}),
    apply: args.apply,
    ...(args.note !== undefined ? { note: args.note } : {}),
    ...(args.files ? { files: args.files } : {}),
  });
  return { record: outcome.result.after, version: outcome.version, key: outcome.result.key, dataset: outcome.result.dataset, regionSettings: outcome.regionSettings };
}

/** Throw 403 unless `allowed`; the reason in English and Indonesian. */
export function allow(allowed: boolean, message: Text): void {
  if (!allowed) throw forbidden(message);
}

/**
 * A 409 version conflict: someone changed the record since it was read. The page keeps what the
 * user typed; this notice says so, shows the record as it is now (from the server's answer),
 * and offers to load the latest version without clearing the form.
 */
import { useI18n } from '../i18n.js';

export function ConflictNotice({ onReload, current, describe }: { onReload: () => void; current?: unknown; describe?: (record: unknown) => string }) {
  const { t } = useI18n();
  const record = (current as { record?: unknown } | undefined)?.record;
  return (
    <div className="conflict" role="alert" data-testid="conflict">
      <p>
        <strong>409</strong> — {t('error.conflict')}
      </p>
      {record !== undefined && record !== null && describe && <p className="small">{describe(record)}</p>}
      <button type="button" onClick={onReload}>
        {t('error.conflictReload')}
      </button>
    </div>
  );
}

/**
 * The signed-in user's own account: who they are, a new password (the server then ends every
 * session of the account, this one too) and signing out everywhere.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAuth, useUser } from '../auth.js';
import { fieldErrors } from '../components/forms.js';
import { Card, ErrorView } from '../components/ui.js';
import { ApiError } from '../http.js';
import { useAsync } from '../hooks.js';
import { useI18n, type MessageKey } from '../i18n.js';

export default function AccountPage() {
  const { t } = useI18n();
  const user = useUser();
  const { ended } = useAuth();
  // the agency and unit by their names, never their ids
  const profile = useAsync((signal) => (user.agencyId ? api.agency(user.agencyId, signal) : Promise.resolve(undefined)), [user.agencyId]);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [everywhereError, setEverywhereError] = useState<unknown>(null);
  const fe = fieldErrors(error, ['body']);
  // the server's 403 for a wrong current password, said in the interface's language at its field
  const wrongCurrent = error instanceof ApiError && error.code === 'invalid-credentials';

  async function changePassword(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    try {
      await api.changePassword(current, next);
      ended('account.passwordChanged');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  async function signOutEverywhere() {
    setEverywhereError(null);
    try {
      await api.signOutEverywhere();
      ended('account.signedOutEverywhere');
    } catch (err) {
      setEverywhereError(err);
    }
  }

  return (
    <div className="page account">
      <h1>{t('account.title')}</h1>
      <Card>
        <dl className="facts" data-testid="own-account">
          <dt>{t('account.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('account.username')}</dt>
          <dd>
            <code>{user.username}</code>
          </dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`role.${user.role}` as MessageKey)}</dd>
          {user.agencyId && (
            <>
              <dt>{t('account.agency')}</dt>
              <dd>
                <span data-testid="account-agency">{profile.data?.agency.name ?? '…'}</span>
                {user.unitId && (
                  <>
                    {' · '}
                    {t('account.unit')} {profile.data?.units.find((u) => u.id === user.unitId)?.name ?? '…'}
                  </>
                )}
              </dd>
            </>
          )}
          {user.region && (
            <>
              <dt>{t('account.region')}</dt>
              <dd>{user.region}</dd>
            </>
          )}
        </dl>
      </Card>
      <div className="grid2">
        <form noValidate className="card form" onSubmit={changePassword} aria-labelledby="pw-title">
          <h2 id="pw-title">{t('account.changePassword')}</h2>
          <p className="small muted">{t('account.changePasswordHelp')}</p>
          <label htmlFor="pw-current">{t('account.currentPassword')}</label>
          <input id="pw-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required {...fe.aria('currentPassword', 'pw-current')} />
          {wrongCurrent ? (
            <span id="pw-current-error" className="field-error" role="alert">
              {t('account.wrongCurrent')}
            </span>
          ) : (
            fe.show('currentPassword', 'pw-current')
          )}
          <label htmlFor="pw-new">{t('account.newPassword')}</label>
          <input id="pw-new" type="password" autoComplete="new-password" minLength={8} maxLength={200} value={next} onChange={(e) => setNext(e.target.value)} required {...fe.aria('newPassword', 'pw-new')} />
          {fe.show('newPassword', 'pw-new')}
          <label htmlFor="pw-repeat">{t('account.repeatPassword')}</label>
          <input
            id="pw-repeat"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
            {...(mismatch ? { 'aria-invalid': true, 'aria-describedby': 'pw-repeat-error' } : {})}
          />
          {mismatch && (
            <span id="pw-repeat-error" className="field-error">
              {t('account.mismatch')}
            </span>
          )}
          {error !== null && !wrongCurrent && <ErrorView error={error} />}
          <div className="toolbar">
            <button type="submit" className="primary" disabled={busy}>
              {t('account.changePassword')}
            </button>
          </div>
        </form>
        <Card title={t('account.everywhere')}>
          <p className="small">{t('account.everywhereHelp')}</p>
          {everywhereError !== null && <ErrorView error={everywhereError} />}
          <div className="toolbar">
            <button type="button" onClick={() => void signOutEverywhere()}>
              {t('account.everywhere')}
            </button>
          </div>
        </Card>
      </div>
    </div>
  );
}

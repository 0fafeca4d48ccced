/**
 * Accounts of the region, managed by its admin (routes/accounts.ts; the server refuses everyone
 * else): every account with its role and agency; a new account with a first password; a change
 * of name, role, agency and unit, disabling, or a new password (the server ends the account's
 * sessions for a new role, a new password or disabling).
 */
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { api, type Account, type AgencySummary, type Role, type Versioned } from '../api.js';
import { useUser } from '../auth.js';
import { checkForm, fieldErrors, SaveError, textOf, type FieldErrors } from '../components/forms.js';
import { Card, ErrorView, Loading, TableWrap } from '../components/ui.js';
import { formatDate } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';
import { ROLES } from '../../../src/server/policies/types.js';

const agencyRole = (r: Role) => r !== 'admin' && r !== 'evaluator';

/** A password's rules as the server has them (8 to 200 characters); `required` for a new account. */
function passwordRules(password: string, required: boolean) {
  return [
    { where: 'body.password', failed: required && password === '', en: 'Enter a first password.', id: 'Isi kata sandi awal.' },
    {
      where: 'body.password',
      failed: password !== '' && password.length < 8,
      en: `The password needs at least 8 characters (now ${password.length}).`,
      id: `Kata sandi paling sedikit 8 karakter (sekarang ${password.length}).`,
    },
    { where: 'body.password', failed: password.length > 200, en: 'The password may have at most 200 characters.', id: 'Kata sandi paling banyak 200 karakter.' },
  ];
}

/** An operator's unit by its name (from the agency's profile). */
function UnitName({ agencyId, unitId }: { agencyId: string; unitId: string }) {
  const units = useUnits(agencyId, true);
  return <>{units.data?.find((u) => u.id === unitId)?.name ?? '…'}</>;
}

export default function Accounts() {
  const { t, lang } = useI18n();
  const user = useUser();
  const data = useAsync(async (signal) => {
    const [accounts, agencies] = await Promise.all([api.accounts(signal), api.agencies(signal)]);
    return { accounts, agencies };
  }, []);
  const [editing, setEditing] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  if (data.status === 'error' && !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { accounts, agencies } = data.data;
  const agencyName = new Map(agencies.map((a) => [a.id, a.abbreviation ?? a.name]));

  return (
    <div className="page accounts">
      <h1>{t('accounts.title', { region: user.region ?? '' })}</h1>
      <Card>
        <TableWrap label={t('accounts.title', { region: user.region ?? '' })}>
          <table data-testid="accounts">
            <caption className="sr-only">{t('accounts.title', { region: user.region ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.username')}</th>
                <th scope="col">{t('account.name')}</th>
                <th scope="col">{t('account.role')}</th>
                <th scope="col">{t('account.agency')}</th>
                <th scope="col">{t('account.unit')}</th>
                <th scope="col">{t('account.status')}</th>
                <th scope="col">{t('account.createdAt')}</th>
                <th scope="col">{t('col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <Fragment key={a.record.id}>
                  <tr data-account={a.record.username} className={a.record.active ? '' : 'inactive'}>
                    <td>
                      <code>{a.record.username}</code>
                      {a.record.id === user.id && <span className="tag">{t('accounts.you')}</span>}
                    </td>
                    <td>{a.record.name}</td>
                    <td data-col="role">{t(`role.${a.record.role}` as MessageKey)}</td>
                    <td data-col="agency">{a.record.agencyId ? (agencyName.get(a.record.agencyId) ?? a.record.agencyId) : a.record.region ?? '—'}</td>
                    <td>{a.record.unitId && a.record.agencyId ? <UnitName agencyId={a.record.agencyId} unitId={a.record.unitId} /> : '—'}</td>
                    <td data-col="status">{a.record.active ? t('account.active') : <strong className="error-text">{t('account.inactive')}</strong>}</td>
                    <td className="small">{formatDate(a.record.createdAt, lang)}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-expanded={editing === a.record.id}
                        aria-label={`${t('accounts.edit')} ${a.record.username}`}
                        onClick={() => setEditing(editing === a.record.id ? null : a.record.id)}
                      >
                        ✎ {t('accounts.edit')}
                      </button>
                    </td>
                  </tr>
                  {editing === a.record.id && (
                    <tr className="edit-row">
                      <td colSpan={8}>
                        <EditAccount
                          view={a}
                          self={a.record.id === user.id}
                          agencies={agencies}
                          t={t}
                          onSaved={() => {
                            setEditing(null);
                            data.reload();
                          }}
                          onReload={data.reload}
                          loading={data.status === 'loading'}
                          onCancel={() => setEditing(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </Card>
      <CreateAccount
        agencies={agencies}
        t={t}
        onCreated={(login) => {
          setCreated(login);
          data.reload();
        }}
      />
      {created && (
        <p role="status" className="ok" data-testid="account-created">
          {t('accounts.created', { login: created })}
        </p>
      )}
    </div>
  );
}

/** The units of an agency, for an operator's account (from the agency's profile). */
function useUnits(agencyId: string, wanted: boolean) {
  return useAsync(async (signal) => (wanted && agencyId ? (await api.agency(agencyId, signal)).units : []), [agencyId, wanted]);
}

function ScopeFields(props: {
  idPrefix: string;
  role: Role;
  agencyId: string;
  unitId: string;
  onRole: (r: Role) => void;
  onAgency: (a: string) => void;
  onUnit: (u: string) => void;
  agencies: AgencySummary[];
  roleLocked: boolean;
  fe: FieldErrors;
  t: Translate;
}) {
  const { idPrefix: p, role, agencyId, unitId, onRole, onAgency, onUnit, agencies, roleLocked, fe, t } = props;
  const units = useUnits(agencyId, role === 'operator');
  return (
    <>
      <div>
        <label htmlFor={`${p}-role`}>{t('account.role')}</label>
        <select id={`${p}-role`} value={role} disabled={roleLocked} onChange={(e) => onRole(e.target.value as Role)} {...fe.aria('role', `${p}-role`)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}` as MessageKey)}
            </option>
          ))}
        </select>
        {roleLocked && <span className="small muted">{t('accounts.selfLocked')}</span>}
        {fe.show('role', `${p}-role`)}
      </div>
      {agencyRole(role) && (
        <div>
          <label htmlFor={`${p}-agency`}>{t('account.agency')}</label>
          <select id={`${p}-agency`} value={agencyId} onChange={(e) => onAgency(e.target.value)} required {...fe.aria('agencyId', `${p}-agency`)}>
            <option value="">—</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.abbreviation ? `${a.abbreviation} — ${a.name}` : a.name}
              </option>
            ))}
          </select>
          {fe.show('agencyId', `${p}-agency`)}
        </div>
      )}
      {role === 'operator' && (
        <div>
          <label htmlFor={`${p}-unit`}>{t('account.unit')}</label>
          <select id={`${p}-unit`} value={unitId} onChange={(e) => onUnit(e.target.value)} required disabled={!agencyId} {...fe.aria('unitId', `${p}-unit`)}>
            <option value="">—</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
            {unitId && units.data && !units.data.some((u) => u.id === unitId) && <option value={unitId}>{unitId}</option>}
          </select>
          <span className="small muted">{t('accounts.unitHelp')}</span>
          {fe.show('unitId', `${p}-unit`)}
        </div>
      )}
      {!agencyRole(role) && <p className="small muted">{t('accounts.regionRole')}</p>}
    </>
  );
}

function CreateAccount({ agencies, t, onCreated }: { agencies: AgencySummary[]; t: Translate; onCreated: (login: string) => void }) {
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [agencyId, setAgencyId] = useState(agencies.length === 1 ? agencies[0]!.id : '');
  const [unitId, setUnitId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = fieldErrors(error, ['body']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // the form's own check, in the interface's words (the browser's English bubbles are off: noValidate)
    const refused = checkForm([
      { where: 'body.username', failed: username.trim() === '', en: 'Enter a login name.', id: 'Isi nama pengguna.' },
      { where: 'body.name', failed: name.trim() === '', en: 'Enter the name.', id: 'Isi nama.' },
      { where: 'body.agencyId', failed: agencyRole(role) && !agencyId, en: 'Choose the agency.', id: 'Pilih perangkat daerah.' },
      { where: 'body.unitId', failed: role === 'operator' && !unitId, en: "Choose the operator's unit.", id: 'Pilih unit operator.' },
      ...passwordRules(password, true),
    ]);
    setError(refused);
    if (refused) return;
    setBusy(true);
    try {
      const res = await api.createAccount({
        username: username.trim(),
        name: name.trim(),
        ...(textOf(email) ? { email: email.trim() } : {}),
        role,
        ...(agencyRole(role) && agencyId ? { agencyId } : {}),
        ...(role === 'operator' && unitId ? { unitId } : {}),
        password,
      });
      setUsername('');
      setName('');
      setEmail('');
      setPassword('');
      onCreated(res.record.username);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="new-account-title" data-testid="new-account" noValidate>
      <h2 id="new-account-title">{t('accounts.new')}</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="na-username">{t('account.username')}</label>
          <input id="na-username" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} required {...fe.aria('username', 'na-username')} />
          <span className="small muted">{t('accounts.usernameHelp')}</span>
          {fe.show('username', 'na-username')}
          <label htmlFor="na-name">{t('account.name')}</label>
          <input id="na-name" value={name} onChange={(e) => setName(e.target.value)} required {...fe.aria('name', 'na-name')} />
          {fe.show('name', 'na-name')}
          <label htmlFor="na-email">{t('account.email')}</label>
          <input id="na-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} {...fe.aria('email', 'na-email')} />
          {fe.show('email', 'na-email')}
        </div>
        <div>
          <ScopeFields
            idPrefix="na"
            role={role}
            agencyId={agencyId}
            unitId={unitId}
            onRole={setRole}
            onAgency={(a) => {
              setAgencyId(a);
              setUnitId('');
            }}
            onUnit={setUnitId}
            agencies={agencies}
            roleLocked={false}
            fe={fe}
            t={t}
          />
          <label htmlFor="na-password">{t('accounts.initialPassword')}</label>
          <input id="na-password" type="password" autoComplete="new-password" minLength={8} maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} required {...fe.aria('password', 'na-password')} />
          <span className="small muted">{t('accounts.passwordHelp')}</span>
          {fe.show('password', 'na-password')}
        </div>
      </div>
      {error !== null && <ErrorView error={error} />}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {t('accounts.create')}
        </button>
      </div>
    </form>
  );
}

function EditAccount(props: {
  view: Versioned<Account>;
  self: boolean;
  agencies: AgencySummary[];
  t: Translate;
  onSaved: () => void;
  onReload: () => void;
  /** a reload is in flight: saving waits for the version it brings */
  loading: boolean;
  onCancel: () => void;
}) {
  const { view, self, agencies, t, onSaved, onReload, loading, onCancel } = props;
  const a = view.record;
  const [name, setName] = useState(a.name);
  const [role, setRole] = useState<Role>(a.role);
  const [agencyId, setAgencyId] = useState(a.agencyId ?? '');
  const [unitId, setUnitId] = useState(a.unitId ?? '');
  const [active, setActive] = useState(a.active);
  const [password, setPassword] = useState('');
  const [version, setVersion] = useState(view.version);
  // a reload after a conflict brings the current version; what the admin typed stays
  useEffect(() => setVersion(view.version), [view.version]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = fieldErrors(error, ['body']);
  const p = `ea-${a.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const refused = checkForm([
      { where: 'body.name', failed: name.trim() === '', en: 'Enter the name.', id: 'Isi nama.' },
      { where: 'body.agencyId', failed: agencyRole(role) && !agencyId, en: 'Choose the agency.', id: 'Pilih perangkat daerah.' },
      { where: 'body.unitId', failed: role === 'operator' && !unitId, en: "Choose the operator's unit.", id: 'Pilih unit operator.' },
      ...passwordRules(password, false),
    ]);
    setError(refused);
    if (refused) return;
    setBusy(true);
    try {
      await api.updateAccount(a.id, {
        version,
        name: name.trim(),
        role,
        agencyId: agencyRole(role) ? agencyId || null : null,
        unitId: role === 'operator' ? unitId || null : null,
        active,
        ...(password ? { password } : {}),
      });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={`${t('accounts.edit')} ${a.username}`} className="account-form" noValidate>
      <div className="form-grid">
        <div>
          <label htmlFor={`${p}-name`}>{t('account.name')}</label>
          <input id={`${p}-name`} value={name} onChange={(e) => setName(e.target.value)} required {...fe.aria('name', `${p}-name`)} />
          {fe.show('name', `${p}-name`)}
          <label className="check">
            <input type="checkbox" checked={active} disabled={self} onChange={(e) => setActive(e.target.checked)} {...fe.aria('active', `${p}-active`)} />
            {t('accounts.activeLabel')}
          </label>
          {fe.show('active', `${p}-active`)}
          <label htmlFor={`${p}-password`}>{t('accounts.setPassword')}</label>
          <input id={`${p}-password`} type="password" autoComplete="new-password" minLength={8} maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} {...fe.aria('password', `${p}-password`)} />
          <span className="small muted">{t('accounts.setPasswordHelp')}</span>
          {fe.show('password', `${p}-password`)}
        </div>
        <div>
          <ScopeFields
            idPrefix={p}
            role={role}
            agencyId={agencyId}
            unitId={unitId}
            onRole={setRole}
            onAgency={(x) => {
              setAgencyId(x);
              setUnitId('');
            }}
            onUnit={setUnitId}
            agencies={agencies}
            roleLocked={self}
            fe={fe}
            t={t}
          />
        </div>
      </div>
      <SaveError
        error={error}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy || loading}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The agency's profile: name, head, contact, tasks and functions, legal basis — what the
 * report's cover and Bab I and each new agreement's first party print. The agency's planner and
 * the region's admin change it; the region and the id (from code or abbreviation) stay.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, type Agency, type AgencyProfile, type Person } from '../api.js';
import { useUser } from '../auth.js';
import { fieldErrors, linesOf, SaveError } from '../components/forms.js';
import { Card, ErrorView, Loading } from '../components/ui.js';
import { FileUpload } from '../components/FileUpload.js';
import { useAsync } from '../hooks.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';

const CONTACT = ['address', 'phone', 'email', 'website'] as const;
const LISTS = ['tasks', 'functions', 'legalBasis'] as const;
type Contact = (typeof CONTACT)[number];
type ListField = (typeof LISTS)[number];

interface Form {
  name: string;
  head: Person;
  contact: Record<Contact, string>;
  lists: Record<ListField, string>;
}

const formOf = (a: Agency): Form => ({
  name: a.name,
  head: { ...a.head },
  contact: Object.fromEntries(CONTACT.map((k) => [k, a[k] ?? ''])) as Record<Contact, string>,
  lists: Object.fromEntries(LISTS.map((k) => [k, (a[k] ?? []).join('\n')])) as Record<ListField, string>,
});

export default function Profile({ profile, onChanged }: { profile: AgencyProfile; onChanged: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const data = useAsync((signal) => api.agencyProfile(profile.id, signal), [profile.id]);
  const mayEdit = (user.role === 'planner' && user.agencyId === profile.id) || (user.role === 'admin' && user.region === profile.region);
  if (data.status === 'error' && !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { record, version } = data.data;
  return (
    <div className="page profile">
      <h1>{t('prof.title')}</h1>
      <ProfileView agency={record} region={profile.region} id={profile.id} t={t} />
      <Card title={t('file.crest')}>
        <FileUpload
          agencyId={profile.id}
          role="crest"
          label={t('file.crest')}
          help={t('file.crestHelp')}
          current={record.crest}
          mayUpload={mayEdit}
          titled
          onUploaded={() => {
            data.reload();
            onChanged();
          }}
        />
      </Card>
      {mayEdit && (
        <ProfileForm
          agencyId={profile.id}
          agency={record}
          version={version}
          t={t}
          onSaved={() => {
            data.reload();
            onChanged();
          }}
          onReload={data.reload}
        />
      )}
    </div>
  );
}

function ProfileView({ agency, region, id, t }: { agency: Agency; region: string; id: string; t: Translate }) {
  return (
    <Card title={agency.name}>
      <dl className="facts" data-testid="profile">
        <dt>{t('prof.id')}</dt>
        <dd>
          <code>{id}</code>
        </dd>
        <dt>{t('prof.region')}</dt>
        <dd>{region}</dd>
        {agency.abbreviation && (
          <>
            <dt>{t('prof.abbreviation')}</dt>
            <dd>{agency.abbreviation}</dd>
          </>
        )}
        <dt>{t('prof.head')}</dt>
        <dd>
          {agency.head.name}
          <div className="small muted">
            {agency.head.position}
            {agency.head.nip ? ` · NIP. ${agency.head.nip}` : ''}
          </div>
        </dd>
        {CONTACT.filter((k) => agency[k]).map((k) => (
          <Fact key={k} label={t(`prof.${k}` as MessageKey)}>
            {agency[k]}
          </Fact>
        ))}
        {LISTS.filter((k) => (agency[k] ?? []).length > 0).map((k) => (
          <Fact key={k} label={t(`prof.${k}` as MessageKey)}>
            <ol>
              {agency[k]!.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ol>
          </Fact>
        ))}
      </dl>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ProfileForm(props: { agencyId: string; agency: Agency; version: string; t: Translate; onSaved: () => void; onReload: () => void }) {
  const { agencyId, agency, t, onSaved, onReload } = props;
  const [form, setForm] = useState<Form>(() => formOf(agency));
  const [version, setVersion] = useState(props.version);
  // a reload after a conflict brings the current version; what the user typed stays
  useEffect(() => setVersion(props.version), [props.version]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    setBusy(true);
    const optional = (v: string) => (v.trim() === '' ? null : v.trim());
    const list = (v: string) => linesOf(v) ?? null;
    try {
      const res = await api.updateAgencyProfile(agencyId, {
        version,
        name: form.name.trim(),
        head: { ...form.head, name: form.head.name.trim(), position: form.head.position.trim(), ...(form.head.nip?.trim() ? { nip: form.head.nip.trim() } : { nip: undefined }) },
        ...Object.fromEntries(CONTACT.map((k) => [k, optional(form.contact[k])])),
        ...Object.fromEntries(LISTS.map((k) => [k, list(form.lists[k])])),
      });
      setVersion(res.version);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const head = (field: 'name' | 'position' | 'nip', value: string) => setForm((f) => ({ ...f, head: { ...f.head, [field]: value } }));
  // findings at a field of the request (`body.address`) or, refused by validation, of the dataset (`agency.address`)
  const fe = fieldErrors(error, ['body', 'agency']);
  return (
    <Card title={t('prof.edit')}>
      <form noValidate className="profile-form" onSubmit={save} aria-label={t('prof.edit')}>
        <label htmlFor="prof-name">{t('prof.name')}</label>
        <input id="prof-name" value={form.name} required onChange={(e) => setForm({ ...form, name: e.target.value })} {...fe.aria('name', 'prof-name')} />
        {fe.show('name', 'prof-name')}
        <fieldset>
          <legend>{t('prof.head')}</legend>
          <label htmlFor="prof-head-name">{t('agr.name')}</label>
          <input id="prof-head-name" value={form.head.name} required onChange={(e) => head('name', e.target.value)} {...fe.aria('head', 'prof-head-name')} />
          {fe.show('head', 'prof-head-name')}
          <label htmlFor="prof-head-position">{t('agr.position')}</label>
          <input id="prof-head-position" value={form.head.position} onChange={(e) => head('position', e.target.value)} />
          <label htmlFor="prof-head-nip">{t('agr.nip')}</label>
          <input id="prof-head-nip" value={form.head.nip ?? ''} onChange={(e) => head('nip', e.target.value)} />
        </fieldset>
        {CONTACT.map((k) => (
          <div key={k} className="field">
            <label htmlFor={`prof-${k}`}>{t(`prof.${k}` as MessageKey)}</label>
            <input
              id={`prof-${k}`}
              // text, not email/url: the browser would refuse to submit an address written as the agency writes it ("dinas.go.id")
              type="text"
              inputMode={k === 'email' ? 'email' : k === 'website' ? 'url' : k === 'phone' ? 'tel' : 'text'}
              value={form.contact[k]}
              onChange={(e) => setForm({ ...form, contact: { ...form.contact, [k]: e.target.value } })}
              {...fe.aria(k, `prof-${k}`)}
            />
            {fe.show(k, `prof-${k}`)}
          </div>
        ))}
        {LISTS.map((k) => (
          <div key={k} className="field">
            <label htmlFor={`prof-${k}`}>{t(`prof.${k}` as MessageKey)}</label>
            <textarea
              id={`prof-${k}`}
              rows={4}
              aria-describedby="prof-lines"
              value={form.lists[k]}
              onChange={(e) => setForm({ ...form, lists: { ...form.lists, [k]: e.target.value } })}
              {...fe.aria(k, `prof-${k}`)}
            />
            {fe.show(k, `prof-${k}`)}
          </div>
        ))}
        <p id="prof-lines" className="small muted">
          {t('prof.lines')} {t('prof.identity')}
        </p>
        <SaveError
          error={error}
          onReload={() => {
            setError(null);
            onReload();
          }}
        />
        {saved && (
          <p role="status" className="ok">
            {t('prof.saved')}
          </p>
        )}
        <div className="toolbar">
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}

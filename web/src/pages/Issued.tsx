/**
 * Issued reports ("Laporan Terbit"): the agency's planner or head issues an LKIP, an agreement
 * or a review (an LKIP only on approved data — the server's refusal names the indicators);
 * everyone who reads the agency sees the list with who issued what and when, downloads each
 * file as it was issued (its SHA-256 shown), checks that it is reproduced byte for byte, and
 * sees what changed in the data since.
 */
import { useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type ChangesSinceIssue, type IssuedReport, type Reproduction } from '../api.js';
import { useUser } from '../auth.js';
import { DateField } from '../components/forms.js';
import { saveBlob } from '../components/Reports.js';
import { Card, ErrorView, Loading, errorText, TableWrap } from '../components/ui.js';
import { formatDateTime, num } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n } from '../i18n.js';

type Kind = 'lkip' | 'agreement' | 'review';
const FORMAT_LABEL: Record<string, string> = { pdf: 'PDF', docx: 'DOCX', html: 'HTML', xlsx: 'XLSX' };

export default function IssuedPage({ profile, year }: { profile: AgencyProfile; year: number }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const list = useAsync((signal) => api.publications(profile.id, signal), [profile.id]);
  const agreements = useAsync((signal) => api.agreements(profile.id, undefined, signal), [profile.id]);
  const mayIssue = (user.role === 'planner' || user.role === 'head') && user.agencyId === profile.id;

  if (list.status === 'error' && !list.data) return <ErrorView error={list.error} />;
  if (!list.data) return <Loading />;

  return (
    <div className="page issued">
      <h1 tabIndex={-1}>{t('iss.title')}</h1>
      <p className="muted">{t('iss.intro')}</p>
      {mayIssue ? (
        <IssueForm
          agencyId={profile.id}
          year={year}
          years={profile.years}
          agreements={(agreements.data ?? []).map((a) => ({ id: a.record.id, year: a.record.year, kind: a.record.kind }))}
          formats={list.data.formats}
          onIssued={list.reload}
        />
      ) : (
        <p className="small muted">{t('iss.onlyPlanner')}</p>
      )}
      <Card title={t('iss.list')}>
        {list.data.publications.length === 0 ? (
          <p>{t('iss.none')}</p>
        ) : (
          <TableWrap label={t('iss.caption')}>
            <table data-testid="issued">
              <caption className="sr-only">{t('iss.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('iss.report')}</th>
                  <th scope="col">{t('iss.at')}</th>
                  <th scope="col">{t('iss.by')}</th>
                  <th scope="col">{t('iss.files')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.publications.map((p) => (
                  <Row key={p.id} agencyId={profile.id} p={p} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Card>
    </div>
  );
}

function Row({ agencyId, p }: { agencyId: string; p: IssuedReport }) {
  const { t, lang } = useI18n();
  const [check, setCheck] = useState<{ busy: boolean; result?: Reproduction; error?: string }>({ busy: false });
  const [changes, setChanges] = useState<{ busy: boolean; result?: ChangesSinceIssue; error?: string; open: boolean }>({ busy: false, open: false });
  const [fileError, setFileError] = useState<string | null>(null);

  const download = async (format: string) => {
    setFileError(null);
    try {
      const f = await api.publicationFile(agencyId, p.id, format);
      saveBlob(f.blob, f.fileName ?? `${p.id}.${format}`);
    } catch (e) {
      setFileError(errorText(e, t, lang));
    }
  };
  const reproduce = async () => {
    setCheck({ busy: true });
    try {
      setCheck({ busy: false, result: await api.reproduce(agencyId, p.id) });
    } catch (e) {
      setCheck({ busy: false, error: errorText(e, t, lang) });
    }
  };
  const showChanges = async () => {
    if (changes.open) {
      setChanges({ ...changes, open: false });
      return;
    }
    setChanges({ busy: true, open: true });
    try {
      setChanges({ busy: false, open: true, result: await api.changesSince(agencyId, p.id) });
    } catch (e) {
      setChanges({ busy: false, open: true, error: errorText(e, t, lang) });
    }
  };

  return (
    <>
      <tr data-testid="issued-report">
        <td>
          <strong>{p.title[lang]}</strong>
          <div className="toolbar">
            <button type="button" disabled={check.busy} onClick={() => void reproduce()}>
              {check.busy ? t('iss.checking') : t('iss.check')}
            </button>
            <button type="button" aria-expanded={changes.open} onClick={() => void showChanges()}>
              {changes.open ? t('iss.hide') : t('iss.changes')}
            </button>
          </div>
        </td>
        <td className="nowrap">{formatDateTime(p.issuedAt, lang)}</td>
        <td>{p.issuedBy}</td>
        <td>
          <div className="issued-files">
            {p.files.map((f) => (
              <div key={f.format}>
                <button type="button" className="link" onClick={() => void download(f.format)}>
                  {FORMAT_LABEL[f.format] ?? f.format}
                </button>{' '}
                <span className="small muted">({num(f.size / 1024, 1)} KB)</span>
                <div className="hash" title={f.sha256}>
                  {f.sha256}
                </div>
              </div>
            ))}
          </div>
          {fileError && (
            <p className="error" role="alert">
              {fileError}
            </p>
          )}
        </td>
      </tr>
      {(check.result || check.error) && (
        <tr>
          <td colSpan={4} role="status" data-testid="reproduction">
            {check.error ? (
              <p className="error">{check.error}</p>
            ) : check.result!.matches ? (
              <p className="ok">✓ {t('iss.checkOk')}</p>
            ) : (
              <p className="error">
                {t('iss.checkBad', {
                  files: check
                    .result!.files.filter((f) => !f.matches)
                    .map((f) => FORMAT_LABEL[f.format] ?? f.format)
                    .join(', '),
                })}
              </p>
            )}
            {check.result && check.result.toolChanges.length > 0 && (
              <p className="small muted">{t('iss.toolChanged', { tools: check.result.toolChanges.map((c) => `${c.tool} ${c.then} → ${c.now}`).join('; ') })}</p>
            )}
          </td>
        </tr>
      )}
      {changes.open && (
        <tr>
          <td colSpan={4} data-testid="changes-since">
            {changes.busy ? <Loading /> : changes.error ? <p className="error">{changes.error}</p> : changes.result ? <ChangesView c={changes.result} /> : null}
          </td>
        </tr>
      )}
    </>
  );
}

function ChangesView({ c }: { c: ChangesSinceIssue }) {
  const { t, lang } = useI18n();
  if (!c.agencyExists) return <p>{t('iss.gone')}</p>;
  return (
    <div>
      {c.settingsChanged && <p className="notice">{t('iss.settingsChanged')}</p>}
      {c.dataset.length === 0 ? (
        <p>{t('iss.noChanges')}</p>
      ) : (
        <>
          <p>
            <strong>{t('iss.changesCount', { n: c.dataset.length })}</strong>
          </p>
          <ul className="changes">
            {c.dataset.slice(0, 100).map((d, i) => (
              <li key={i}>
                {d.place[lang]} — {t(`iss.change.${d.kind}`)}
                {d.kind === 'changed' && (
                  <>
                    : <del>{d.before}</del> → <ins>{d.after}</ins>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {c.measurement.length > 0 && (
        <>
          <p>
            <strong>{t('iss.measureMoved')}</strong>
          </p>
          <ul>
            {c.measurement.map((m, i) => (
              <li key={i}>
                {m.name}: {m.fields.map((f) => `${f.field} ${f.old ?? '—'} → ${f.new ?? '—'}`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function IssueForm(props: {
  agencyId: string;
  year: number;
  years: number[];
  agreements: { id: string; year: number; kind: string }[];
  formats: { lkip: string[]; agreement: string[]; review: string[] };
  onIssued: () => void;
}) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<Kind>('lkip');
  const [year, setYear] = useState(props.year);
  const [agreement, setAgreement] = useState('');
  const [formats, setFormats] = useState<string[]>(['pdf', 'docx']);
  /** a review's reviewer, who signs its statement (the server refuses a review without one: it would be a draft) */
  const [reviewer, setReviewer] = useState({ name: '', nip: '', position: '', unit: '', place: '', date: '' });
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: unknown }>({ busy: false });
  const allowed = props.formats[kind];
  const agreementTitle = (a: { year: number; kind: string }) => t(a.kind === 'amendment' ? 'iss.amendmentTitle' : 'iss.agreementTitle', { year: a.year });
  const chosenAgreement = agreement || props.agreements[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fs = formats.filter((f) => allowed.includes(f));
    if (fs.length === 0) {
      setState({ busy: false, error: new Error(t('iss.noFormat')) });
      return;
    }
    setState({ busy: true });
    try {
      const signer = Object.fromEntries(Object.entries(reviewer).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
      const issued = await api.issueReport(
        props.agencyId,
        kind === 'agreement' ? { kind, agreement: chosenAgreement, formats: fs } : { kind, year, formats: fs, ...(kind === 'review' ? { reviewer: signer } : {}) },
      );
      setState({ busy: false, message: t('iss.issued', { title: issued.title[lang] }) });
      props.onIssued();
    } catch (err) {
      setState({ busy: false, error: err });
    }
  };

  return (
    <Card title={t('iss.new')}>
      <form className="issue-form" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          {t('iss.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="lkip">{t('iss.kind.lkip')}</option>
            <option value="agreement">{t('iss.kind.agreement')}</option>
            <option value="review">{t('iss.kind.review')}</option>
          </select>
        </label>
        {kind === 'agreement' ? (
          <label>
            {t('iss.agreement')}
            <select value={chosenAgreement} onChange={(e) => setAgreement(e.target.value)}>
              {props.agreements.map((a) => (
                <option key={a.id} value={a.id}>
                  {agreementTitle(a)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('iss.year')}
            <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {[...new Set([...props.years, props.year])].sort().map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'review' && (
          <fieldset className="reviewer" data-testid="reviewer">
            <legend className="small">{t('iss.reviewer')}</legend>
            {(['name', 'nip', 'position', 'unit', 'place'] as const).map((f) => (
              <label key={f}>
                {t(`iss.reviewer.${f}`)}
                <input type="text" value={reviewer[f]} onChange={(e) => setReviewer({ ...reviewer, [f]: e.target.value })} />
              </label>
            ))}
            <label>
              {t('iss.reviewer.date')}
              <DateField id="reviewer-date" value={reviewer.date} onChange={(date) => setReviewer({ ...reviewer, date })} />
            </label>
          </fieldset>
        )}
        <fieldset>
          <legend className="small">{t('iss.formats')}</legend>
          {allowed.map((f) => (
            <label key={f}>
              <input type="checkbox" checked={formats.includes(f)} onChange={(e) => setFormats(e.target.checked ? [...formats, f] : formats.filter((x) => x !== f))} />
              {FORMAT_LABEL[f] ?? f}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={state.busy}>
          {state.busy ? t('iss.issuing') : t('iss.submit')}
        </button>
      </form>
      {state.message && (
        <p className="ok" role="status">
          {state.message}
        </p>
      )}
      {state.error !== undefined && <ErrorView error={state.error} />}
    </Card>
  );
}

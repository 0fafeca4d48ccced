/**
 * Performance agreements of a year: each agreement's rows with the plan's target beside the
 * agreed one (differences shown, never resolved silently); drafting the year's PK from the plan,
 * amending it (PK Perubahan: the original stays), editing agreed targets; the signed form.
 */
import { FileUpload } from '../components/FileUpload.js';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type AgreementView, type Person, type PlanView } from '../api.js';
import { useUser } from '../auth.js';
import { ConflictNotice } from '../components/Conflict.js';
import { Card, ErrorView, Loading, TableWrap } from '../components/ui.js';
import { agreementTitle, formatDate, inputText, num, parseNumber } from '../fmt.js';
import { today, useAsync } from '../hooks.js';
import { DateField, NumberField } from '../components/forms.js';
import { ApiError } from '../http.js';
import { useI18n, type Translate } from '../i18n.js';
import { href, navigate, queryOf } from '../router.js';

interface Names {
  indicator: (planOrAgreement: AgreementView['record'], local: string) => string;
  goal: (agreement: AgreementView['record'], local: string) => string;
}

export function namesFrom(plans: PlanView[], all: AgreementView[]): Names {
  const ind = new Map<string, string>();
  const goal = new Map<string, string>();
  for (const p of plans) {
    for (const i of p.indicators) ind.set(`${p.id}/${i.record.id}`, i.record.name);
    for (const g of p.goals) goal.set(`${p.id}/${g.record.id}`, g.record.statement);
  }
  for (const a of all) {
    for (const i of a.record.indicators ?? []) ind.set(`${a.record.id}/${i.id}`, i.name);
    for (const g of a.record.goals ?? []) goal.set(`${a.record.id}/${g.id}`, g.statement);
  }
  const byId = new Map(all.map((a) => [a.record.id, a.record]));
  /** an agreement's local id: its own, then (for an amendment) the amended agreement's, then its plan's */
  const look = (m: Map<string, string>, a: AgreementView['record'], local: string): string => {
    for (let cur: AgreementView['record'] | undefined = a, n = 0; cur && n < 10; cur = cur.amends ? byId.get(cur.amends) : undefined, n++) {
      const own = m.get(`${cur.id}/${local}`);
      if (own) return own;
    }
    return m.get(`${a.plan}/${local}`) ?? local;
  };
  return { indicator: (a, l) => look(ind, a, l), goal: (a, l) => look(goal, a, l) };
}

export default function Agreements({ profile, year, path, onChanged }: { profile: AgencyProfile; year: number; path: string; onChanged?: () => void }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const [deleted, setDeleted] = useState<string | null>(null);
  const data = useAsync(
    async (signal) => {
      const [agreements, all, plans] = await Promise.all([
        api.agreements(profile.id, year, signal),
        api.agreements(profile.id, undefined, signal),
        api.plans(profile.id, signal),
      ]);
      return { agreements, all, plans };
    },
    [profile.id, year],
  );
  const mode = queryOf(path).get('mode');
  const amendOf = queryOf(path).get('of');
  if (data.status === 'error' && !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { agreements, all, plans } = data.data;
  const names = namesFrom(plans, all);
  const planner = user.role === 'planner' && user.agencyId === profile.id;
  const hasOriginal = agreements.some((a) => a.record.kind === 'original');
  const last = agreements[agreements.length - 1];
  const base = href('a', profile.id, 'agreements', year);
  const done = () => {
    navigate(base.slice(1));
    data.reload();
    onChanged?.();
  };

  return (
    <div className="page agreements">
      <h1>{t('agr.title', { year })}</h1>
      {planner && (
        <div className="toolbar">
          {!hasOriginal && (
            <a className="button primary" href={`${base}?mode=new`}>
              {t('agr.create', { year })}
            </a>
          )}
          {last && (
            <a className="button" href={`${base}?mode=amend&of=${encodeURIComponent(last.record.id)}`}>
              {t('agr.amend')}
            </a>
          )}
        </div>
      )}
      {planner && mode === 'new' && <CreateForm profile={profile} year={year} plans={plans} all={all} onDone={done} t={t} />}
      {planner && mode === 'amend' && amendOf && (
        <AmendForm profile={profile} agreement={all.find((a) => a.record.id === amendOf)} onDone={done} t={t} />
      )}
      {deleted && (
        <p role="status" className="ok">
          {t('agr.deleted', { id: deleted })}
        </p>
      )}
      {agreements.length === 0 && <p className="notice">{t('agr.none')}</p>}
      {agreements.map((a) => (
        <AgreementCard
          key={a.record.id}
          view={a}
          amended={all.find((x) => x.record.id === a.record.amends)}
          amendedBy={all.filter((x) => x.record.amends === a.record.id).map((x) => x.record)}
          names={names}
          editable={planner}
          profile={profile}
          onSaved={data.reload}
          onDeleted={(id) => {
            setDeleted(id);
            data.reload();
            onChanged?.();
          }}
          t={t}
          lang={lang}
        />
      ))}
    </div>
  );
}

function AgreementCard(props: {
  view: AgreementView;
  amended: AgreementView | undefined;
  amendedBy: AgreementView['record'][];
  names: Names;
  editable: boolean;
  profile: AgencyProfile;
  onSaved: () => void;
  onDeleted: (id: string) => void;
  t: Translate;
  lang: 'id' | 'en';
}) {
  const { view, amended, amendedBy, names, editable, profile, onSaved, onDeleted, t, lang } = props;
  const [asking, setAsking] = useState(false);
  const a = view.record;
  const [editing, setEditing] = useState(false);
  const [targets, setTargets] = useState<string[]>(() => a.rows.map((r) => (typeof r.target === 'number' ? inputText(r.target) : r.target)));
  const [version, setVersion] = useState(view.version);
  // a reload after a conflict brings the current version; what the user typed stays
  useEffect(() => setVersion(view.version), [view.version]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const before = new Map((amended?.record.rows ?? []).map((r) => [r.indicator, r.target]));

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const rows = a.rows.map((r, i) => {
      const text = targets[i] ?? '';
      const n = parseNumber(text);
      return { ...r, target: typeof r.target === 'number' ? (n === null || Number.isNaN(n) ? Number.NaN : n) : text };
    });
    const bad = rows.findIndex((r) => typeof r.target === 'number' && Number.isNaN(r.target));
    if (bad >= 0) {
      setError(new Error(t('real.badNumber', { text: targets[bad] ?? '' })));
      return;
    }
    setBusy(true);
    try {
      const res = await api.updateAgreement(profile.id, a.id, { version, rows });
      setVersion(res.version);
      setEditing(false);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setError(null);
    setBusy(true);
    try {
      await api.deleteAgreement(profile.id, a.id, version);
      setAsking(false);
      onDeleted(agreementTitle(a, lang));
    } catch (err) {
      setError(err);
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      className="agreement"
      title={
        <>
          {agreementTitle(a, lang)}{' '}
          <span className="muted small">
            {t('dash.signedOn', { date: formatDate(a.signedOn, lang) })}, {a.place}
            {amended ? ` · ${t('dash.amends', { id: agreementTitle(amended.record, lang) })}` : ''}
            {amendedBy.length > 0 ? ` · ${t('agr.amended', { id: amendedBy.map((x) => agreementTitle(x, lang)).join(', ') })}` : ''}
          </span>
        </>
      }
    >
      <p className="small">
        {t('agr.plan')}: {profile.plans.find((p) => p.id === a.plan)?.title ?? t('agr.planGone')} · {t('agr.firstParty')}: {a.firstParty.name} · {t('agr.secondParty')}: {a.secondParty.name}
      </p>
      <form noValidate onSubmit={save} aria-label={`${t('agr.rows')} ${agreementTitle(a, lang)}`}>
        <TableWrap label={t('agr.rows')}>
          <table data-testid={`agreement-${a.id}`}>
            <caption className="sr-only">{t('agr.rows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.no')}</th>
                <th scope="col">{t('col.goal')}</th>
                <th scope="col">{t('col.indicator')}</th>
                <th scope="col" className="num">{t('agr.planTarget')}</th>
                <th scope="col" className="num">{t('agr.agreedTarget')}</th>
                <th scope="col" className="num">{t('agr.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {a.rows.map((r, i) => {
                const d = view.differences[i];
                const was = before.get(r.indicator);
                const changed = amended !== undefined && was !== undefined && was !== r.target;
                const differs = d?.difference !== null && d?.difference !== undefined && d.difference !== 0;
                return (
                  <tr key={`${r.goal}-${r.indicator}-${i}`} className={differs ? 'differs' : ''}>
                    <td>{i + 1}</td>
                    <td>
                      <span className="small">{names.goal(a, r.goal)}</span>
                    </td>
                    <td>
                      {names.indicator(a, r.indicator)}
                    </td>
                    <td className="num">{num(d?.planTarget ?? null)}</td>
                    <td className="num">
                      {editing ? (
                        <NumberField
                          id={`agr-${a.id}-t${i}`}
                          className="num"
                          aria-label={`${t('agr.agreedTarget')} ${names.indicator(a, r.indicator)}`}
                          value={targets[i] ?? ''}
                          onChange={(v) => setTargets((ts) => ts.map((x, j) => (j === i ? v : x)))}
                        />
                      ) : (
                        <>
                          {num(r.target)}
                          {changed && <div className="small muted">{t('agr.changedFrom', { value: num(was) })}</div>}
                        </>
                      )}
                    </td>
                    <td className="num">
                      {d?.difference !== null && d?.difference !== undefined ? (
                        <span className={differs ? 'diff' : ''} title={differs ? t('agr.differs') : undefined}>
                          {d.difference > 0 ? '+' : ''}
                          {num(d.difference)}
                          {differs && <span className="sr-only"> ({t('agr.differs')})</span>}
                        </span>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
        {error !== null && (error instanceof ApiError && error.status === 409 ? (
          <ConflictNotice onReload={() => { setError(null); onSaved(); }} current={error.current} />
        ) : (
          <ErrorView error={error} />
        ))}
        {saved && <p role="status" className="ok">{t('agr.saved')}</p>}
        <div className="toolbar">
          <a className="button" href={href('a', profile.id, 'agreements', 'print', a.id)}>
            {t('agr.view')}
          </a>
          {editable && !editing && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('agr.agreedTarget')} ✎
            </button>
          )}
          {/* an amended agreement is kept: its amendment is removed first */}
          {editable && !editing && amendedBy.length === 0 && !asking && (
            <button type="button" className="danger" onClick={() => setAsking(true)}>
              {t('agr.delete')}
            </button>
          )}
          {editing && (
            <>
              <button type="submit" className="primary" disabled={busy}>
                {t('common.save')}
              </button>
              <button type="button" onClick={() => { setEditing(false); setTargets(a.rows.map((r) => (typeof r.target === 'number' ? inputText(r.target) : r.target))); }}>
                {t('common.cancel')}
              </button>
            </>
          )}
        </div>
        {asking && (
          <div className="confirm-box" role="alertdialog" aria-labelledby={`del-${a.id}`}>
            <p id={`del-${a.id}`}>{t('agr.deleteAsk', { id: agreementTitle(a, lang) })}</p>
            <div className="toolbar">
              <button type="button" className="danger" disabled={busy} onClick={() => void remove()} autoFocus>
                {t('agr.deleteYes')}
              </button>
              <button type="button" onClick={() => setAsking(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
      </form>
      <FileUpload
        agencyId={profile.id}
        role="agreement-scan"
        target={a.id}
        label={t('file.scan')}
        help={t('file.scanHelp')}
        current={a.scan}
        mayUpload={editable}
        onUploaded={onSaved}
      />
    </Card>
  );
}

function PersonFields({ legend, value, onChange, t, idPrefix }: { legend: string; value: Person; onChange: (p: Person) => void; t: Translate; idPrefix: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label htmlFor={`${idPrefix}-name`}>{t('agr.name')}</label>
      <input id={`${idPrefix}-name`} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} required />
      <label htmlFor={`${idPrefix}-position`}>{t('agr.position')}</label>
      <input id={`${idPrefix}-position`} value={value.position} onChange={(e) => onChange({ ...value, position: e.target.value })} />
      <label htmlFor={`${idPrefix}-nip`}>{t('agr.nip')}</label>
      <input id={`${idPrefix}-nip`} value={value.nip ?? ''} onChange={(e) => onChange({ ...value, nip: e.target.value || undefined })} />
    </fieldset>
  );
}

function CreateForm({ profile, year, plans, all, onDone, t }: { profile: AgencyProfile; year: number; plans: PlanView[]; all: AgreementView[]; onDone: () => void; t: Translate }) {
  const candidates = plans.filter((p) => p.level === 'renstra' && p.startYear <= year && year <= p.endYear);
  const [planId, setPlanId] = useState(candidates[candidates.length - 1]?.id ?? '');
  const plan = plans.find((p) => p.id === planId);
  const latest = all[all.length - 1]?.record;
  const [id, setId] = useState(`pk-${year}`);
  const [signedOn, setSignedOn] = useState(today());
  const [place, setPlace] = useState(latest?.place ?? profile.region);
  const [second, setSecond] = useState<Person>(latest?.secondParty ?? { name: '', position: '' });
  const rowsOfPlan = useMemo(
    () => (plan?.indicators ?? []).map((i) => i.record).filter((i) => i.goal !== undefined && i.targets?.[String(year)] !== undefined),
    [plan, year],
  );
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const indicators = rowsOfPlan.filter((i) => chosen[i.id] !== false).map((i) => i.id);
    const changed = new Map<string, number>();
    for (const i of rowsOfPlan) {
      const text = targets[i.id];
      if (text === undefined) continue;
      const n = parseNumber(text);
      if (n === null || Number.isNaN(n)) {
        setError(new Error(t('real.badNumber', { text })));
        return;
      }
      if (n !== i.targets?.[String(year)]) changed.set(i.id, n);
    }
    setBusy(true);
    try {
      const created = await api.agreementFromPlan(profile.id, {
        plan: planId,
        year,
        id,
        signedOn,
        place,
        secondParty: second,
        indicators,
      });
      if (changed.size > 0) {
        const rows = created.record.rows.map((r) => (changed.has(r.indicator) ? { ...r, target: changed.get(r.indicator)! } : r));
        await api.updateAgreement(profile.id, created.record.id, { version: created.version, rows });
      }
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="card form" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">{t('agr.create', { year })}</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="agr-plan">{t('agr.plan')}</label>
          <select id="agr-plan" value={planId} onChange={(e) => setPlanId(e.target.value)} required>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.startYear}–{p.endYear})
              </option>
            ))}
          </select>
          <label htmlFor="agr-id">{t('agr.id')}</label>
          <input id="agr-id" value={id} onChange={(e) => setId(e.target.value)} required pattern="[A-Za-z0-9._\-]+" />
          <label htmlFor="agr-signed">{t('agr.signedOn')}</label>
          <DateField id="agr-signed" value={signedOn} onChange={setSignedOn} />
          <label htmlFor="agr-place">{t('agr.place')}</label>
          <input id="agr-place" value={place} onChange={(e) => setPlace(e.target.value)} required />
        </div>
        <PersonFields legend={t('agr.secondParty')} value={second} onChange={setSecond} t={t} idPrefix="second" />
      </div>
      <TableWrap label={t('agr.create', { year })}>
        <table>
          <caption className="sr-only">{t('agr.create', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agr.include')}</th>
              <th scope="col">{t('col.goal')}</th>
              <th scope="col">{t('col.indicator')}</th>
              <th scope="col" className="num">{t('agr.planTarget')}</th>
              <th scope="col" className="num">{t('agr.agreedTarget')}</th>
              <th scope="col" className="num">{t('agr.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {rowsOfPlan.map((i) => {
              const planTarget = i.targets?.[String(year)] ?? null;
              const text = targets[i.id] ?? inputText(planTarget);
              const n = parseNumber(text);
              const diff = n !== null && !Number.isNaN(n) && planTarget !== null ? n - planTarget : null;
              return (
                <tr key={i.id} className={diff ? 'differs' : ''}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t('agr.include')} ${i.name}`}
                      checked={chosen[i.id] !== false}
                      onChange={(e) => setChosen((c) => ({ ...c, [i.id]: e.target.checked }))}
                    />
                  </td>
                  <td>
                    {plan?.goals.find((g) => g.record.id === i.goal)?.record.statement ?? '—'}
                  </td>
                  <td>{i.name}</td>
                  <td className="num">{num(planTarget)}</td>
                  <td className="num">
                    <input className="num" inputMode="decimal" aria-label={`${t('agr.agreedTarget')} ${i.name}`} value={text} onChange={(e) => setTargets((s) => ({ ...s, [i.id]: e.target.value }))} />
                  </td>
                  <td className="num">{diff ? <span className="diff">{diff > 0 ? '+' : ''}{num(diff)}</span> : diff === 0 ? '0' : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {error !== null && <ErrorView error={error} />}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy || !planId}>
          {t('common.save')}
        </button>
        <a className="button" href={href('a', profile.id, 'agreements', year)}>
          {t('common.cancel')}
        </a>
      </div>
    </form>
  );
}

function AmendForm({ profile, agreement, onDone, t }: { profile: AgencyProfile; agreement: AgreementView | undefined; onDone: () => void; t: Translate }) {
  const { lang } = useI18n();
  const [signedOn, setSignedOn] = useState(today());
  const [place, setPlace] = useState(agreement?.record.place ?? '');
  const [id, setId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!agreement) return <p className="error">{t('error.notFound')}</p>;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.amendAgreement(profile.id, agreement!.record.id, { signedOn, ...(place ? { place } : {}), ...(id.trim() ? { id: id.trim() } : {}) });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form noValidate className="card form" onSubmit={submit} aria-labelledby="amend-title">
      <h2 id="amend-title">
        {t('agr.amend')} — {agreementTitle(agreement.record, lang)}
      </h2>
      <div className="form-grid">
        <div>
          <label htmlFor="amend-id">{t('agr.id')}</label>
          <input id="amend-id" value={id} placeholder={`${agreement.record.id}-perubahan`} onChange={(e) => setId(e.target.value)} pattern="[A-Za-z0-9._\-]*" />
          <label htmlFor="amend-signed">{t('agr.signedOn')}</label>
          <DateField id="amend-signed" value={signedOn} onChange={setSignedOn} />
          <label htmlFor="amend-place">{t('agr.place')}</label>
          <input id="amend-place" value={place} onChange={(e) => setPlace(e.target.value)} required />
        </div>
      </div>
      {error !== null && <ErrorView error={error} />}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {t('agr.amend')}
        </button>
        <a className="button" href={href('a', profile.id, 'agreements', agreement.record.year)}>
          {t('common.cancel')}
        </a>
      </div>
    </form>
  );
}

/**
 * Realizations of a year: pick an indicator, enter its value by quarter, semester or for the
 * year (numerator and denominator with the value computed as you type), a note, evidence; move
 * each entry through draft → submitted → verified → approved as the role allows. Achievement and
 * predicate are shown from the server's answer to every change. A 409 conflict keeps the input.
 * Beside the year's target, the planner's target of the chosen quarter or semester (the plan's
 * `periodTargets`), for monitoring: achievement stays against the year's target (measurement.md),
 * and the server's `periodTarget` figure (the provisional realization against that period's
 * target) is shown under it.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  api,
  type AgencyProfile,
  type EntryView,
  type MeasuredRow,
  type Period,
  type RealizationAction,
  type RealizationChange,
  type RealizationIndicator,
  type RealizationInput,
  type WorkflowAction,
  type AgreementView,
} from '../api.js';
import { useUser } from '../auth.js';
import { ConflictNotice } from '../components/Conflict.js';
import { ErrorView, Loading, PredicateBadge, StateBadge, TableWrap } from '../components/ui.js';
import { agreementTitle, inputText, num, parseNumber, pct, readNumber } from '../fmt.js';
import { fieldErrors, NumberField } from '../components/forms.js';
import { rangeOf } from '../../../src/core/dataset/ranges.js';
import { useAsync } from '../hooks.js';
import { ApiError } from '../http.js';
import { useI18n, type Lang, type MessageKey, type Translate } from '../i18n.js';
import { href, navigate, queryOf } from '../router.js';
import { measureText } from '../components/measure.js';
import { drillable, drillHref } from './Drill.js';

const PERIODS: Period[] = ['Q1', 'Q2', 'Q3', 'Q4', 'S1', 'S2', 'Y'];
type Status = '' | 'no-data' | 'postponed' | 'not-applicable';

interface FormState {
  period: Period;
  value: string;
  numerator: string;
  denominator: string;
  category: string;
  status: Status;
  note: string;
}

function formFrom(entry: EntryView | undefined, period: Period): FormState {
  const r = entry?.record;
  return {
    period,
    value: inputText(r?.value),
    numerator: inputText(r?.numerator),
    denominator: inputText(r?.denominator),
    category: r?.category ?? r?.categories?.[0] ?? '',
    status: (r?.status ?? '') as Status,
    note: r?.note ?? '',
  };
}

const periodOf = (e: EntryView): Period => e.record.period ?? 'Y';

export default function Realizations({ profile, year, path }: { profile: AgencyProfile; year: number; path: string; onChanged?: () => void }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const list = useAsync((signal) => api.realizations(profile.id, year, signal), [profile.id, year]);
  // which agreement each measured row of an indicator comes from (rows come agreement by agreement, then plan, then program)
  const agreements = useAsync((signal) => api.agreements(profile.id, year, signal), [profile.id, year]);
  const selectedRef = queryOf(path).get('indicator');
  // a link may name the period to open (the worklist's: `?indicator=…&period=Q3`)
  const askedPeriod = queryOf(path).get('period');
  const selectedPeriod = PERIODS.find((p) => p === askedPeriod);
  const [onlyMine, setOnlyMine] = useState(user.role === 'operator');
  if (list.status === 'error' && !list.data) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const indicators = list.data;
  const shown = onlyMine ? indicators.filter((i) => i.canEnter || i.entries.some((e) => e.allowed.length > 0)) : indicators;
  const selected = indicators.find((i) => i.ref === selectedRef);
  const base = href('a', profile.id, 'realizations', year);
  const unitName = new Map(profile.units.map((u) => [u.id, u.name]));

  return (
    <div className="page realizations">
      <h1>{t('real.title', { year })}</h1>
      <div className="split">
        <nav className="card indicator-list" aria-label={t('real.indicators')}>
          <label className="check">
            <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} /> {t('real.onlyMine')}
          </label>
          <ul>
            {shown.map((i) => {
              const row = i.rows[0];
              const current = i.ref === selectedRef;
              return (
                <li key={i.ref}>
                  <a
                    href={`${base}?indicator=${encodeURIComponent(i.ref)}`}
                    className={current ? 'active' : ''}
                    aria-current={current ? 'true' : undefined}
                    data-ref={i.ref}
                  >
                    <span className="ind-name">{i.indicator.name}</span>
                    <span className="ind-meta">
                      <span className="small muted">{ownerText(i.owner, profile, t, lang)}</span> {row && <PredicateBadge label={row.predicate} color={row.predicateColor} />}
                      {row?.pending && <span className="tag tag-pending">{t('dash.pending')}</span>}
                      {i.entries.length > 0 && <StateBadge state={i.entries[i.entries.length - 1]!.state} />}
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <section className="card editor" aria-live="polite">
          {selected ? (
            <Editor key={`${selected.ref}@${selectedPeriod ?? ''}`} period={selectedPeriod} agencyId={profile.id} year={year} ind={selected} labels={sourceLabels(selected, agreements.data ?? [], t, lang)} reload={list.reload} loading={list.status === 'loading'} t={t} unitName={unitName} />
          ) : (
            <p>{t('real.select')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

function Outcome({ rows, labels, t }: { rows: MeasuredRow[]; labels: string[]; t: Translate }) {
  if (rows.length === 0) return null;
  return (
    <div className="outcome" data-testid="outcome">
      <h3>{t('real.outcome')}</h3>
      <TableWrap label={t('real.outcome')}>
      <table>
        <caption className="sr-only">{t('real.outcome')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('real.source')}</th>
            <th scope="col" className="num">{t('col.target')}</th>
            <th scope="col" className="num">
              {t('col.realization')} <span className="muted small">({t('dash.official')})</span>
            </th>
            <th scope="col" className="num">
              {t('col.achievement')} <span className="muted small">({t('dash.official')})</span>
            </th>
            <th scope="col">{t('col.predicate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => [
            <tr key={i}>
              <td>{labels[i] ?? '—'}</td>
              <td className="num">{num(r.target)}</td>
              <td className="num">
                {num(r.realization)}
                {r.provisional && (
                  <span className="tag">
                    {t('dash.provisional')} {r.realizationPeriod ? t(`period.${r.realizationPeriod}` as MessageKey) : ''}
                  </span>
                )}
              </td>
              <td className="num" data-testid="outcome-achievement">
                {pct(r.achievement)}
              </td>
              <td data-testid="outcome-predicate">
                <PredicateBadge label={r.predicate} color={r.predicateColor} unmeasured={r.unmeasured} />
              </td>
            </tr>,
            // the figure awaiting approval, apart from the official one (measurement.md, "Official figures")
            r.pending && (
              <tr key={`${i}-pending`} className="pending-row" data-testid="outcome-pending">
                <td className="small">
                  <span className="tag tag-pending">{t('dash.pending')}</span> {t(`state.${r.pending.state}` as MessageKey)}, {t(`period.${r.pending.period}` as MessageKey)}
                </td>
                <td className="num">{num(r.target)}</td>
                <td className="num">{num(r.pending.realization)}</td>
                <td className="num" data-testid="outcome-pending-achievement">
                  {pct(r.pending.achievement)}
                </td>
                <td data-testid="outcome-pending-predicate">
                  <PredicateBadge label={r.pending.predicate} color={r.pending.predicateColor} />
                </td>
              </tr>
            ),
            // during the year: the same realization against the plan's target for its period (the server's figure)
            r.periodTarget && (
              <tr key={`${i}-period`} className="period-row" data-testid="outcome-period">
                <td className="small">{t('real.againstPeriod', { period: t(`period.${r.periodTarget.period}` as MessageKey) })}</td>
                <td className="num">{num(r.periodTarget.target)}</td>
                <td className="num">{num(r.realization)}</td>
                <td className="num" data-testid="outcome-period-achievement">
                  {pct(r.periodTarget.achievement)}
                </td>
                <td>
                  <PredicateBadge label={r.periodTarget.predicate} color={r.periodTarget.predicateColor} />
                </td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
      </TableWrap>
    </div>
  );
}

const ACTION_LABEL: Record<WorkflowAction, MessageKey> = {
  submit: 'real.submit',
  verify: 'real.verify',
  approve: 'real.approve',
  return: 'real.return',
  reopen: 'real.reopen',
};
const WORKFLOW: WorkflowAction[] = ['submit', 'verify', 'approve', 'return', 'reopen'];

/** A label per measured row of the indicator: the agreement it is a row of, else its plan or program node. */
function sourceLabels(ind: RealizationIndicator, agreements: AgreementView[], t: Translate, lang: Lang): string[] {
  const labels: string[] = [];
  for (const a of agreements) {
    const n = a.differences.filter((d) => d.ref === ind.ref).length;
    for (let i = 0; i < n; i++) labels.push(agreementTitle(a.record, lang));
  }
  while (labels.length < ind.rows.length) labels.push(ind.owner.kind === 'node' ? t('real.fromProgram') : t('real.fromPlan'));
  return labels;
}

/** Where an indicator belongs, in words: its plan's title, its agreement's title, or a program. */
function ownerText(owner: RealizationIndicator['owner'], profile: AgencyProfile, t: Translate, lang: Lang): string {
  if (owner.kind === 'plan') return profile.plans.find((p) => p.id === owner.id)?.title ?? t('real.fromPlan');
  if (owner.kind === 'agreement') {
    const a = profile.agreements.find((x) => x.id === owner.id);
    return a ? agreementTitle(a, lang) : t('nav.agreements');
  }
  return t('real.fromProgram');
}

function Editor(props: {
  agencyId: string;
  year: number;
  ind: RealizationIndicator;
  labels: string[];
  reload: () => void;
  /** the list is being read again: changes wait for the current versions */
  loading: boolean;
  t: Translate;
  unitName: Map<string, string>;
  /** the period to open (a link's `?period=`); else the latest entry's, else Q4 */
  period?: Period | undefined;
}) {
  const { agencyId, year, ind, labels, reload, loading, t, unitName } = props;
  const measure = ind.indicator.measure;
  const entryFor = (p: Period) => ind.entries.find((e) => periodOf(e) === p);
  const initialPeriod: Period = props.period ?? (ind.entries.length > 0 ? periodOf(ind.entries[ind.entries.length - 1]!) : 'Q4');
  const [form, setForm] = useState<FormState>(() => formFrom(entryFor(initialPeriod), initialPeriod));
  const [rows, setRows] = useState<MeasuredRow[]>(ind.rows);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const entry = entryFor(form.period);
  const { lang } = useI18n();
  // the server's findings at a field of the entry (body.value, body.numerator …) shown under it
  const fields = fieldErrors(error, ['body']);

  // the server's latest rows whenever the list is reloaded
  useEffect(() => setRows(ind.rows), [ind.rows]);

  const computed = useMemo(() => {
    if (measure.type !== 'ratio') return null;
    const n = parseNumber(form.numerator);
    const d = parseNumber(form.denominator);
    if (n === null || d === null || Number.isNaN(n) || Number.isNaN(d) || d === 0) return null;
    return (n / d) * (measure.factor ?? 100);
  }, [measure, form.numerator, form.denominator]);

  const enterable = entry ? entry.allowed.includes('enter') : ind.canEnter;
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const choosePeriod = (p: Period) => setForm(formFrom(entryFor(p), p));

  function outcomeFrom(res: RealizationChange) {
    setRows(res.rows);
    const m = res.measured;
    setMessage(
      m
        ? m.pending && m.achievement === null
          ? t('real.changedPending', { achievement: pct(m.pending.achievement), predicate: m.pending.predicate ?? '—' })
          : t('real.changed', { achievement: pct(m.achievement), predicate: m.predicate ?? '—' })
        : t('real.saved'),
    );
  }

  function input(): RealizationInput | string {
    const out: RealizationInput = { indicator: ind.ref, year, period: form.period, version: entry?.version ?? null };
    if (form.note.trim()) out.note = form.note.trim();
    if (form.status) {
      out.status = form.status;
      return out;
    }
    const numberOf = (text: string): number | undefined | string => {
      const r = readNumber(text);
      if (r.kind === 'empty') return undefined;
      if (r.kind === 'invalid') return lang === 'id' ? r.message.id : r.message.en;
      return r.value;
    };
    if (measure.type === 'category') {
      if (!form.category) return t('real.noValue');
      out.category = form.category;
      return out;
    }
    if (measure.type === 'ratio' && (form.numerator.trim() || form.denominator.trim())) {
      const n = numberOf(form.numerator);
      const d = numberOf(form.denominator);
      if (typeof n === 'string') return n;
      if (typeof d === 'string') return d;
      if (n === undefined || d === undefined) return t('real.noValue');
      out.numerator = n;
      out.denominator = d;
      return out;
    }
    const v = numberOf(form.value);
    if (typeof v === 'string') return v;
    if (v === undefined) return t('real.noValue');
    out.value = v;
    return out;
  }

  async function run(work: () => Promise<RealizationChange>) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      outcomeFrom(await work());
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const body = input();
    if (typeof body === 'string') {
      setError(new Error(body));
      return;
    }
    await run(() => api.putRealization(agencyId, body));
  }

  async function act(e: EntryView, action: WorkflowAction | 'delete') {
    const key = { indicator: ind.ref, year, period: periodOf(e), version: e.version };
    if (action === 'delete') await run(() => api.deleteRealization(agencyId, key));
    else await run(() => api.transition(agencyId, { ...key, action }));
  }

  async function uploadFile() {
    const file = fileRef.current?.files?.[0];
    if (!file || !entry) return;
    await run(() => api.uploadEvidence(agencyId, { indicator: ind.ref, year, period: form.period, version: entry.version }, file, setProgress));
    if (fileRef.current) fileRef.current.value = '';
  }

  const describeCurrent = (record: unknown) => {
    const r = record as { value?: number; numerator?: number; denominator?: number; category?: string; state?: string; status?: string };
    const text = r.numerator !== undefined ? `${num(r.numerator)} / ${num(r.denominator)}` : r.value !== undefined ? num(r.value) : (r.category ?? r.status ?? '—');
    return t('real.currentIs', { text, state: r.state ? t(`state.${r.state}` as MessageKey) : '—' });
  };

  const units = (ind.indicator.responsibleUnits ?? []).map((u) => unitName.get(u) ?? u);
  // the valid range of the value (core/dataset/ranges.ts), said before anything is typed
  const validRange = rangeOf(ind.indicator);
  const periodLabel = (p: Period) => t(`period.${p}` as MessageKey);
  // the planner's target for the chosen quarter or semester, for monitoring (achievement stays against the year's target)
  const periodTarget = form.period === 'Y' ? undefined : ind.indicator.periodTargets?.[String(year)]?.[form.period];

  return (
    <div data-testid="editor" data-ref={ind.ref}>
      <h2>{ind.indicator.name}</h2>
      <p className="small muted">
        {measureText(ind.indicator, t)}
        {ind.indicator.unit ? ` · ${ind.indicator.unit}` : ''} · {t('real.target', { year })}: {num(ind.rows[0]?.target ?? ind.target)}
        {periodTarget !== undefined && (
          <span data-testid="period-target">
            {' · '}
            {t('real.periodTarget', {
              period: periodLabel(form.period),
              year,
              kind: t(ind.indicator.periodValues === 'separate' ? 'plans.periodTargets.separate' : 'plans.periodTargets.cumulative'),
            })}
            : {num(periodTarget)}
          </span>
        )}
        {units.length > 0 ? ` · ${t('plans.units')}: ${units.join(', ')}` : ''}
      </p>

      {(drillable(ind.indicator, year) || rows.some((r) => r.fromRegister)) && (
        <p className="notice" data-testid="from-register">
          {t('drill.fromRegister', { year })}{' '}
          <a href={drillHref(agencyId, ind.ref, year)} aria-label={t('drill.linkLabel', { name: ind.indicator.name })}>
            {t('drill.link')}
          </a>
        </p>
      )}
      <Outcome rows={rows} labels={labels} t={t} />
      {message && (
        <p className="ok" role="status" data-testid="message">
          {message}
        </p>
      )}

      <h3>{t('real.entries')}</h3>
      {ind.entries.length === 0 ? (
        <p className="muted">{t('real.none')}</p>
      ) : (
        <TableWrap label={t('real.entries')}>
          <table data-testid="entries">
            <caption className="sr-only">{t('real.entries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('real.period')}</th>
                <th scope="col" className="num">{t('real.value')}</th>
                <th scope="col">{t('col.state')}</th>
                <th scope="col">{t('real.evidence')}</th>
                <th scope="col">{t('col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {ind.entries.map((e) => {
                const r = e.record;
                const value =
                  r.status !== undefined
                    ? t(`real.status.${r.status}` as MessageKey)
                    : r.numerator !== undefined
                      ? `${num(r.numerator)} / ${num(r.denominator)}`
                      : r.category !== undefined
                        ? r.category
                        : num(r.value);
                return (
                  <tr key={e.key} data-period={periodOf(e)} className={periodOf(e) === form.period ? 'selected' : ''}>
                    <td>
                      <button type="button" className="link" onClick={() => choosePeriod(periodOf(e))}>
                        {periodLabel(periodOf(e))}
                      </button>
                    </td>
                    <td className="num">
                      {value}
                      {r.note && <div className="small muted">{r.note}</div>}
                    </td>
                    <td>
                      <StateBadge state={e.state} />
                    </td>
                    <td className="small">
                      {e.evidence.length === 0
                        ? '—'
                        : e.evidence.map((ev, i) => (
                            <div key={i}>{ev.file ? <a href={ev.file.url}>{ev.file.fileName}</a> : ev.value}</div>
                          ))}
                    </td>
                    <td className="actions">
                      {WORKFLOW.filter((a) => e.allowed.includes(a as RealizationAction)).map((a) => (
                        <button key={a} type="button" className={a === 'approve' || a === 'verify' || a === 'submit' ? 'primary' : ''} disabled={busy || loading} onClick={() => void act(e, a)}>
                          {t(ACTION_LABEL[a])}
                        </button>
                      ))}
                      {e.allowed.includes('delete') && (
                        <button type="button" disabled={busy || loading} onClick={() => void act(e, 'delete')}>
                          {t('real.delete')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}

      {measure.type === 'derived' || measure.type === 'countOf' ? (
        <p className="notice">{t(measure.type === 'derived' ? 'real.derived' : 'real.countOf')}</p>
      ) : (
        <form noValidate onSubmit={save} className="entry-form" aria-label={t('common.save')}>
          <div className="form-row">
            <div>
              <label htmlFor="r-period">{t('real.period')}</label>
              <select id="r-period" value={form.period} onChange={(e) => choosePeriod(e.target.value as Period)}>
                {PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {periodLabel(p)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="r-status">{t('real.status')}</label>
              <select id="r-status" value={form.status} onChange={(e) => set({ status: e.target.value as Status })} disabled={!enterable}>
                <option value="">{t('real.status.none')}</option>
                <option value="no-data">{t('real.status.no-data')}</option>
                <option value="postponed">{t('real.status.postponed')}</option>
                <option value="not-applicable">{t('real.status.not-applicable')}</option>
              </select>
            </div>
          </div>
          {!form.status && measure.type === 'ratio' && (
            <div className="form-row">
              <div>
                <label htmlFor="r-num">
                  {t('real.numerator')} <span className="small muted">({measure.numerator})</span>
                </label>
                <NumberField id="r-num" value={form.numerator} onChange={(v) => set({ numerator: v })} disabled={!enterable} errors={fields} field="numerator" />
              </div>
              <div>
                <label htmlFor="r-den">
                  {t('real.denominator')} <span className="small muted">({measure.denominator})</span>
                </label>
                <NumberField id="r-den" value={form.denominator} onChange={(v) => set({ denominator: v })} disabled={!enterable} errors={fields} field="denominator" />
              </div>
              <div>
                <span className="label" id="r-computed-label">
                  {t('real.computed')}
                </span>
                <output className="computed" aria-labelledby="r-computed-label" data-testid="computed">
                  {computed === null ? '—' : num(computed, 2)}
                </output>
              </div>
            </div>
          )}
          {!form.status && validRange && (
            <p className="small muted" data-testid="valid-range">
              {t('num.range', { range: lang === 'id' ? validRange.id : validRange.en })}
            </p>
          )}
          {!form.status && (measure.type === 'value' || measure.type === 'count') && (
            <div className="form-row">
              <div>
                <label htmlFor="r-value">{t('real.value')}</label>
                <NumberField id="r-value" value={form.value} onChange={(v) => set({ value: v })} disabled={!enterable} errors={fields} field="value" />
              </div>
            </div>
          )}
          {!form.status && measure.type === 'category' && (
            <div className="form-row">
              <div>
                <label htmlFor="r-category">{t('real.category')}</label>
                <select id="r-category" value={form.category} onChange={(e) => set({ category: e.target.value })} disabled={!enterable}>
                  <option value="">—</option>
                  {measure.categories.map((c) => (
                    <option key={c.label} value={c.label}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
          <label htmlFor="r-note">{t('real.note')}</label>
          <textarea id="r-note" rows={2} value={form.note} onChange={(e) => set({ note: e.target.value })} disabled={!enterable} />

          {!enterable &&
            (entry ? (
              <p className="muted small">{t('real.locked', { state: t(`state.${entry.state}` as MessageKey) })}</p>
            ) : (
              <p className="muted small">{t('real.cannotEnter', { units: units.join(', ') || t('role.planner') })}</p>
            ))}

          {error !== null &&
            (error instanceof ApiError && error.status === 409 ? (
              <ConflictNotice current={error.current} describe={describeCurrent} onReload={() => { setError(null); reload(); }} />
            ) : (
              <ErrorView error={error} />
            ))}

          <div className="toolbar">
            <button type="submit" className="primary" disabled={busy || loading || !enterable}>
              {t('real.save')}
            </button>
          </div>

          <fieldset className="evidence">
            <legend>{t('real.evidence')}</legend>
            {entry && entry.allowed.includes('evidence') ? (
              <>
                <label htmlFor="r-file">{t('real.upload')}</label>
                <input id="r-file" ref={fileRef} type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />
                <button type="button" disabled={busy || loading} onClick={() => void uploadFile()}>
                  {t('real.uploadButton')}
                </button>
                {progress !== null && (
                  <progress max={1} value={progress} aria-label={t('real.uploading', { pct: pct(progress * 100) })} />
                )}
              </>
            ) : (
              <p className="muted small">{t(entry ? 'real.evidenceNotAllowed' : 'real.evidenceNeedsDraft')}</p>
            )}
          </fieldset>
        </form>
      )}
      <p>
        <button type="button" className="link" onClick={() => navigate(`/a/${encodeURIComponent(agencyId)}/realizations/${year}`)}>
          ← {t('common.back')}
        </button>
      </p>
    </div>
  );
}

/** Evaluation: SAKIP scores by year; the evaluator's recommendations with action, owner, due date and status (overdue ones stand out). */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type EvaluationView, type Recommendation } from '../api.js';
import { useUser } from '../auth.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { ConflictNotice } from '../components/Conflict.js';
import { Card, ErrorView, Loading, TableWrap } from '../components/ui.js';
import { formatDate, num, parseNumber, readNumber } from '../fmt.js';
import { DateField, fieldErrors, NumberField } from '../components/forms.js';
import { today, useAsync } from '../hooks.js';
import { ApiError } from '../http.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';
import { queryOf } from '../router.js';

type Status = NonNullable<Recommendation['status']>;
const STATUSES: Status[] = ['open', 'in-progress', 'done'];

export default function Evaluation({ profile, path = '' }: { profile: AgencyProfile; path?: string }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const data = useAsync((signal) => api.evaluation(profile.id, signal), [profile.id]);
  if (data.status === 'error' && !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const ev = data.data;
  const evaluator = user.role === 'evaluator';
  const followUp = evaluator || ((user.role === 'planner' || user.role === 'head') && user.agencyId === profile.id);
  const scores = [...ev.scores].sort((a, b) => a.record.year - b.record.year);
  const overdue = ev.recommendations.filter((r) => r.overdue).length;
  // a link may point at one recommendation (the worklist's `?rec=<id>`): it is marked and scrolled to
  const chosen = queryOf(path).get('rec');

  return (
    <div className="page evaluation">
      <h1>{t('eval.title')}</h1>
      <Card title={t('eval.scores')}>
        {scores.length === 0 ? (
          <p>{t('eval.none')}</p>
        ) : (
          <div className="grid2">
            <TableWrap label={t('eval.scores')}>
              <table data-testid="scores">
                <caption className="sr-only">{t('eval.scores')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('eval.year')}</th>
                    <th scope="col" className="num">{t('eval.value')}</th>
                    <th scope="col">{t('eval.derivedGrade')}</th>
                    <th scope="col">{t('eval.evaluator')}</th>
                    <th scope="col">{t('eval.reference')}</th>
                    <th scope="col">{t('eval.date')}</th>
                  </tr>
                </thead>
                <tbody>
                  {scores.map((s) => (
                    <tr key={s.key}>
                      <td>
                        {s.record.year}
                        {s.record.period ? <div className="small muted">{s.record.period}</div> : null}
                      </td>
                      <td className="num">
                        <strong>{num(s.record.value)}</strong>
                      </td>
                      <td data-testid="score-grade">
                        {s.grade.code ? (
                          <>
                            <strong>{s.grade.code}</strong> / {s.grade.label}
                          </>
                        ) : (
                          '—'
                        )}
                        {s.grade.typedDiffers && <div className="small warn">⚠ {t('eval.typedDiffers', { typed: s.grade.typed ?? '' })}</div>}
                      </td>
                      <td>{s.record.evaluator}</td>
                      <td className="small">{s.record.reference}</td>
                      <td>{formatDate(s.record.date, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Chart option={scoreChart(scores.map((s) => ({ year: s.record.year, value: s.record.value })))} summary={scores.map((s) => `${s.record.year}: ${num(s.record.value)}`).join('; ')} height={220} />
          </div>
        )}
        {evaluator && <ScoreForm agencyId={profile.id} onSaved={data.reload} existing={ev.scores} t={t} />}
      </Card>

      <Card title={t('eval.recommendations')}>
        {overdue > 0 && (
          <p className="overdue-banner" role="status">
            ⚠ {t('eval.overdueCount', { n: overdue })}
          </p>
        )}
        {ev.recommendations.length === 0 ? (
          <p>{t('eval.none')}</p>
        ) : (
          <TableWrap label={t('eval.recommendations')}>
            <table data-testid="recommendations">
              <caption className="sr-only">{t('eval.recommendations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.no')}</th>
                  <th scope="col">{t('eval.text')}</th>
                  <th scope="col">{t('eval.action')}</th>
                  <th scope="col">{t('eval.owner')}</th>
                  <th scope="col">{t('eval.due')}</th>
                  <th scope="col">{t('eval.status')}</th>
                </tr>
              </thead>
              <tbody>
                {ev.recommendations.map((r, i) => (
                  <RecommendationRow key={r.record.id} view={r} index={i} chosen={r.record.id === chosen} editable={followUp} agencyId={profile.id} onSaved={data.reload} t={t} lang={lang} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {evaluator && <RecommendationForm agencyId={profile.id} onSaved={data.reload} count={ev.recommendations.length} t={t} />}
      </Card>
    </div>
  );
}

function RecommendationRow(props: {
  view: EvaluationView['recommendations'][number];
  index: number;
  /** the recommendation a link pointed at */
  chosen?: boolean;
  editable: boolean;
  agencyId: string;
  onSaved: () => void;
  t: Translate;
  lang: 'id' | 'en';
}) {
  const { view, index, editable, agencyId, onSaved, t, lang } = props;
  const r = view.record;
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState(r.action);
  const [status, setStatus] = useState<Status>(r.status ?? 'open');
  const [version, setVersion] = useState(view.version);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setVersion(view.version), [view.version]);
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (props.chosen) row.current?.scrollIntoView({ block: 'center' });
  }, [props.chosen]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.updateRecommendation(agencyId, r.id, { version, action, status });
      setEditing(false);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <tr
      ref={row}
      className={`${view.overdue ? 'overdue' : ''}${props.chosen ? ' chosen' : ''}`}
      data-overdue={view.overdue ? 'true' : undefined}
      aria-current={props.chosen ? 'true' : undefined}
      data-rec={r.id}
    >
      <td>{r.no ?? index + 1}</td>
      <td>{r.text}</td>
      <td>
        {editing ? (
          <form noValidate onSubmit={save} id={`rec-${r.id}`}>
            <label className="sr-only" htmlFor={`rec-action-${r.id}`}>
              {t('eval.action')}
            </label>
            <textarea id={`rec-action-${r.id}`} rows={3} value={action} onChange={(e) => setAction(e.target.value)} />
          </form>
        ) : (
          r.action || '—'
        )}
        {error !== null &&
          (error instanceof ApiError && error.status === 409 ? (
            <ConflictNotice current={error.current} onReload={() => { setError(null); onSaved(); }} />
          ) : (
            <ErrorView error={error} />
          ))}
      </td>
      <td>{r.owner ?? '—'}</td>
      <td>
        {formatDate(r.due, lang)}
        {view.overdue && <div className="badge-overdue">{t('eval.overdue')}</div>}
      </td>
      <td>
        {editing ? (
          <>
            <label className="sr-only" htmlFor={`rec-status-${r.id}`}>
              {t('eval.status')}
            </label>
            <select id={`rec-status-${r.id}`} form={`rec-${r.id}`} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`eval.status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
            <div className="toolbar">
              <button type="submit" form={`rec-${r.id}`} className="primary">
                {t('common.save')}
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        ) : (
          <>
            <span className={`rec-status rec-${r.status ?? 'open'}`}>{t(`eval.status.${r.status ?? 'open'}` as MessageKey)}</span>
            {editable && (
              <div>
                <button type="button" className="link" onClick={() => setEditing(true)}>
                  ✎ {t('eval.action')}
                </button>
              </div>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

function ScoreForm({ agencyId, onSaved, existing, t }: { agencyId: string; onSaved: () => void; existing: EvaluationView['scores']; t: Translate }) {
  const { lang } = useI18n();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [value, setValue] = useState('');
  const [evaluator, setEvaluator] = useState('');
  const [reference, setReference] = useState('');
  const [date, setDate] = useState(today());
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const read = readNumber(value);
    if (read.kind !== 'number') {
      setError(new Error(read.kind === 'invalid' ? (lang === 'id' ? read.message.id : read.message.en) : t('real.badNumber', { text: value })));
      return;
    }
    const v = read.value;
    const y = Number(year);
    const same = existing.find((s) => s.record.year === y && !s.record.period);
    try {
      await api.putScore(agencyId, { year: y, value: v, evaluator, reference, date }, same?.version ?? null);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details>
      <summary>+ {t('eval.scores')}</summary>
      <form noValidate className="form-grid" onSubmit={submit}>
        <div>
          <label htmlFor="s-year">{t('eval.year')}</label>
          <input id="s-year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} required />
          <label htmlFor="s-value">{t('eval.value')}</label>
          <NumberField id="s-value" value={value} onChange={setValue} errors={fieldErrors(error, ['body.score'])} field="value" />
          <p className="muted small">{t('eval.gradeRule')}</p>
        </div>
        <div>
          <label htmlFor="s-evaluator">{t('eval.evaluator')}</label>
          <input id="s-evaluator" value={evaluator} onChange={(e) => setEvaluator(e.target.value)} required />
          <label htmlFor="s-ref">{t('eval.reference')}</label>
          <input id="s-ref" value={reference} onChange={(e) => setReference(e.target.value)} required />
          <label htmlFor="s-date">{t('eval.date')}</label>
          <DateField id="s-date" value={date} onChange={setDate} />
        </div>
        {error !== null && <ErrorView error={error} />}
        <div className="toolbar">
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

function RecommendationForm({ agencyId, onSaved, count, t }: { agencyId: string; onSaved: () => void; count: number; t: Translate }) {
  const [text, setText] = useState('');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const year = new Date().getFullYear();
    try {
      await api.addRecommendation(agencyId, {
        id: `rek-${year}-${count + 1}-${Date.now().toString(36)}`,
        no: count + 1,
        year,
        text,
        action,
        status: 'open',
        ...(owner ? { owner } : {}),
        ...(due ? { due } : {}),
      });
      setText('');
      setAction('');
      onSaved();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details>
      <summary>+ {t('eval.text')}</summary>
      <form noValidate className="form-grid" onSubmit={submit}>
        <div>
          <label htmlFor="n-text">{t('eval.text')}</label>
          <textarea id="n-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} required />
          <label htmlFor="n-action">{t('eval.action')}</label>
          <textarea id="n-action" rows={2} value={action} onChange={(e) => setAction(e.target.value)} />
        </div>
        <div>
          <label htmlFor="n-owner">{t('eval.owner')}</label>
          <input id="n-owner" value={owner} onChange={(e) => setOwner(e.target.value)} />
          <label htmlFor="n-due">{t('eval.due')}</label>
          <DateField id="n-due" value={due} onChange={setDue} />
        </div>
        {error !== null && <ErrorView error={error} />}
        <div className="toolbar">
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

function scoreChart(points: { year: number; value: number }[]): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
    // a SAKIP score is out of 100: the whole scale, so one year's point or a small change is not magnified
    yAxis: { type: 'value', min: 0, max: 100, interval: 20 },
    series: [{ type: 'line', data: points.map((p) => p.value), label: { show: true, formatter: (p: { value: unknown }) => num(Number(p.value)) }, symbolSize: 8, lineStyle: { color: '#2f5d8a' }, itemStyle: { color: '#2f5d8a' } }],
  };
}

/**
 * Plans: the Renstra goal tree with its cascade to the RPJMD, and every indicator with its
 * definition and targets. The agency's planner and the region's admin (policies/plan.ts) add,
 * change and remove goals and indicators here: a goal's kind, statement, parent and the RPJMD
 * goals it supports; an indicator's definition, formula, criteria, measure, polarity, unit,
 * responsible units, data source, baseline, yearly targets, targets by quarter and semester, and
 * end target, how its values within the year are read (`periodValues`: cumulative or each
 * period's own, which the grid of targets by quarter and semester follows as soon as it is
 * chosen), its other names (aliases) and its note. Fields the forms do not show (an indicator's
 * decrees and `extra`, a goal's aliases, `extra` and note) are sent back as they were read.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type Goal, type GoalView, type Indicator, type PlanView, type Unit, type Versioned } from '../api.js';
import { useUser } from '../auth.js';
import { compact, fieldErrors, linesOf, NumberField, SaveError, textOf, type FieldErrors } from '../components/forms.js';
import { ErrorView, Loading, type NameOf } from '../components/ui.js';
import { inputText, num, parseNumber } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { ApiError } from '../http.js';
import { measureText } from '../components/measure.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';

type GoalKind = Goal['kind'];
type Measure = Indicator['measure'];
const GOAL_KINDS: GoalKind[] = ['misi', 'tujuan', 'sasaran'];

/** What is being edited: an existing goal or indicator (`id`), or a new one (`id: null`) under a goal. */
type Editing = { kind: 'goal'; plan: string; id: string | null; parent?: string } | { kind: 'indicator'; plan: string; id: string | null; goal?: string };

interface Ctx {
  agencyId: string;
  plan: PlanView;
  /** the plan's place in the dataset (for the findings of a change the dataset's validation refuses) */
  planIndex: number;
  plans: PlanView[];
  goals: Map<string, GoalView>;
  indicators: Map<string, Versioned<Indicator>>;
  units: Unit[];
  unitName: Map<string, string>;
  t: Translate;
  editable: boolean;
  editing: Editing | null;
  setEditing: (e: Editing | null) => void;
  /** a change was saved: read the plans again */
  saved: () => void;
  reload: () => void;
  loading: boolean;
  /** the goal or indicator a finding of the dataset's validation points at */
  nameOf: NameOf;
}

/**
 * `plans[3].indicators[5].goal` → "Renstra 2025–2029 · Indikator UM_MITRA: …": which record a
 * refused change would break. The findings are of the dataset after the change, so a removal
 * (`removed`) is taken out of the lists first; a record added goes at the end and is not named.
 */
function namer(plans: PlanView[], t: Translate, removed?: { plan: string; kind: 'goals' | 'indicators'; id: string }): NameOf {
  return (where) => {
    const m = /^plans\[(\d+)\]\.(goals|indicators)\[(\d+)\]/.exec(where);
    const plan = m ? plans[Number(m[1])] : undefined;
    if (!m || !plan) return null;
    const without = <T extends { record: { id: string } }>(list: T[], kind: 'goals' | 'indicators') =>
      removed && removed.plan === plan.id && removed.kind === kind ? list.filter((x) => x.record.id !== removed.id) : list;
    const head = `${plan.level === 'rpjmd' ? t('plans.rpjmd') : t('plans.renstra')} ${plan.startYear}–${plan.endYear}`;
    if (m[2] === 'goals') {
      const g = without(plan.goals, 'goals')[Number(m[3])]?.record;
      return g ? `${head} · ${t(`plans.goal.${g.kind}` as MessageKey)} ${g.id}: ${g.statement}` : null;
    }
    const i = without(plan.indicators, 'indicators')[Number(m[3])]?.record;
    return i ? `${head} · ${t('col.indicator')} ${i.id}: ${i.name}` : null;
  };
}

export default function Plans({ profile }: { profile: AgencyProfile }) {
  const { t } = useI18n();
  const user = useUser();
  const plans = useAsync((signal) => api.plans(profile.id, signal), [profile.id]);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  if (plans.status === 'error' && !plans.data) return <ErrorView error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <Loading />;
  const list = plans.data;
  const renstra = list.filter((p) => p.level === 'renstra');
  const shown = list.find((p) => p.id === selected) ?? renstra[renstra.length - 1] ?? list[0];
  // plans are edited by the agency's planner and the region's admin (src/server/policies/plan.ts)
  const editable = (user.role === 'planner' && user.agencyId === profile.id) || (user.role === 'admin' && user.region === profile.region);
  const ctx: Ctx | null = shown
    ? {
        agencyId: profile.id,
        plan: shown,
        planIndex: list.indexOf(shown),
        plans: list,
        goals: new Map(shown.goals.map((g) => [g.record.id, g])),
        indicators: new Map(shown.indicators.map((i) => [i.record.id, i])),
        units: profile.units,
        unitName: new Map(profile.units.map((u) => [u.id, u.name])),
        t,
        editable,
        editing: editing?.plan === shown.id ? editing : null,
        setEditing,
        saved: () => {
          setEditing(null);
          plans.reload();
        },
        reload: plans.reload,
        loading: plans.status === 'loading',
        nameOf: namer(list, t),
      }
    : null;
  return (
    <div className="page plans">
      <h1>{t('plans.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('plans.title')}>
        {list.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={p.id === shown?.id}
            aria-controls={`panel-${p.id}`}
            className={p.id === shown?.id ? 'active' : ''}
            onClick={() => setSelected(p.id)}
          >
            {p.level === 'rpjmd' ? t('plans.rpjmd') : t('plans.renstra')} {p.startYear}–{p.endYear}
          </button>
        ))}
      </div>
      {shown && ctx && (
        <section role="tabpanel" id={`panel-${shown.id}`} aria-labelledby={`tab-${shown.id}`}>
          <PlanTree ctx={ctx} />
        </section>
      )}
    </div>
  );
}

function PlanTree({ ctx }: { ctx: Ctx }) {
  const { plan, goals, t, editable, editing, setEditing } = ctx;
  // indicators whose goal is not in the tree still show, under the plan
  const orphans = plan.indicators.filter((i) => !i.record.goal || !goals.has(i.record.goal));
  const newRootGoal = editing?.kind === 'goal' && editing.id === null && !editing.parent;
  const newOrphan = editing?.kind === 'indicator' && editing.id === null && !editing.goal;
  return (
    <div className="card">
      <h2>
        {plan.title} <span className="muted small">({t('plans.period', { start: plan.startYear, end: plan.endYear })})</span>
      </h2>
      {plan.legalBasis && <p className="muted small">{plan.legalBasis}</p>}
      {editable && (
        <div className="toolbar">
          <button type="button" onClick={() => setEditing({ kind: 'goal', plan: plan.id, id: null })} disabled={editing !== null}>
            + {t('plans.addGoal')}
          </button>
          <button type="button" onClick={() => setEditing({ kind: 'indicator', plan: plan.id, id: null })} disabled={editing !== null}>
            + {t('plans.addIndicator')}
          </button>
        </div>
      )}
      {newRootGoal && <GoalForm ctx={ctx} view={null} />}
      {plan.goals.length === 0 ? (
        <p>{t('plans.noGoals')}</p>
      ) : (
        <ul className="tree" role="tree" aria-label={plan.title}>
          {plan.roots.map((id) => (
            <GoalNode key={id} id={id} ctx={ctx} depth={1} />
          ))}
        </ul>
      )}
      {(orphans.length > 0 || newOrphan) && (
        <div className="indicators">
          {orphans.map((i) => (
            <IndicatorItem key={i.record.id} view={i} ctx={ctx} />
          ))}
          {newOrphan && <IndicatorForm ctx={ctx} view={null} />}
        </div>
      )}
    </div>
  );
}

function GoalNode({ id, ctx, depth }: { id: string; ctx: Ctx; depth: number }) {
  const { goals, indicators, t, editable, editing, setEditing, plan } = ctx;
  const g = goals.get(id);
  if (!g || depth > 12) return null;
  const kind = t(`plans.goal.${g.record.kind}` as MessageKey);
  const editingThis = editing?.kind === 'goal' && editing.id === id;
  const newChild = editing?.kind === 'goal' && editing.id === null && editing.parent === id;
  const newIndicator = editing?.kind === 'indicator' && editing.id === null && editing.goal === id;
  return (
    <li role="treeitem" aria-expanded="true" aria-level={depth} className={`goal goal-${g.record.kind}`} data-goal={`${plan.id}/${id}`}>
      {editingThis ? (
        <GoalForm ctx={ctx} view={g} />
      ) : (
        <>
          <div className="goal-head">
            <span className="goal-kind">{kind}</span> <code>{g.record.id}</code> <span className="goal-statement">{g.record.statement}</span>
            {editable && (
              <span className="item-actions">
                <button type="button" className="link" disabled={editing !== null} aria-label={`${t('plans.edit')} ${kind} ${g.record.id}`} onClick={() => setEditing({ kind: 'goal', plan: plan.id, id })}>
                  ✎ {t('plans.edit')}
                </button>
                <button
                  type="button"
                  className="link"
                  disabled={editing !== null}
                  aria-label={`${t('plans.addChild')} ${g.record.id}`}
                  onClick={() => setEditing({ kind: 'goal', plan: plan.id, id: null, parent: id })}
                >
                  + {t('plans.addChild')}
                </button>
                <button
                  type="button"
                  className="link"
                  disabled={editing !== null}
                  aria-label={`${t('plans.addIndicator')} ${g.record.id}`}
                  onClick={() => setEditing({ kind: 'indicator', plan: plan.id, id: null, goal: id })}
                >
                  + {t('plans.addIndicator')}
                </button>
                <DeleteButton
                  label={`${kind} ${g.record.id}`}
                  t={t}
                  disabled={editing !== null}
                  onDelete={() => api.deleteGoal(ctx.agencyId, plan.id, id, g.version)}
                  onDone={ctx.saved}
                  onReload={ctx.reload}
                  nameOf={namer(ctx.plans, t, { plan: plan.id, kind: 'goals', id })}
                />
              </span>
            )}
          </div>
          {g.cascade.length > 0 && (
            <div className="cascade small">
              {t('plans.supports')}:{' '}
              {g.cascade.map((c, i) => (
                <span key={c.ref} className={c.found ? '' : 'error-text'}>
                  {i > 0 ? '; ' : ''}
                  {c.plan ? c.plan.title : t('plans.unknownRef')}
                  {c.goal ? ` — ${c.goal.statement}` : ''}
                </span>
              ))}
            </div>
          )}
        </>
      )}
      {(g.indicators.length > 0 || newIndicator) && (
        <div className="indicators">
          {g.indicators.map((iid) => {
            const ind = indicators.get(iid);
            return ind ? <IndicatorItem key={iid} view={ind} ctx={ctx} /> : null;
          })}
          {newIndicator && <IndicatorForm ctx={ctx} view={null} goal={id} />}
        </div>
      )}
      {(g.children.length > 0 || newChild) && (
        <ul role="group">
          {g.children.map((c) => (
            <GoalNode key={c} id={c} ctx={ctx} depth={depth + 1} />
          ))}
          {newChild && (
            <li>
              <GoalForm ctx={ctx} view={null} parent={id} />
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

/** Delete in two steps (the second says what goes); a refusal lists the server's findings (what still refers to it). */
function DeleteButton(props: { label: string; t: Translate; disabled: boolean; onDelete: () => Promise<unknown>; onDone: () => void; onReload: () => void; nameOf: NameOf }) {
  const { label, t, disabled, onDelete, onDone, onReload, nameOf } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      onDone();
    } catch (err) {
      setError(err);
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {asking ? (
        <span className="confirm" role="group" aria-label={`${t('plans.delete')} ${label}`}>
          {t('plans.deleteAsk', { what: label })}
          <button type="button" className="link" onClick={() => void remove()} disabled={busy} autoFocus>
            {t('plans.deleteYes')}
          </button>
          <button type="button" className="link" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button type="button" className="link" disabled={disabled} aria-label={`${t('plans.delete')} ${label}`} onClick={() => setAsking(true)}>
          ✕ {t('plans.delete')}
        </button>
      )}
      {error !== null && (
        <div className="delete-error">
          <SaveError
            nameOf={nameOf}
            error={error}
            onReload={() => {
              setError(null);
              onReload();
            }}
          />
        </div>
      )}
    </>
  );
}

function IndicatorItem({ view, ctx }: { view: Versioned<Indicator>; ctx: Ctx }) {
  const { editing } = ctx;
  if (editing?.kind === 'indicator' && editing.id === view.record.id) return <IndicatorForm ctx={ctx} view={view} />;
  return <IndicatorCard view={view} ctx={ctx} />;
}

function IndicatorCard({ view, ctx }: { view: Versioned<Indicator>; ctx: Ctx }) {
  const { unitName, t, plan, editable, editing, setEditing } = ctx;
  const ind = view.record;
  const years = Object.keys(ind.targets ?? {}).sort();
  const endTarget = ind.endTarget ?? ind.targets?.[String(plan.endYear)] ?? (years.length > 0 ? ind.targets?.[years[years.length - 1]!] : undefined);
  return (
    <article className="indicator" aria-label={ind.name} data-indicator={`${plan.id}/${ind.id}`}>
      <h3>
        {ind.name} {ind.key && <span className="tag">{t('plans.key')}</span>}
        {ind.additional && <span className="tag">{t('plans.additional')}</span>}
        {editable && (
          <span className="item-actions">
            <button type="button" className="link" disabled={editing !== null} aria-label={`${t('plans.edit')} ${ind.name}`} onClick={() => setEditing({ kind: 'indicator', plan: plan.id, id: ind.id })}>
              ✎ {t('plans.edit')}
            </button>
            <DeleteButton
              label={ind.name}
              t={t}
              disabled={editing !== null}
              onDelete={() => api.deleteIndicator(ctx.agencyId, plan.id, ind.id, view.version)}
              onDone={ctx.saved}
              onReload={ctx.reload}
              nameOf={namer(ctx.plans, t, { plan: plan.id, kind: 'indicators', id: ind.id })}
            />
          </span>
        )}
      </h3>
      <div className="ind-body">
        <dl className="facts">
          {ind.definition && (
            <>
              <dt>{t('plans.definition')}</dt>
              <dd>{ind.definition}</dd>
            </>
          )}
          {ind.formulaText && (
            <>
              <dt>{t('plans.formula')}</dt>
              <dd>{ind.formulaText}</dd>
            </>
          )}
          {ind.criteria && ind.criteria.length > 0 && (
            <>
              <dt>{t('plans.criteria')}</dt>
              <dd>
                <ul className="criteria" data-testid="criteria">
                  {ind.criteria.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>{t('plans.measure')}</dt>
          <dd>{measureText(ind, t)}</dd>
          <dt>{t('plans.polarity')}</dt>
          <dd>
            {t(ind.polarity === 'negative' ? 'plans.polarity.negative' : 'plans.polarity.positive')}
            {ind.polarityStated === false && <span className="muted small"> ({t('plans.polarityAssumed')})</span>}
          </dd>
          <dt>{t('col.unit')}</dt>
          <dd>{ind.unit ?? '—'}</dd>
          <dt>{t('plans.units')}</dt>
          <dd>{(ind.responsibleUnits ?? []).map((u) => unitName.get(u) ?? u).join(', ') || '—'}</dd>
          <dt>{t('plans.dataSource')}</dt>
          <dd>{ind.dataSource ?? '—'}</dd>
          <dt>{t('col.baseline')}</dt>
          <dd>{ind.baseline ? `${num(ind.baseline.value)} (${ind.baseline.year})` : '—'}</dd>
          <dt>{t('plans.periodValues')}</dt>
          <dd data-testid="period-values">{t(`plans.periodTargets.${periodKind(ind)}`)}</dd>
          {ind.aliases && ind.aliases.length > 0 && (
            <>
              <dt>{t('plans.aliases')}</dt>
              <dd>
                <ul className="criteria" data-testid="aliases">
                  {ind.aliases.map((a, i) => (
                    <li key={i}>{a}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {ind.note && (
            <>
              <dt>{t('plans.note')}</dt>
              <dd data-testid="note">{ind.note}</dd>
            </>
          )}
        </dl>
        <div className="ind-targets">
          {years.length > 0 && (
            <table className="targets">
              <caption className="small">{t('plans.targets')}</caption>
              <thead>
                <tr>
                  {years.map((y) => (
                    <th key={y} scope="col">
                      {y}
                    </th>
                  ))}
                  <th scope="col">{t('col.endTarget')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  {years.map((y) => (
                    <td key={y} className="num" data-year={y}>
                      {num(ind.targets?.[y])}
                    </td>
                  ))}
                  <td className="num" data-year="end">
                    {num(endTarget)}
                  </td>
                </tr>
              </tbody>
            </table>
          )}
          <PeriodTargetsTable ind={ind} t={t} />
        </div>
      </div>
    </article>
  );
}

/** An indicator's targets within the year, a row per year; the semester columns only when one is given. */
function PeriodTargetsTable({ ind, t }: { ind: Indicator; t: Translate }) {
  const years = Object.keys(ind.periodTargets ?? {}).sort();
  if (years.length === 0) return null;
  const rows = years.map((y) => [y, ind.periodTargets?.[y] ?? {}] as const);
  const shown = WITHIN.filter((q) => q.startsWith('Q') || rows.some(([, r]) => r[q] !== undefined));
  return (
    <table className="targets period-targets-table" data-testid="period-targets">
      <caption className="small">
        {t('plans.periodTargets')} ({t(`plans.periodTargets.${periodKind(ind)}`)})
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('plans.yearCol')}</th>
          {shown.map((q) => (
            <th key={q} scope="col" className="num">
              {t(`period.${q}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([y, r]) => (
          <tr key={y} data-year={y}>
            <th scope="row">{y}</th>
            {shown.map((q) => (
              <td key={q} className="num" data-period={q}>
                {num(r[q])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------- the goal form

/** The goals of `id`'s subtree (a goal cannot become its own descendant's child). */
function subtree(goals: Map<string, GoalView>, id: string): Set<string> {
  const out = new Set<string>([id]);
  const visit = (g: string) => {
    for (const c of goals.get(g)?.children ?? []) {
      if (!out.has(c)) {
        out.add(c);
        visit(c);
      }
    }
  };
  visit(id);
  return out;
}

function GoalForm({ ctx, view, parent }: { ctx: Ctx; view: GoalView | null; parent?: string }) {
  const { plan, plans, goals, t, agencyId } = ctx;
  const base = view?.record ?? null;
  const parentKind = parent ? goals.get(parent)?.record.kind : undefined;
  const [id, setId] = useState('');
  const [kind, setKind] = useState<GoalKind>(base?.kind ?? (parentKind === 'misi' ? 'tujuan' : parentKind ? 'sasaran' : 'tujuan'));
  const [statement, setStatement] = useState(base?.statement ?? '');
  const [parentId, setParentId] = useState(base?.parent ?? parent ?? '');
  const [supports, setSupports] = useState<string[]>(base?.supports ?? []);
  const [version, setVersion] = useState(view?.version ?? '');
  useEffect(() => setVersion(view?.version ?? ''), [view?.version]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const index = base ? plan.goals.findIndex((g) => g.record.id === base.id) : plan.goals.length;
  const fe = fieldErrors(error, ['body.goal', `plans[${ctx.planIndex}].goals[${index}]`]);
  const excluded = base ? subtree(goals, base.id) : new Set<string>();
  const others = plans.filter((p) => p.id !== plan.id && (p.level === 'rpjmd' || plan.level === 'rpjmd'));
  const known = new Set(others.flatMap((p) => p.goals.map((g) => `${p.id}/${g.record.id}`)));
  const p = `goal-${plan.id}-${base?.id ?? 'new'}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const goal = compact<Goal>({
      ...base,
      id: base ? base.id : id.trim(),
      kind,
      statement: statement.trim(),
      parent: parentId || undefined,
      supports: supports.length > 0 ? supports : undefined,
    });
    setBusy(true);
    try {
      if (view) await api.updateGoal(agencyId, plan.id, version, goal);
      else await api.createGoal(agencyId, plan.id, goal);
      ctx.saved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="edit-form" onSubmit={submit} aria-labelledby={`${p}-title`}>
      <h3 id={`${p}-title`}>{base ? `${t('plans.editGoal')} ${base.id}` : t('plans.newGoal')}</h3>
      <div className="form-grid">
        <div>
          {!base && (
            <>
              <label htmlFor={`${p}-id`}>{t('plans.goalId')}</label>
              <input id={`${p}-id`} value={id} onChange={(e) => setId(e.target.value)} required {...fe.aria('id', `${p}-id`)} />
              {fe.show('id', `${p}-id`)}
            </>
          )}
          <label htmlFor={`${p}-kind`}>{t('plans.goalKind')}</label>
          <select id={`${p}-kind`} value={kind} onChange={(e) => setKind(e.target.value as GoalKind)} {...fe.aria('kind', `${p}-kind`)}>
            {GOAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`plans.goal.${k}` as MessageKey)}
              </option>
            ))}
          </select>
          {fe.show('kind', `${p}-kind`)}
          <label htmlFor={`${p}-parent`}>{t('plans.parent')}</label>
          <select id={`${p}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)} {...fe.aria('parent', `${p}-parent`)}>
            <option value="">{t('plans.noParent')}</option>
            {plan.goals
              .filter((g) => !excluded.has(g.record.id))
              .map((g) => (
                <option key={g.record.id} value={g.record.id}>
                  {t(`plans.goal.${g.record.kind}` as MessageKey)} {g.record.id}: {g.record.statement}
                </option>
              ))}
          </select>
          {fe.show('parent', `${p}-parent`)}
        </div>
        <div>
          <label htmlFor={`${p}-statement`}>{t('plans.statement')}</label>
          <textarea id={`${p}-statement`} rows={4} value={statement} onChange={(e) => setStatement(e.target.value)} required {...fe.aria('statement', `${p}-statement`)} />
          {fe.show('statement', `${p}-statement`)}
        </div>
      </div>
      <fieldset>
        <legend>{t('plans.cascade')}</legend>
        <p className="small muted">{t('plans.cascadeHelp')}</p>
        {others.map((o) => (
          <div key={o.id}>
            <div className="small">
              <strong>
                {o.level === 'rpjmd' ? t('plans.rpjmd') : t('plans.renstra')} {o.startYear}–{o.endYear}
              </strong>
            </div>
            <ul className="check-list">
              {o.goals.map((g) => {
                const ref = `${o.id}/${g.record.id}`;
                return (
                  <li key={ref}>
                    <label>
                      <input
                        type="checkbox"
                        checked={supports.includes(ref)}
                        onChange={(e) => setSupports((s) => (e.target.checked ? [...s, ref] : s.filter((x) => x !== ref)))}
                      />
                      <span>
                        {t(`plans.goal.${g.record.kind}` as MessageKey)} <code className="small">{g.record.id}</code> {g.record.statement}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
        {supports
          .filter((ref) => !known.has(ref))
          .map((ref) => (
            <label key={ref} className="check">
              <input type="checkbox" checked onChange={() => setSupports((s) => s.filter((x) => x !== ref))} />
              <code>{ref}</code> <span className="error-text small">{t('plans.unknownRef')}</span>
            </label>
          ))}
        {fe.show('supports', `${p}-supports`)}
      </fieldset>
      <SaveError
        error={error}
        nameOf={ctx.nameOf}
        onReload={() => {
          setError(null);
          ctx.reload();
        }}
      />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy || ctx.loading}>
          {t('common.save')}
        </button>
        <button type="button" onClick={() => ctx.setEditing(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- the indicator form

type MeasureType = Measure['type'];
const MEASURE_TYPES: MeasureType[] = ['value', 'count', 'ratio', 'category'];

const categoriesText = (m: Measure | undefined) => (m?.type === 'category' ? m.categories.map((c) => `${c.label} = ${inputText(c.score)}`).join('\n') : '');

/** The periods within a year that may have a target (dataset-format.md, `periodTargets`). */
const WITHIN = ['Q1', 'Q2', 'Q3', 'Q4', 'S1', 'S2'] as const;
type Within = (typeof WITHIN)[number];
type PeriodTargets = NonNullable<Indicator['periodTargets']>;

/** How the indicator's period values are read (`periodValues`, cumulative unless it says `separate`): its period targets are read the same way. */
const periodKind = (ind: Indicator | null): 'cumulative' | 'separate' => (ind?.periodValues === 'separate' ? 'separate' : 'cumulative');

/** The path of a period target in a finding: `periodTargets["2026"].Q2`. */
const periodField = (year: string, period: Within) => `periodTargets["${year}"].${period}`;

/** The years a plan's indicator has targets for: the plan's period and any other year it already has. */
function targetYears(plan: PlanView, ind: Indicator | null): string[] {
  const years = new Set<string>();
  for (let y = plan.startYear; y <= plan.endYear; y++) years.add(String(y));
  for (const y of Object.keys(ind?.targets ?? {})) years.add(y);
  for (const y of Object.keys(ind?.periodTargets ?? {})) years.add(y);
  return [...years].sort();
}

const emptyPeriods = () => Object.fromEntries(WITHIN.map((q) => [q, ''])) as Record<Within, string>;

/**
 * Targets within the year: a row per year of the plan, a box per quarter and semester (an empty
 * box is no target). The legend and the help say how they are read — cumulative or each period's
 * own, as the indicator's period values are — and that achievement stays against the year's target.
 */
function PeriodTargetsFields(props: {
  p: string;
  t: Translate;
  years: string[];
  kind: 'cumulative' | 'separate';
  values: Record<string, Record<Within, string>>;
  yearly: Record<string, string>;
  onChange: (year: string, period: Within, value: string) => void;
  fe: FieldErrors;
}) {
  const { p, t, years, kind, values, yearly, onChange, fe } = props;
  // findings about the targets within the year that no box shows (a year, the whole field)
  const boxes = years.flatMap((y) => WITHIN.map((q) => periodField(y, q)));
  const rest = fe.at('periodTargets').filter((f) => !boxes.some((b) => f.where.endsWith(b)));
  return (
    <fieldset className="period-targets" aria-describedby={`${p}-pt-help`}>
      <legend>
        {t('plans.periodTargets')} ({t(`plans.periodTargets.${kind}`)})
      </legend>
      <p id={`${p}-pt-help`} className="small muted">
        {t(`plans.periodTargetsHelp.${kind}`)} {t('plans.periodTargetsNote')}
      </p>
      <div className="table-wrap">
        <table className="period-grid">
          <thead>
            <tr>
              <th scope="col">{t('plans.yearCol')}</th>
              {WITHIN.map((q) => (
                <th key={q} scope="col" className="num">
                  {t(`period.${q}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('plans.yearTargetCol')}
              </th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y} data-year={y}>
                <th scope="row">{y}</th>
                {WITHIN.map((q) => {
                  const field = periodField(y, q);
                  const id = `${p}-pt${y}${q}`;
                  return (
                    <td key={q}>
                      <input
                        id={id}
                        className="num"
                        inputMode="decimal"
                        aria-label={t('plans.periodTargetOf', { period: t(`period.${q}`), year: y })}
                        value={values[y]?.[q] ?? ''}
                        onChange={(e) => onChange(y, q, e.target.value)}
                        {...fe.aria(field, id)}
                      />
                      {fe.show(field, id)}
                    </td>
                  );
                })}
                <td className="num muted" data-col="year-target">
                  {yearly[y]?.trim() || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rest.length > 0 && (
        <span id={`${p}-pt-error`} className="field-error" data-where={rest.map((f) => f.where).join(' ')}>
          {rest.map((f) => f.message).join(' · ')}
        </span>
      )}
    </fieldset>
  );
}

/** A client-side finding, shown exactly as the server's are (at the field, and in the list). */
function localError(where: string, message: string): ApiError {
  return new ApiError(400, 'invalid-input', message, [{ severity: 'error', code: 'invalid-input', where, message }]);
}

function IndicatorForm({ ctx, view, goal }: { ctx: Ctx; view: Versioned<Indicator> | null; goal?: string }) {
  const { plan, goals, units, t, agencyId } = ctx;
  const base = view?.record ?? null;
  const years = targetYears(plan, base);
  const [id, setId] = useState('');
  const [name, setName] = useState(base?.name ?? '');
  const [goalId, setGoalId] = useState(base?.goal ?? goal ?? '');
  const [unit, setUnit] = useState(base?.unit ?? '');
  const basePolarity = base?.polarity ?? 'positive';
  const [polarity, setPolarity] = useState<'positive' | 'negative'>(basePolarity);
  const [key, setKey] = useState(base?.key ?? false);
  const [definition, setDefinition] = useState(base?.definition ?? '');
  const [formula, setFormula] = useState(base?.formulaText ?? '');
  const [measureType, setMeasureType] = useState<MeasureType>(base?.measure.type ?? 'value');
  const [numerator, setNumerator] = useState(base?.measure.type === 'ratio' ? base.measure.numerator : '');
  const [denominator, setDenominator] = useState(base?.measure.type === 'ratio' ? base.measure.denominator : '');
  const [factor, setFactor] = useState(base?.measure.type === 'ratio' ? inputText(base.measure.factor ?? 100) : '100');
  const [categories, setCategories] = useState(categoriesText(base?.measure));
  const [responsible, setResponsible] = useState<string[]>(base?.responsibleUnits ?? []);
  const [dataSource, setDataSource] = useState(base?.dataSource ?? '');
  const [baselineYear, setBaselineYear] = useState(base?.baseline ? String(base.baseline.year) : '');
  const [baselineValue, setBaselineValue] = useState(inputText(base?.baseline?.value));
  const [targets, setTargets] = useState<Record<string, string>>(() => Object.fromEntries(years.map((y) => [y, inputText(base?.targets?.[y])])));
  const [periodTargets, setPeriodTargets] = useState<Record<string, Record<Within, string>>>(() =>
    Object.fromEntries(years.map((y) => [y, Object.fromEntries(WITHIN.map((q) => [q, inputText(base?.periodTargets?.[y]?.[q])])) as Record<Within, string>])),
  );
  const [criteria, setCriteria] = useState((base?.criteria ?? []).join('\n'));
  const [periodValues, setPeriodValues] = useState<'cumulative' | 'separate'>(periodKind(base));
  const [aliases, setAliases] = useState((base?.aliases ?? []).join('\n'));
  const [note, setNote] = useState(base?.note ?? '');
  const [endTarget, setEndTarget] = useState(inputText(base?.endTarget));
  const [version, setVersion] = useState(view?.version ?? '');
  useEffect(() => setVersion(view?.version ?? ''), [view?.version]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const index = base ? plan.indicators.findIndex((i) => i.record.id === base.id) : plan.indicators.length;
  const fe = fieldErrors(error, ['body.indicator', `plans[${ctx.planIndex}].indicators[${index}]`]);
  const p = `ind-${plan.id}-${base?.id ?? 'new'}`;
  // a derived or counted indicator's measure is not edited here: it is kept as it is
  const derived = base?.measure.type === 'derived' || base?.measure.type === 'countOf';

  /** The indicator to send, or the first input that is not a number. */
  function build(): Indicator | ApiError {
    const number = (text: string, where: string): number | undefined | ApiError => {
      const n = parseNumber(text);
      if (n === null) return undefined;
      return Number.isNaN(n) ? localError(`body.indicator.${where}`, t('real.badNumber', { text })) : n;
    };
    let measure: Measure;
    if (derived && base) measure = base.measure;
    else if (measureType === 'ratio') {
      const f = number(factor, 'measure.factor');
      if (f instanceof ApiError) return f;
      const prev = base?.measure.type === 'ratio' ? base.measure : undefined;
      measure = compact({ ...prev, type: 'ratio' as const, numerator: numerator.trim(), denominator: denominator.trim(), factor: f === 100 && prev?.factor === undefined ? undefined : f });
    } else if (measureType === 'category') {
      const list = [];
      for (const line of categories.split('\n').map((l) => l.trim()).filter(Boolean)) {
        const m = /^(.*?)\s*=\s*([^=]+)$/.exec(line);
        const score = m ? parseNumber(m[2]!) : Number.NaN;
        if (!m || score === null || Number.isNaN(score)) return localError('body.indicator.measure.categories', t('plans.badCategory', { line }));
        list.push({ label: m[1]!, score });
      }
      measure = { type: 'category', categories: list };
    } else measure = { type: measureType === 'count' ? 'count' : 'value' };
    const yearly: Record<string, number> = {};
    for (const y of Object.keys(targets).sort()) {
      const v = number(targets[y] ?? '', `targets["${y}"]`);
      if (v instanceof ApiError) return v;
      if (v !== undefined) yearly[y] = v;
    }
    // each year's periods over what was read (a year's `note` or `extra` stays); a year left with nothing is left out
    const within: PeriodTargets = {};
    for (const y of Object.keys(periodTargets).sort()) {
      const entered: Partial<Record<Within, number>> = {};
      for (const q of WITHIN) {
        const v = number(periodTargets[y]?.[q] ?? '', periodField(y, q));
        if (v instanceof ApiError) return v;
        entered[q] = v;
      }
      const year = compact({ ...base?.periodTargets?.[y], ...entered });
      if (Object.keys(year).length > 0) within[y] = year;
    }
    const end = number(endTarget, 'endTarget');
    if (end instanceof ApiError) return end;
    const bValue = number(baselineValue, 'baseline.value');
    if (bValue instanceof ApiError) return bValue;
    const bYear = number(baselineYear, 'baseline.year');
    if (bYear instanceof ApiError) return bYear;
    if ((bValue === undefined) !== (bYear === undefined)) return localError('body.indicator.baseline', t('plans.baselineBoth'));
    const polarityChanged = polarity !== basePolarity;
    return compact<Indicator>({
      ...base,
      id: base ? base.id : id.trim(),
      goal: goalId || undefined,
      name: name.trim(),
      unit: textOf(unit),
      // a polarity chosen here is stated (no longer the importer's assumption)
      polarity: polarityChanged ? polarity : base?.polarity,
      polarityStated: polarityChanged ? undefined : base?.polarityStated,
      key: key || undefined,
      definition: textOf(definition),
      formulaText: textOf(formula),
      criteria: linesOf(criteria),
      aliases: linesOf(aliases),
      note: textOf(note),
      // cumulative is the default: written only when chosen as separate, or when the record said so already
      periodValues: periodValues === 'separate' ? 'separate' : base?.periodValues === 'cumulative' ? 'cumulative' : undefined,
      measure,
      responsibleUnits: responsible.length > 0 ? responsible : undefined,
      dataSource: textOf(dataSource),
      baseline: bValue !== undefined && bYear !== undefined ? compact({ ...base?.baseline, year: bYear, value: bValue }) : undefined,
      targets: Object.keys(yearly).length > 0 ? yearly : undefined,
      periodTargets: Object.keys(within).length > 0 ? within : undefined,
      endTarget: end,
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const ind = build();
    if (ind instanceof ApiError) {
      setError(ind);
      return;
    }
    setBusy(true);
    try {
      if (view) await api.updateIndicator(agencyId, plan.id, version, ind);
      else await api.createIndicator(agencyId, plan.id, ind);
      ctx.saved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="edit-form indicator-form" onSubmit={submit} aria-labelledby={`${p}-title`}>
      <h3 id={`${p}-title`}>{base ? `${t('plans.editIndicator')} ${base.name}` : t('plans.newIndicator')}</h3>
      <div className="form-grid">
        <div>
          {!base && (
            <>
              <label htmlFor={`${p}-id`}>{t('plans.indicatorId')}</label>
              <input id={`${p}-id`} value={id} onChange={(e) => setId(e.target.value)} required {...fe.aria('id', `${p}-id`)} />
              {fe.show('id', `${p}-id`)}
            </>
          )}
          <label htmlFor={`${p}-name`}>{t('plans.indicatorName')}</label>
          <textarea id={`${p}-name`} rows={2} value={name} onChange={(e) => setName(e.target.value)} required {...fe.aria('name', `${p}-name`)} />
          {fe.show('name', `${p}-name`)}
          <label htmlFor={`${p}-aliases`}>{t('plans.aliases')}</label>
          <textarea
            id={`${p}-aliases`}
            rows={2}
            value={aliases}
            onChange={(e) => setAliases(e.target.value)}
            {...fe.aria('aliases', `${p}-aliases`, `${p}-aliases-help`)}
          />
          <span id={`${p}-aliases-help`} className="small muted">
            {t('plans.aliasesHelp')}
          </span>
          {fe.show('aliases', `${p}-aliases`)}
          <label htmlFor={`${p}-goal`}>{t('plans.goalOf')}</label>
          <select id={`${p}-goal`} value={goalId} onChange={(e) => setGoalId(e.target.value)} {...fe.aria('goal', `${p}-goal`)}>
            <option value="">—</option>
            {[...goals.values()].map((g) => (
              <option key={g.record.id} value={g.record.id}>
                {t(`plans.goal.${g.record.kind}` as MessageKey)} {g.record.id}: {g.record.statement}
              </option>
            ))}
          </select>
          {fe.show('goal', `${p}-goal`)}
          <div className="form-row">
            <div>
              <label htmlFor={`${p}-unit`}>{t('plans.unitOfMeasure')}</label>
              <input id={`${p}-unit`} value={unit} onChange={(e) => setUnit(e.target.value)} {...fe.aria('unit', `${p}-unit`)} />
              {fe.show('unit', `${p}-unit`)}
            </div>
            <div>
              <label htmlFor={`${p}-polarity`}>{t('plans.polarity')}</label>
              <select id={`${p}-polarity`} value={polarity} onChange={(e) => setPolarity(e.target.value as 'positive' | 'negative')} {...fe.aria('polarity', `${p}-polarity`)}>
                <option value="positive">{t('plans.polarity.positive')}</option>
                <option value="negative">{t('plans.polarity.negative')}</option>
              </select>
              {base?.polarityStated === false && polarity === basePolarity && <span className="small muted">{t('plans.polarityAssumed')}</span>}
              {fe.show('polarity', `${p}-polarity`)}
            </div>
          </div>
          <label className="check">
            <input type="checkbox" checked={key} onChange={(e) => setKey(e.target.checked)} /> {t('plans.keyLabel')}
          </label>
          <label htmlFor={`${p}-measure`}>{t('plans.measure')}</label>
          <select id={`${p}-measure`} value={derived ? base?.measure.type : measureType} disabled={derived} onChange={(e) => setMeasureType(e.target.value as MeasureType)} {...fe.aria('measure', `${p}-measure`)}>
            {derived && <option value={base?.measure.type}>{base ? measureText(base, t) : ''}</option>}
            {MEASURE_TYPES.map((m) => (
              <option key={m} value={m}>
                {t(`plans.measureType.${m}` as MessageKey)}
              </option>
            ))}
          </select>
          {derived && <span className="small muted">{t('plans.derivedKept')}</span>}
          {fe.show('measure', `${p}-measure`)}
          {!derived && measureType === 'ratio' && (
            <div className="form-row">
              <div>
                <label htmlFor={`${p}-num`}>{t('real.numerator')}</label>
                <input id={`${p}-num`} value={numerator} onChange={(e) => setNumerator(e.target.value)} required />
              </div>
              <div>
                <label htmlFor={`${p}-den`}>{t('real.denominator')}</label>
                <input id={`${p}-den`} value={denominator} onChange={(e) => setDenominator(e.target.value)} required />
              </div>
              <div>
                <label htmlFor={`${p}-factor`}>{t('plans.factor')}</label>
                <input id={`${p}-factor`} className="num" inputMode="decimal" value={factor} onChange={(e) => setFactor(e.target.value)} {...fe.aria('measure.factor', `${p}-factor`)} />
                {fe.show('measure.factor', `${p}-factor`)}
              </div>
            </div>
          )}
          {!derived && measureType === 'category' && (
            <>
              <label htmlFor={`${p}-categories`}>{t('plans.categories')}</label>
              <textarea id={`${p}-categories`} rows={4} value={categories} onChange={(e) => setCategories(e.target.value)} required {...fe.aria('measure.categories', `${p}-categories`)} />
              <span className="small muted">{t('plans.categoriesHelp')}</span>
              {fe.show('measure.categories', `${p}-categories`)}
            </>
          )}
        </div>
        <div>
          <label htmlFor={`${p}-definition`}>{t('plans.definition')}</label>
          <textarea id={`${p}-definition`} rows={3} value={definition} onChange={(e) => setDefinition(e.target.value)} {...fe.aria('definition', `${p}-definition`)} />
          {fe.show('definition', `${p}-definition`)}
          <label htmlFor={`${p}-formula`}>{t('plans.formula')}</label>
          <textarea id={`${p}-formula`} rows={2} value={formula} onChange={(e) => setFormula(e.target.value)} {...fe.aria('formulaText', `${p}-formula`)} />
          {fe.show('formulaText', `${p}-formula`)}
          <label htmlFor={`${p}-criteria`}>{t('plans.criteria')}</label>
          <textarea
            id={`${p}-criteria`}
            rows={3}
            value={criteria}
            onChange={(e) => setCriteria(e.target.value)}
            {...fe.aria('criteria', `${p}-criteria`, `${p}-criteria-help`)}
          />
          <span id={`${p}-criteria-help`} className="small muted">
            {t('plans.criteriaHelp')}
          </span>
          {fe.show('criteria', `${p}-criteria`)}
          <label htmlFor={`${p}-source`}>{t('plans.dataSource')}</label>
          <input id={`${p}-source`} value={dataSource} onChange={(e) => setDataSource(e.target.value)} {...fe.aria('dataSource', `${p}-source`)} />
          {fe.show('dataSource', `${p}-source`)}
          <fieldset>
            <legend>{t('plans.units')}</legend>
            <ul className="check-list">
              {units.map((u) => (
                <li key={u.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={responsible.includes(u.id)}
                      onChange={(e) => setResponsible((r) => (e.target.checked ? [...r, u.id] : r.filter((x) => x !== u.id)))}
                    />
                    {u.name}
                  </label>
                </li>
              ))}
            </ul>
            <span className="small muted">{t('plans.unitsHelp')}</span>
            {fe.show('responsibleUnits', `${p}-units`)}
          </fieldset>
          <label htmlFor={`${p}-note`}>{t('plans.note')}</label>
          <textarea id={`${p}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} {...fe.aria('note', `${p}-note`)} />
          {fe.show('note', `${p}-note`)}
        </div>
      </div>
      <fieldset>
        <legend>{t('plans.targetsAndBaseline')}</legend>
        <div className="targets-grid">
          <div>
            <label htmlFor={`${p}-byear`}>{t('plans.baselineYear')}</label>
            <input id={`${p}-byear`} inputMode="numeric" value={baselineYear} onChange={(e) => setBaselineYear(e.target.value)} {...fe.aria('baseline', `${p}-byear`)} />
          </div>
          <div>
            <label htmlFor={`${p}-bvalue`}>{t('col.baseline')}</label>
            <input id={`${p}-bvalue`} className="num" inputMode="decimal" value={baselineValue} onChange={(e) => setBaselineValue(e.target.value)} {...fe.aria('baseline', `${p}-bvalue`)} />
          </div>
          {years.map((y) => {
            const field = `targets["${y}"]`;
            return (
              <div key={y}>
                <label htmlFor={`${p}-t${y}`}>{t('plans.targetOf', { year: y })}</label>
                <NumberField id={`${p}-t${y}`} className="num" value={targets[y] ?? ''} onChange={(v) => setTargets((s) => ({ ...s, [y]: v }))} errors={fe} field={field} />
              </div>
            );
          })}
          <div>
            <label htmlFor={`${p}-end`}>{t('col.endTarget')}</label>
            <input id={`${p}-end`} className="num" inputMode="decimal" value={endTarget} onChange={(e) => setEndTarget(e.target.value)} {...fe.aria('endTarget', `${p}-end`)} />
            {fe.show('endTarget', `${p}-end`)}
          </div>
        </div>
        {fe.show('baseline', `${p}-byear`)}
        <span className="small muted">{t('plans.endTargetHelp', { year: plan.endYear })}</span>
      </fieldset>
      <div className="period-values">
        <label htmlFor={`${p}-pv`}>{t('plans.periodValues')}</label>
        <select
          id={`${p}-pv`}
          value={periodValues}
          onChange={(e) => setPeriodValues(e.target.value === 'separate' ? 'separate' : 'cumulative')}
          {...fe.aria('periodValues', `${p}-pv`, `${p}-pv-help`)}
        >
          <option value="cumulative">{t('plans.periodValues.cumulative')}</option>
          <option value="separate">{t('plans.periodValues.separate')}</option>
        </select>
        <span id={`${p}-pv-help`} className="small muted">
          {t('plans.periodValuesHelp')}
        </span>
        {fe.show('periodValues', `${p}-pv`)}
      </div>
      <PeriodTargetsFields
        p={p}
        t={t}
        years={years}
        kind={periodValues}
        values={periodTargets}
        yearly={targets}
        onChange={(y, q, v) => setPeriodTargets((s) => ({ ...s, [y]: { ...(s[y] ?? emptyPeriods()), [q]: v } }))}
        fe={fe}
      />
      <SaveError
        error={error}
        nameOf={ctx.nameOf}
        onReload={() => {
          setError(null);
          ctx.reload();
        }}
      />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy || ctx.loading}>
          {t('common.save')}
        </button>
        <button type="button" onClick={() => ctx.setEditing(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

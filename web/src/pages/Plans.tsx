/** Plans: the Renstra goal tree with its cascade to the RPJMD, and every indicator with its definition and targets. */
import { useState } from 'react';
import { api, type AgencyProfile, type GoalView, type Indicator, type PlanView } from '../api.js';
import { ErrorView, Loading } from '../components/ui.js';
import { num } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';

export default function Plans({ profile }: { profile: AgencyProfile }) {
  const { t } = useI18n();
  const plans = useAsync((signal) => api.plans(profile.id, signal), [profile.id]);
  const [selected, setSelected] = useState<string | null>(null);
  if (plans.status === 'error') return <ErrorView error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <Loading />;
  const list = plans.data;
  const renstra = list.filter((p) => p.level === 'renstra');
  const shown = list.find((p) => p.id === selected) ?? renstra[renstra.length - 1] ?? list[0];
  const unitName = new Map(profile.units.map((u) => [u.id, u.name]));
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
      {shown && (
        <section role="tabpanel" id={`panel-${shown.id}`} aria-labelledby={`tab-${shown.id}`}>
          <PlanTree plan={shown} unitName={unitName} t={t} />
        </section>
      )}
    </div>
  );
}

function PlanTree({ plan, unitName, t }: { plan: PlanView; unitName: Map<string, string>; t: Translate }) {
  const goals = new Map(plan.goals.map((g) => [g.record.id, g]));
  const indicators = new Map(plan.indicators.map((i) => [i.record.id, i.record]));
  // indicators whose goal is not in the tree still show, under the plan
  const orphans = plan.indicators.filter((i) => !i.record.goal || !goals.has(i.record.goal));
  return (
    <div className="card">
      <h2>
        {plan.title} <span className="muted small">({t('plans.period', { start: plan.startYear, end: plan.endYear })})</span>
      </h2>
      {plan.legalBasis && <p className="muted small">{plan.legalBasis}</p>}
      {plan.goals.length === 0 ? (
        <p>{t('plans.noGoals')}</p>
      ) : (
        <ul className="tree" role="tree" aria-label={plan.title}>
          {plan.roots.map((id) => (
            <GoalNode key={id} id={id} goals={goals} indicators={indicators} unitName={unitName} t={t} depth={1} plan={plan} />
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <div className="indicators">
          {orphans.map((i) => (
            <IndicatorCard key={i.record.id} ind={i.record} unitName={unitName} t={t} plan={plan} />
          ))}
        </div>
      )}
    </div>
  );
}

function GoalNode(props: {
  id: string;
  goals: Map<string, GoalView>;
  indicators: Map<string, Indicator>;
  unitName: Map<string, string>;
  t: Translate;
  depth: number;
  plan: PlanView;
}) {
  const { id, goals, indicators, unitName, t, depth, plan } = props;
  const g = goals.get(id);
  if (!g || depth > 12) return null;
  const kind = t(`plans.goal.${g.record.kind}` as MessageKey);
  return (
    <li role="treeitem" aria-expanded="true" aria-level={depth} className={`goal goal-${g.record.kind}`}>
      <div className="goal-head">
        <span className="goal-kind">{kind}</span> <code>{g.record.id}</code> <span className="goal-statement">{g.record.statement}</span>
      </div>
      {g.cascade.length > 0 && (
        <div className="cascade small">
          {t('plans.supports')}:{' '}
          {g.cascade.map((c, i) => (
            <span key={c.ref} className={c.found ? '' : 'error-text'}>
              {i > 0 ? '; ' : ''}
              {c.plan ? `${c.plan.level === 'rpjmd' ? t('plans.rpjmd') : t('plans.renstra')} ` : ''}
              <code>{c.ref}</code>
              {c.goal ? ` — ${c.goal.statement}` : ''}
            </span>
          ))}
        </div>
      )}
      {g.indicators.length > 0 && (
        <div className="indicators">
          {g.indicators.map((iid) => {
            const ind = indicators.get(iid);
            return ind ? <IndicatorCard key={iid} ind={ind} unitName={unitName} t={t} plan={plan} /> : null;
          })}
        </div>
      )}
      {g.children.length > 0 && (
        <ul role="group">
          {g.children.map((c) => (
            <GoalNode key={c} {...props} id={c} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function measureText(ind: Indicator, t: Translate): string {
  const m = ind.measure;
  switch (m.type) {
    case 'value':
      return t('plans.measure.value');
    case 'count':
      return t('plans.measure.count');
    case 'ratio':
      return t('plans.measure.ratio', { num: m.numerator, den: m.denominator, factor: num(m.factor ?? 100) });
    case 'category':
      return t('plans.measure.category', { list: m.categories.map((c) => `${c.label} (${num(c.score)})`).join(', ') });
    case 'derived':
      return t('plans.measure.derived', { n: m.of.length });
  }
}

function IndicatorCard({ ind, unitName, t, plan }: { ind: Indicator; unitName: Map<string, string>; t: Translate; plan: PlanView }) {
  const years = Object.keys(ind.targets ?? {}).sort();
  const endTarget = ind.endTarget ?? ind.targets?.[String(plan.endYear)] ?? (years.length > 0 ? ind.targets?.[years[years.length - 1]!] : undefined);
  return (
    <article className="indicator" aria-label={ind.name} data-indicator={`${plan.id}/${ind.id}`}>
      <h3>
        {ind.name} {ind.key && <span className="tag">{t('plans.key')}</span>}
        {ind.additional && <span className="tag">{t('plans.additional')}</span>} <code className="small">{ind.id}</code>
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
      </dl>
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
                <td key={y} className="num">
                  {num(ind.targets?.[y])}
                </td>
              ))}
              <td className="num">{num(endTarget)}</td>
            </tr>
          </tbody>
        </table>
      )}
      </div>
    </article>
  );
}

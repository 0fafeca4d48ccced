/** An agency's year: every agreement (original and amendment) row by row, counts, budget, charts. */
import { useMemo } from 'react';
import { api, type AgencyDashboard, type AgencyProfile, type MeasuredRow, type PlanView } from '../api.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { ReportsPanel } from '../components/Reports.js';
import { Card, ErrorView, FindingList, findingHref, Loading, PendingFigure, PercentBar, PredicateBadge, Sparkline, Stat, StateBadge, TableWrap } from '../components/ui.js';
import { formatDate, num, pct, rp } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { isKey, useI18n, type MessageKey, type Translate } from '../i18n.js';
import { href } from '../router.js';
import { drillable, drillHref } from './Drill.js';

export default function Dashboard({ profile, year }: { profile: AgencyProfile; year: number }) {
  const { t } = useI18n();
  const data = useAsync(
    async (signal) => {
      const [dashboard, plans] = await Promise.all([api.dashboard(profile.id, year, signal), api.plans(profile.id, signal)]);
      return { dashboard, plans };
    },
    [profile.id, year],
  );
  if (data.status === 'error') return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  return <DashboardView d={data.data.dashboard} plans={data.data.plans} profile={profile} t={t} />;
}

/** Goal statements by `planId/goalId` and by bare id within each plan. */
export function goalNames(plans: PlanView[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of plans) for (const g of p.goals) m.set(`${p.id}/${g.record.id}`, g.record.statement);
  return m;
}

function DashboardView({ d, plans, profile, t }: { d: AgencyDashboard; plans: PlanView[]; profile: AgencyProfile; t: Translate }) {
  const { lang } = useI18n();
  const m = d.measurement;
  const goals = useMemo(() => goalNames(plans), [plans]);
  // the plan indicators counted from a register in this year: their rows link to the entities behind the figure
  const fromRegister = useMemo(
    () => new Set(plans.flatMap((p) => p.indicators.filter((i) => drillable(i.record, d.year)).map((i) => `${p.id}/${i.record.id}`))),
    [plans, d.year],
  );
  const current = m.agreements.find((a) => a.id === d.current) ?? null;
  const c = d.counts;
  const titleOf = (id: string): string => {
    const title = d.agreementTitles[id];
    return title ? (lang === 'id' ? title.id : title.en) : t('dash.original');
  };

  return (
    <div className="page dashboard">
      <div className="page-head">
        <h1>
          {t('dash.title', { year: d.year })} — {profile.agency.abbreviation ?? profile.agency.name}
        </h1>
        <p className="muted">
          {profile.agency.name}, {profile.region}
        </p>
      </div>

      <div className="stats" data-testid="counts">
        <Stat label={t('dash.rows')} value={c.rows} />
        <Stat label={t('dash.achieved')} value={c.achieved} tone="good" />
        <Stat label={t('dash.notAchieved')} value={c.notAchieved} tone="bad" />
        <Stat label={t('dash.unmeasured')} value={c.unmeasured} tone="muted" />
        {c.pending > 0 && <Stat label={t('dash.pendingRows')} value={<span data-testid="pending-count">{c.pending}</span>} tone="warn" />}
        <Stat
          label={`${t('dash.headline')} (${t('dash.official')})`}
          value={
            <span data-testid="headline">
              {lang === 'id' ? d.standing.headline.id : d.standing.headline.en}
              {d.standing.mean && (
                <div className="muted small" style={{ fontWeight: 'normal', fontSize: '0.8rem' }}>
                  {lang === 'id' ? d.standing.mean.id : d.standing.mean.en}
                </div>
              )}
            </span>
          }
        />
        <Stat label={t('dash.absorption')} value={pct(d.budget.absorption)} />
        {d.score && (
          <Stat
            label={`${t('eval.scores')} ${d.score.year}`}
            value={
              <span data-testid="sakip-score" title={d.grade?.typedDiffers ? t('eval.typedDiffers', { typed: d.grade.typed ?? '' }) : undefined}>
                {num(d.score.value)}
                {d.grade?.code ? ` — ${d.grade.code} / ${d.grade.label}` : ''}
                {d.grade?.typedDiffers ? ' ⚠' : ''}
              </span>
            }
          />
        )}
        {c.recommendations.overdue > 0 && (
          <Stat label={t('eval.overdue')} value={<a href={href('a', profile.id, 'evaluation')}>{c.recommendations.overdue}</a>} tone="bad" />
        )}
      </div>

      {c.pending > 0 && (
        <p className="notice" data-testid="official-note">
          {t('dash.officialNote')}
        </p>
      )}

      {m.agreements.length === 0 && <p className="notice">{t('dash.noAgreement', { year: d.year })}</p>}

      <ReportsPanel agencyId={profile.id} year={d.year} agreements={m.agreements.map((a) => ({ id: a.id, kind: a.kind, title: titleOf(a.id) }))} />

      {current && current.rows.length > 0 && (
        <div className="grid2">
          <Card title={t('dash.chartAchievement')}>
            <Chart option={achievementChart(current.rows)} summary={current.rows.map((r) => `${r.name}: ${pct(r.achievement)}`).join('; ')} height={Math.max(180, current.rows.length * 44)} />
          </Card>
          <Card title={t('dash.chartPredicates')}>
            <Chart option={predicateChart(c.byPredicate)} summary={c.byPredicate.map((p) => `${p.label}: ${p.count}`).join('; ')} />
          </Card>
        </div>
      )}

      {m.agreements.map((a) => (
        <Card
          key={a.id}
          className="agreement"
          title={
            <>
              {titleOf(a.id)}{' '}
              <span className="muted small">
                {t('dash.signedOn', { date: formatDate(a.signedOn, lang) })}
                {a.amends ? ` · ${t('dash.amends', { id: titleOf(a.amends) })}` : ''}
              </span>
            </>
          }
        >
          <p className="summary-line" data-testid={`summary-${a.id}`}>
            {t('dash.rows')}: <strong>{a.summary.rows}</strong> · {t('dash.achieved')}: <strong>{a.summary.achieved}</strong> · {t('dash.notAchieved')}:{' '}
            <strong>{a.summary.notAchieved}</strong> · {t('dash.unmeasured')}: <strong>{a.summary.unmeasured}</strong>
          </p>
          <RowsTable rows={a.rows} goals={goals} plan={a.plan} agencyId={profile.id} year={d.year} fromRegister={fromRegister} testId={`rows-${a.id}`} caption={`${a.kind === 'amendment' ? t('dash.amendment') : t('dash.original')} — ${t('dash.rows')}`} />
          {a.goals.length > 0 && (
            <details>
              <summary>{t('dash.goals')}</summary>
              <TableWrap label={t('dash.goals')}>
              <table>
                <caption className="sr-only">{t('dash.goals')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.goal')}</th>
                    <th scope="col" className="num">{t('col.achievement')}</th>
                    <th scope="col">{t('col.predicate')}</th>
                    <th scope="col" className="num">{t('col.absorption')}</th>
                    <th scope="col">{t('col.efficiency')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.goals.map((g) => (
                    <tr key={g.goal}>
                      <td>
                        {goals.get(`${a.plan}/${g.goal}`) ?? t('dash.goalGone')}
                      </td>
                      <td className="num">{pct(g.achievement)}</td>
                      <td>
                        <PredicateBadge label={g.predicate} color={g.predicateColor} />
                      </td>
                      <td className="num">{pct(g.absorption)}</td>
                      <td>{g.efficiency ? t(`eff.${g.efficiency}` as MessageKey) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableWrap>
            </details>
          )}
        </Card>
      ))}

      <Card title={`${t('dash.budget')} — ${t('nav.programs')}`}>
        <div className="stats compact">
          <Stat label={t('prog.final')} value={rp(d.budget.final)} />
          <Stat label={t('dash.spent')} value={rp(d.budget.spent)} />
          <Stat label={t('dash.absorption')} value={pct(d.budget.absorption)} />
        </div>
        <TableWrap label={t('dash.budget')}>
        <table>
          <caption className="sr-only">{`${t('dash.budget')} — ${t('nav.programs')}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('prog.code')}</th>
              <th scope="col">{t('col.node')}</th>
              <th scope="col" className="num">{t('prog.final')}</th>
              <th scope="col" className="num">{t('dash.spent')}</th>
              <th scope="col">{t('col.absorption')}</th>
            </tr>
          </thead>
          <tbody>
            {d.programs.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.code ?? '—'}
                </td>
                <td>{p.name}</td>
                <td className="num">{rp(p.final)}</td>
                <td className="num">{rp(p.spent)}</td>
                <td>
                  <PercentBar value={p.absorption} label={`${t('col.absorption')} ${p.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableWrap>
      </Card>

      {m.planIndicators.length > 0 && (
        <Card title={t('dash.planIndicators')}>
          <RowsTable rows={m.planIndicators} goals={goals} plan={null} agencyId={profile.id} year={d.year} fromRegister={fromRegister} testId="rows-plan" caption={t('dash.planIndicators')} />
        </Card>
      )}

      {d.quality.length > 0 && (
        <Card title={`${t('dash.quality')} (${d.quality.length})`} className="quality">
          <TableWrap label={t('dash.quality')}>
          <table className="findings" data-testid="quality">
            <caption className="sr-only">{t('dash.quality')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.qualitySubject')}</th>
                <th scope="col">{t('dash.qualityKind')}</th>
                <th scope="col">{t('data.message')}</th>
              </tr>
            </thead>
            <tbody>
              {d.quality.map((f, i) => (
                <tr key={i} className={`sev-${f.severity}`} data-code={f.code}>
                  <td>{f.link ? <a href={findingHref(profile.id, d.year, f.link)}>{f.subject}</a> : f.subject}</td>
                  <td>{isKey(`quality.${f.code}`) ? t(`quality.${f.code}` as MessageKey) : t('dash.qualityOther')}</td>
                  <td>
                    {lang === 'id' ? (f.localized?.id ?? f.message) : f.message}
                    <div className="muted small" data-where={f.where}>
                      {f.link ? <a href={findingHref(profile.id, d.year, f.link)}>{lang === 'id' ? f.place.id : f.place.en}</a> : lang === 'id' ? f.place.id : f.place.en}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableWrap>
        </Card>
      )}

      {m.findings.length > 0 && (
        <details className="card">
          <summary>
            {t('dash.findings')} ({m.findings.length})
          </summary>
          <FindingList findings={d.findings} linkTo={{ agencyId: profile.id, year: d.year }} />
        </details>
      )}
    </div>
  );
}

export function RowsTable(props: {
  rows: MeasuredRow[];
  goals: Map<string, string>;
  plan: string | null;
  agencyId: string;
  year: number;
  /** refs of the indicators counted from a register in the year (their figure links to its entities) */
  fromRegister?: ReadonlySet<string>;
  testId?: string;
  /** what the table holds, for screen readers (the card's heading says it on screen) */
  caption: string;
}) {
  const { rows, goals, plan, agencyId, year, testId, caption, fromRegister } = props;
  const { t } = useI18n();
  const anyPending = rows.some((r) => r.pending !== undefined);
  return (
    <TableWrap label={caption}>
      <table className="rows" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.no')}</th>
            <th scope="col">{t('col.indicator')}</th>
            <th scope="col" className="num">{t('col.target')}</th>
            <th scope="col" className="num">
              {t('col.realization')} <span className="muted small">({t('dash.official')})</span>
            </th>
            <th scope="col" className="num">
              {t('col.achievement')} <span className="muted small">({t('dash.official')})</span>
            </th>
            <th scope="col">{t('col.predicate')}</th>
            {anyPending && <th scope="col">{t('dash.pending')}</th>}
            <th scope="col">{t('col.trend')}</th>
            <th scope="col">{t('col.absorption')}</th>
            <th scope="col">{t('col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const goal = r.goal ? (goals.get(`${plan ?? r.indicator.split('/')[0]}/${r.goal}`) ?? r.goal) : null;
            return (
              <tr key={`${r.indicator}-${i}`} data-indicator={r.indicator}>
                <td>{i + 1}</td>
                <td>
                  <a href={`${href('a', agencyId, 'realizations', year)}?indicator=${encodeURIComponent(r.indicator)}`}>{r.name}</a>
                  {r.unit && <span className="muted small"> ({r.unit})</span>}
                  {goal && <div className="muted small">{goal}</div>}
                </td>
                <td className="num">{num(r.target)}</td>
                <td className="num" data-col="realization">
                  {num(r.realization)}
                  {r.provisional && <span className="tag" title={r.realizationPeriod ?? ''}>{t('dash.provisional')}</span>}
                  {(r.fromRegister || fromRegister?.has(r.indicator)) && (
                    <div>
                      <a className="small" href={drillHref(agencyId, r.indicator, year)} aria-label={t('drill.linkLabel', { name: r.name })} data-testid="drill-link">
                        {t('drill.link')}
                      </a>
                    </div>
                  )}
                </td>
                <td className="num" data-col="achievement">
                  {pct(r.achievement)}
                </td>
                <td data-col="predicate">
                  <PredicateBadge label={r.predicate} color={r.predicateColor} unmeasured={r.unmeasured} />
                </td>
                {anyPending && (
                  <td data-col="pending">
                    <PendingFigure pending={r.pending} />
                  </td>
                )}
                <td>
                  <Sparkline points={[...r.trend, ...(typeof r.realization === 'number' ? [{ year, value: r.realization }] : [])]} label={`${t('col.trend')} ${r.name}`} />
                </td>
                <td>
                  <PercentBar value={r.absorption} label={`${t('col.absorption')} ${r.name}`} />
                </td>
                <td>
                  <StateBadge state={r.state} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

function achievementChart(rows: MeasuredRow[]): ChartOption {
  const items = [...rows].reverse();
  return {
    grid: { left: 236, right: 64, top: 22, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => num(v, 0) } },
    yAxis: {
      type: 'category',
      data: items.map((r) => r.name),
      axisLabel: { width: 224, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        // an unmeasured row has no bar ('-' is ECharts' empty value), and says so
        data: items.map((r) => ({
          value: r.achievement === null ? '-' : Math.round(r.achievement * 100) / 100,
          itemStyle: { color: r.predicateColor ?? '#bbb', borderColor: '#555', borderWidth: 0.5 },
        })),
        label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? pct(p.value) : '—') },
        markLine: { silent: true, symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#333', type: 'dashed' }, label: { formatter: pct(100) } },
      },
    ],
  };
}

function predicateChart(byPredicate: AgencyDashboard['counts']['byPredicate']): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        top: -10,
        data: byPredicate.filter((p) => p.count > 0).map((p) => ({ name: p.label, value: p.count, itemStyle: { color: p.color ?? '#ccc', borderColor: '#555', borderWidth: 0.5 } })),
        label: { formatter: '{b}: {c}' },
      },
    ],
  };
}

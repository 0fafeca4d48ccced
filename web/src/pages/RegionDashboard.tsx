/** A region's year for its admin and evaluator: every agency side by side with the region's totals. */
import { api, type RegionDashboard as RegionData } from '../api.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { Card, ErrorView, Loading, PercentBar, PredicateBadge, Stat, TableWrap } from '../components/ui.js';
import { num, pct, rp } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n } from '../i18n.js';
import { href } from '../router.js';

export default function RegionDashboard({ region, year }: { region: string; year: number }) {
  const { t, lang } = useI18n();
  const data = useAsync((signal) => api.regionDashboard(region, year, signal), [region, year]);
  if (data.status === 'error') return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const d = data.data;
  const tot = d.totals;
  return (
    <div className="page region">
      <h1>{t('region.title', { region: d.region, year: d.year })}</h1>
      <Card title={t('region.totals')}>
        <div className="stats" data-testid="region-totals">
          <Stat label={t('region.agencies')} value={tot.agencies} />
          {tot.byPredicate.map((p) => (
            <Stat key={p.label} label={p.label} value={<PredicateBadge label={String(p.count)} color={p.color} />} />
          ))}
          <Stat label={t('dash.unmeasured')} value={tot.unrated} tone="muted" />
          <Stat label={t('prog.final')} value={rp(tot.budget.final)} />
          <Stat label={t('dash.spent')} value={rp(tot.budget.spent)} />
          <Stat label={t('dash.absorption')} value={pct(tot.budget.absorption)} />
          <Stat label={t('eval.overdue')} value={tot.recommendations.overdue} tone={tot.recommendations.overdue > 0 ? 'bad' : undefined} />
        </div>
      </Card>
      {d.agencies.length === 0 ? (
        <p>{t('region.noAgencies')}</p>
      ) : (
        <>
          <Card title={t('region.agencies')}>
            <TableWrap label={t('region.agencies')}>
              <table data-testid="region-agencies">
                <caption className="sr-only">{t('region.agencies')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.agency')}</th>
                    <th scope="col">{t('nav.agreements')}</th>
                    <th scope="col" className="num">{t('dash.rows')}</th>
                    <th scope="col" className="num">{t('dash.achieved')}</th>
                    <th scope="col" className="num">{t('dash.notAchieved')}</th>
                    <th scope="col" className="num">{t('dash.unmeasured')}</th>
                    <th scope="col" className="num">{t('dash.pending')}</th>
                    <th scope="col" className="num">
                      {t('dash.cappedMean')} <span className="muted small">({t('dash.official')})</span>
                    </th>
                    <th scope="col">{t('dash.headline')}</th>
                    <th scope="col" className="num">{t('prog.final')}</th>
                    <th scope="col">{t('col.absorption')}</th>
                    <th scope="col" className="num">{t('eval.scores')}</th>
                    <th scope="col" className="num">{t('eval.overdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.agencies.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <a href={href('a', a.id, 'dashboard', d.year)}>{a.abbreviation ?? a.name}</a>
                        <div className="muted small">{a.name}</div>
                      </th>
                      <td>{a.agreementTitle ? (lang === 'id' ? a.agreementTitle.id : a.agreementTitle.en) : '—'}</td>
                      <td className="num">{a.counts.rows}</td>
                      <td className="num">{a.counts.achieved}</td>
                      <td className="num">{a.counts.notAchieved}</td>
                      <td className="num">{a.counts.unmeasured}</td>
                      <td className="num" data-col="pending">
                        {a.counts.pending}
                      </td>
                      <td className="num">
                        {pct(a.achievement)}
                        <div className="muted small">{t('dash.cappedAt', { cap: pct(a.cap) })}</div>
                      </td>
                      <td>
                        <PredicateBadge label={a.predicate} color={a.predicateColor} />
                        <div className="small">{lang === 'id' ? a.headline.id : a.headline.en}</div>
                      </td>
                      <td className="num">{rp(a.budget.final)}</td>
                      <td>
                        <PercentBar value={a.budget.absorption} label={`${t('col.absorption')} ${a.name}`} />
                      </td>
                      <td className="num" data-col="score" title={a.score?.typedDiffers ? t('eval.typedDiffers', { typed: a.score.typed ?? '' }) : undefined}>
                        {a.score ? `${num(a.score.value)}${a.score.code ? ` — ${a.score.code} / ${a.score.label}` : ''}${a.score.typedDiffers ? ' ⚠' : ''}` : '—'}
                      </td>
                      <td className={`num ${a.recommendations.overdue > 0 ? 'overdue' : ''}`}>{a.recommendations.overdue}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('common.total')}</th>
                    <td />
                    <td className="num">{d.agencies.reduce((s, a) => s + a.counts.rows, 0)}</td>
                    <td className="num">{d.agencies.reduce((s, a) => s + a.counts.achieved, 0)}</td>
                    <td className="num">{d.agencies.reduce((s, a) => s + a.counts.notAchieved, 0)}</td>
                    <td className="num">{d.agencies.reduce((s, a) => s + a.counts.unmeasured, 0)}</td>
                    <td />
                    <td />
                    <td className="num">{rp(tot.budget.final)}</td>
                    <td>
                      <PercentBar value={tot.budget.absorption} label={t('region.totals')} />
                    </td>
                    <td />
                    <td className="num">{tot.recommendations.overdue}</td>
                  </tr>
                </tfoot>
              </table>
            </TableWrap>
          </Card>
          <Card title={`${t('col.achievement')} / ${t('col.absorption')}`}>
            <Chart option={regionChart(d, t('col.achievement'), t('col.absorption'))} summary={d.agencies.map((a) => `${a.name}: ${pct(a.achievement)}, ${pct(a.budget.absorption)}`).join('; ')} height={Math.max(200, d.agencies.length * 48)} />
          </Card>
        </>
      )}
    </div>
  );
}

function regionChart(d: RegionData, achievement: string, absorption: string): ChartOption {
  const items = [...d.agencies].reverse();
  return {
    grid: { left: 8, right: 40, top: 28, bottom: 16, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: items.map((a) => a.abbreviation ?? a.name) },
    series: [
      {
        name: achievement,
        type: 'bar',
        itemStyle: { color: '#7fb3d5' },
        data: items.map((a) => ({ value: a.achievement === null ? '-' : Math.round(a.achievement * 100) / 100, itemStyle: { color: a.predicateColor ?? '#999' } })),
      },
      { name: absorption, type: 'bar', data: items.map((a) => (a.budget.absorption === null ? '-' : Math.round(a.budget.absorption * 100) / 100)), itemStyle: { color: '#4a6fa5' } },
    ],
  };
}

/** Programs and budget: program → kegiatan → sub-kegiatan with the three budget stages, spending by quarter and the indicators served. */
import { Fragment, useMemo, useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type NodeView, type Period } from '../api.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { ConflictNotice } from '../components/Conflict.js';
import { Card, ErrorView, Loading, PercentBar } from '../components/ui.js';
import { useUser } from '../auth.js';
import { ApiError } from '../http.js';
import { inputText, money, num, parseNumber, rp } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';

const QUARTERS: Period[] = ['Q1', 'Q2', 'Q3', 'Q4'];

export default function Programs({ profile, year }: { profile: AgencyProfile; year: number }) {
  const { t } = useI18n();
  const data = useAsync(
    async (signal) => {
      const [nodes, plans] = await Promise.all([api.programs(profile.id, year, signal), api.plans(profile.id, signal)]);
      return { nodes, plans };
    },
    [profile.id, year],
  );
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const user = useUser();
  // spending is entered by the agency's planner and operators (src/server/policies/program.ts)
  const mayEnterSpending = (user.role === 'planner' || user.role === 'operator') && user.agencyId === profile.id;
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of data.data?.plans ?? []) for (const i of p.indicators) m.set(`${p.id}/${i.record.id}`, i.record.name);
    for (const n of data.data?.nodes ?? []) for (const i of n.record.indicators ?? []) m.set(`${n.record.id}/${i.id}`, i.name);
    return m;
  }, [data.data]);
  if (data.status === 'error' && !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const nodes = data.data.nodes;
  const byId = new Map(nodes.map((n) => [n.record.id, n]));
  const roots = nodes.filter((n) => !n.record.parent || !byId.has(n.record.parent));
  const isOpen = (id: string) => open[id] ?? false;
  const toggle = (id: string) => setOpen((o) => ({ ...o, [id]: !isOpen(id) }));
  const rows: { node: NodeView; depth: number }[] = [];
  const walk = (n: NodeView, depth: number) => {
    rows.push({ node: n, depth });
    if (isOpen(n.record.id)) for (const c of n.children) {
      const child = byId.get(c);
      if (child && depth < 6) walk(child, depth + 1);
    }
  };
  roots.forEach((r) => walk(r, 0));
  const total = roots.reduce(
    (s, n) => ({ final: s.final + (n.figures.final ?? 0), spent: s.spent + (n.figures.spent ?? 0) }),
    { final: 0, spent: 0 },
  );
  // quarter columns when the year has quarterly spending (else one note says there is none)
  const quarters = QUARTERS.filter((q) => nodes.some((n) => n.figures.spendingByPeriod.some((p) => p.period === q)));
  const quarterly = quarters.map((q) => roots.reduce((s, n) => s + (n.figures.spendingByPeriod.find((p) => p.period === q)?.amount ?? 0), 0));

  return (
    <div className="page programs">
      <h1>{t('prog.title', { year })}</h1>
      {nodes.length === 0 ? (
        <p>{t('prog.none')}</p>
      ) : (
        <>
          <Card>
            <div className="toolbar">
              <button type="button" onClick={() => setOpen(Object.fromEntries(nodes.map((n) => [n.record.id, true])))}>
                {t('prog.expand')} ▾
              </button>
              <button type="button" onClick={() => setOpen({})}>
                {t('prog.collapse')} ▸
              </button>
            </div>
            {quarters.length === 0 && <p className="small muted">{t('prog.quarters')}: {t('prog.noQuarters')}</p>}
            <div className="table-wrap">
              <table className="tree-table" data-testid="programs">
                <thead>
                  <tr>
                    <th scope="col">{t('col.node')}</th>
                    <th scope="col" className="num">{t('prog.initial')} (Rp)</th>
                    <th scope="col" className="num">{t('prog.shift')} (Rp)</th>
                    <th scope="col" className="num">{t('prog.revised')} (Rp)</th>
                    <th scope="col" className="num">{t('prog.final')} (Rp)</th>
                    {quarters.map((q) => (
                      <th key={q} scope="col" className="num">
                        {t(`period.${q}` as MessageKey)} (Rp)
                      </th>
                    ))}
                    <th scope="col" className="num">{t('col.spent')} (Rp)</th>
                    <th scope="col">{t('col.absorption')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ node: n, depth }) => {
                    const f = n.figures;
                    const hasChildren = n.children.length > 0;
                    const supports = n.record.supports ?? [];
                    return (
                      <Fragment key={n.record.id}>
                        <tr className={`level-${n.record.level}`}>
                          <th scope="row" style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}>
                            {hasChildren ? (
                              <button
                                type="button"
                                className="twisty"
                                aria-expanded={isOpen(n.record.id)}
                                aria-label={`${isOpen(n.record.id) ? t('prog.collapse') : t('prog.expand')} ${n.record.name}`}
                                onClick={() => toggle(n.record.id)}
                              >
                                {isOpen(n.record.id) ? '▾' : '▸'}
                              </button>
                            ) : (
                              <span className="twisty-space" />
                            )}
                            <span className="small muted">{t(`prog.level.${n.record.level}` as MessageKey)}</span> <code className="small">{n.record.code ?? n.record.id}</code>
                            <div className="node-name">{n.record.name}</div>
                            {supports.length > 0 && (
                              <div className="small muted">
                                {t('prog.supports')}:{' '}
                                {supports
                                  .map((s) => `${names.get(s.indicator) ?? s.indicator}${'share' in s && s.share !== undefined && s.share !== 1 ? ` (${num(s.share * 100)}%)` : ''}`)
                                  .join('; ')}
                              </div>
                            )}
                            {mayEnterSpending && (
                              <div>
                                <button type="button" className="link small" aria-expanded={editing === n.record.id} onClick={() => setEditing(editing === n.record.id ? null : n.record.id)}>
                                  ✎ {t('prog.editSpending')}
                                </button>
                              </div>
                            )}
                            {(n.record.indicators ?? []).length > 0 && (
                              <div className="small muted">
                                {t('dash.programIndicators')}: {(n.record.indicators ?? []).map((i) => `${i.name} (${t('col.target')} ${num(i.targets?.[String(year)])})`).join('; ')}
                              </div>
                            )}
                          </th>
                          <td className="num">{money(f.stages.initial)}</td>
                          <td className="num">{money(f.stages.shift)}</td>
                          <td className="num">{money(f.stages.revised)}</td>
                          <td className="num">
                            <strong>{money(f.final)}</strong>
                          </td>
                          {quarters.map((q) => {
                            const s = f.spendingByPeriod.find((p) => p.period === q);
                            return (
                              <td key={q} className="num">
                                {s ? money(s.amount) : '—'}
                                {s?.physical !== null && s?.physical !== undefined && <div className="small muted">{t('prog.physical')} {num(s.physical)}%</div>}
                              </td>
                            );
                          })}
                          <td className="num">{money(f.spent)}</td>
                          <td>
                            <PercentBar value={f.absorption} label={`${t('col.absorption')} ${n.record.name}`} />
                          </td>
                        </tr>
                        {editing === n.record.id && (
                          <tr className="edit-row">
                            <td colSpan={7 + quarters.length}>
                              <SpendingForm
                                agencyId={profile.id}
                                year={year}
                                node={n}
                                t={t}
                                onSaved={() => {
                                  setEditing(null);
                                  data.reload();
                                }}
                                onReload={data.reload}
                              />
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('common.total')}</th>
                    <td />
                    <td />
                    <td />
                    <td className="num">
                      <strong>{money(total.final)}</strong>
                    </td>
                    {quarterly.map((q, i) => (
                      <td key={i} className="num">
                        {q ? money(q) : '—'}
                      </td>
                    ))}
                    <td className="num">{money(total.spent)}</td>
                    <td>
                      <PercentBar value={total.final > 0 ? (total.spent / total.final) * 100 : null} label={t('common.total')} />
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </Card>
          <Card title={`${t('prog.final')} / ${t('col.spent')}`}>
            <Chart option={budgetChart(roots, t('prog.final'), t('col.spent'))} summary={roots.map((n) => `${n.record.name}: ${rp(n.figures.final)} / ${rp(n.figures.spent)}`).join('; ')} height={Math.max(220, roots.length * 52)} />
          </Card>
        </>
      )}
    </div>
  );
}

function SpendingForm(props: { agencyId: string; year: number; node: NodeView; t: Translate; onSaved: () => void; onReload: () => void }) {
  const { agencyId, year, node, t, onSaved, onReload } = props;
  const ofYear = (node.record.spending ?? []).filter((s) => s.year === year);
  const [amounts, setAmounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(QUARTERS.map((q) => [q, inputText(ofYear.find((s) => s.period === q)?.amount)])),
  );
  const [physical, setPhysical] = useState<Record<string, string>>(() =>
    Object.fromEntries(QUARTERS.map((q) => [q, inputText(ofYear.find((s) => s.period === q)?.physical)])),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const label = (q: Period) => t(`period.${q}` as MessageKey);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    // the year's other entries (the whole year, semesters) are kept as they are
    const entries: { period?: Period; amount: number; physical?: number; source?: string; where?: string }[] = ofYear
      .filter((s) => !QUARTERS.includes(s.period ?? 'Y'))
      .map(({ year: _y, ...rest }) => rest);
    for (const q of QUARTERS) {
      const a = parseNumber(amounts[q] ?? '');
      const p = parseNumber(physical[q] ?? '');
      if (a === null) continue;
      if (Number.isNaN(a) || (p !== null && Number.isNaN(p))) {
        setError(new Error(t('real.badNumber', { text: Number.isNaN(a) ? (amounts[q] ?? '') : (physical[q] ?? '') })));
        return;
      }
      entries.push({ period: q, amount: a, ...(p !== null ? { physical: p } : {}) });
    }
    setBusy(true);
    try {
      await api.setSpending(agencyId, node.record.id, { version: node.version, year, entries });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="spending-form" onSubmit={submit} aria-label={`${t('prog.editSpending')} ${node.record.name}`}>
      <p className="small muted">{t('prog.spendingHelp')}</p>
      <div className="form-row">
        {QUARTERS.map((q) => (
          <div key={q}>
            <label htmlFor={`sp-${node.record.id}-${q}`}>{t('prog.amount', { period: label(q) })}</label>
            <input id={`sp-${node.record.id}-${q}`} inputMode="decimal" value={amounts[q] ?? ''} onChange={(e) => setAmounts((s) => ({ ...s, [q]: e.target.value }))} />
            <label htmlFor={`ph-${node.record.id}-${q}`}>{t('prog.physicalOf', { period: label(q) })}</label>
            <input id={`ph-${node.record.id}-${q}`} inputMode="decimal" value={physical[q] ?? ''} onChange={(e) => setPhysical((s) => ({ ...s, [q]: e.target.value }))} />
          </div>
        ))}
      </div>
      {error !== null &&
        (error instanceof ApiError && error.status === 409 ? <ConflictNotice current={error.current} onReload={() => { setError(null); onReload(); }} /> : <ErrorView error={error} />)}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function budgetChart(roots: NodeView[], final: string, spent: string): ChartOption {
  const items = [...roots].reverse();
  const label = (n: NodeView) => n.record.code ?? n.record.id;
  return {
    grid: { left: 8, right: 24, top: 28, bottom: 16, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => rp(Number(v)) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${num(v / 1e9, 1)} M` } },
    yAxis: { type: 'category', data: items.map(label) },
    series: [
      { name: final, type: 'bar', data: items.map((n) => n.figures.final ?? 0), itemStyle: { color: '#9db4d3' } },
      { name: spent, type: 'bar', data: items.map((n) => n.figures.spent ?? 0), itemStyle: { color: '#2f5d8a' } },
    ],
  };
}

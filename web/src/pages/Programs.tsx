/**
 * Programs and budget: program → kegiatan → sub-kegiatan with the three budget stages, spending by
 * quarter and the indicators served. The agency's planner sets a node's budget stages of the year
 * and the indicators it supports; the planner and operators enter spending by quarter
 * (src/server/policies/program.ts). The figures are the server's, read again after each change.
 */
import { Fragment, useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type BudgetInput, type NodeView, type Period, type PlanView, type Support } from '../api.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { ConflictNotice } from '../components/Conflict.js';
import { compact, fieldErrors, NumberField, SaveError, textOf } from '../components/forms.js';
import { Card, ErrorView, Loading, PercentBar, TableWrap } from '../components/ui.js';
import { useUser } from '../auth.js';
import { ApiError } from '../http.js';
import { inputText, money, num, parseNumber, pct, rp } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';

const QUARTERS: Period[] = ['Q1', 'Q2', 'Q3', 'Q4'];
type Stage = BudgetInput['stage'];
const STAGES: Stage[] = ['initial', 'shift', 'revised'];
type EditWhat = 'spending' | 'budget' | 'supports';

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
  const [editing, setEditing] = useState<{ node: string; what: EditWhat } | null>(null);
  const user = useUser();
  // spending is entered by the agency's planner and operators; budgets and supports are the planner's (src/server/policies/program.ts)
  const mayEnterSpending = (user.role === 'planner' || user.role === 'operator') && user.agencyId === profile.id;
  const planner = user.role === 'planner' && user.agencyId === profile.id;
  const isEditing = (node: string, what: EditWhat) => editing?.node === node && editing.what === what;
  const toggleEdit = (node: string, what: EditWhat) => setEditing(isEditing(node, what) ? null : { node, what });
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
            <TableWrap label={t('prog.title', { year })}>
              <table className="tree-table" data-testid="programs">
                <caption className="sr-only">{t('prog.title', { year })}</caption>
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
                        <tr className={`level-${n.record.level}`} data-node={n.record.id}>
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
                                  .map((s) => `${names.get(s.indicator) ?? s.indicator}${'share' in s && s.share !== undefined && s.share !== 1 ? ` (${pct(s.share * 100)})` : ''}`)
                                  .join('; ')}
                              </div>
                            )}
                            {(mayEnterSpending || planner) && (
                              <div className="node-actions">
                                {planner && (
                                  <button
                                    type="button"
                                    className="link small"
                                    aria-expanded={isEditing(n.record.id, 'budget')}
                                    aria-label={`${t('prog.editBudget')} ${n.record.name}`}
                                    onClick={() => toggleEdit(n.record.id, 'budget')}
                                  >
                                    ✎ {t('prog.editBudget')}
                                  </button>
                                )}
                                {mayEnterSpending && (
                                  <button type="button" className="link small" aria-expanded={isEditing(n.record.id, 'spending')} onClick={() => toggleEdit(n.record.id, 'spending')}>
                                    ✎ {t('prog.editSpending')}
                                  </button>
                                )}
                                {planner && (
                                  <button
                                    type="button"
                                    className="link small"
                                    aria-expanded={isEditing(n.record.id, 'supports')}
                                    aria-label={`${t('prog.editSupports')} ${n.record.name}`}
                                    onClick={() => toggleEdit(n.record.id, 'supports')}
                                  >
                                    ✎ {t('prog.editSupports')}
                                  </button>
                                )}
                              </div>
                            )}
                            {(n.record.indicators ?? []).length > 0 && (
                              <div className="small muted">
                                {t('dash.programIndicators')}: {(n.record.indicators ?? []).map((i) => `${i.name} (${t('col.target')} ${num(i.targets?.[String(year)])})`).join('; ')}
                              </div>
                            )}
                          </th>
                          <td className="num" data-col="initial">{money(f.stages.initial)}</td>
                          <td className="num" data-col="shift">{money(f.stages.shift)}</td>
                          <td className="num" data-col="revised">{money(f.stages.revised)}</td>
                          <td className="num" data-col="final">
                            <strong>{money(f.final)}</strong>
                          </td>
                          {quarters.map((q) => {
                            const s = f.spendingByPeriod.find((p) => p.period === q);
                            return (
                              <td key={q} className="num">
                                {s ? money(s.amount) : '—'}
                                {s?.physical !== null && s?.physical !== undefined && <div className="small muted">{t('prog.physical')} {pct(s.physical)}</div>}
                              </td>
                            );
                          })}
                          <td className="num">{money(f.spent)}</td>
                          <td>
                            <PercentBar value={f.absorption} label={`${t('col.absorption')} ${n.record.name}`} />
                          </td>
                        </tr>
                        {editing?.node === n.record.id && (
                          <tr className="edit-row">
                            <td colSpan={7 + quarters.length}>
                              {editing.what === 'budget' && (
                                <BudgetForm
                                  agencyId={profile.id}
                                  year={year}
                                  node={n}
                                  t={t}
                                  loading={data.status === 'loading'}
                                  onSaved={() => {
                                    setEditing(null);
                                    data.reload();
                                  }}
                                  onReload={data.reload}
                                  onCancel={() => setEditing(null)}
                                />
                              )}
                              {editing.what === 'supports' && (
                                <SupportsForm
                                  agencyId={profile.id}
                                  node={n}
                                  plans={data.data!.plans}
                                  t={t}
                                  loading={data.status === 'loading'}
                                  onSaved={() => {
                                    setEditing(null);
                                    data.reload();
                                  }}
                                  onReload={data.reload}
                                  onCancel={() => setEditing(null)}
                                />
                              )}
                              {editing.what === 'spending' && <SpendingForm
                                agencyId={profile.id}
                                year={year}
                                node={n}
                                t={t}
                                onSaved={() => {
                                  setEditing(null);
                                  data.reload();
                                }}
                                onReload={data.reload}
                              />}
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
                    <td className="num" data-col="final">
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
            </TableWrap>
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
    <form noValidate className="spending-form" onSubmit={submit} aria-label={`${t('prog.editSpending')} ${node.record.name}`}>
      <p className="small muted">{t('prog.spendingHelp')}</p>
      <div className="form-row">
        {QUARTERS.map((q) => (
          <div key={q}>
            <label htmlFor={`sp-${node.record.id}-${q}`}>{t('prog.amount', { period: label(q) })}</label>
            <NumberField id={`sp-${node.record.id}-${q}`} value={amounts[q] ?? ''} onChange={(v) => setAmounts((s) => ({ ...s, [q]: v }))} />
            <label htmlFor={`ph-${node.record.id}-${q}`}>{t('prog.physicalOf', { period: label(q) })}</label>
            <NumberField id={`ph-${node.record.id}-${q}`} value={physical[q] ?? ''} onChange={(v) => setPhysical((s) => ({ ...s, [q]: v }))} />
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

interface BudgetRow {
  key: number;
  /** the entry as read (its date, `where`, `extra`, `note` are kept) */
  base: BudgetInput | null;
  stage: Stage;
  amount: string;
  source: string;
}

let rowKey = 1;

/** The year's budget entries of a node by stage (anggaran awal, pergeseran, perubahan); a stage without one gets an empty row. */
function budgetRows(node: NodeView, year: number): BudgetRow[] {
  const ofYear = node.record.budgets.filter((b) => b.year === year);
  const rows: BudgetRow[] = [];
  for (const stage of STAGES) {
    const entries = ofYear.filter((b) => b.stage === stage);
    if (entries.length === 0) rows.push({ key: rowKey++, base: null, stage, amount: '', source: '' });
    for (const { year: _y, ...b } of entries) rows.push({ key: rowKey++, base: b, stage, amount: inputText(b.amount), source: b.source ?? '' });
  }
  return rows;
}

function BudgetForm(props: { agencyId: string; year: number; node: NodeView; t: Translate; loading: boolean; onSaved: () => void; onReload: () => void; onCancel: () => void }) {
  const { agencyId, year, node, t, loading, onSaved, onReload, onCancel } = props;
  const [rows, setRows] = useState<BudgetRow[]>(() => budgetRows(node, year));
  const [version, setVersion] = useState(node.version);
  // a reload after a conflict brings the current version; what the planner typed stays
  useEffect(() => setVersion(node.version), [node.version]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** row key → its place in the entries sent (the server's findings say `body.entries[i]`) */
  const [sent, setSent] = useState<Record<number, number>>({});
  const fe = fieldErrors(error, ['body']);
  const id = (r: BudgetRow, f: string) => `bg-${node.record.id}-${r.key}-${f}`;
  const own = node.record.budgets.some((b) => b.year === year);
  const stageLabel = (st: Stage) => t(`prog.${st}` as MessageKey);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const entries: BudgetInput[] = [];
    const places: Record<number, number> = {};
    for (const r of rows) {
      const amount = parseNumber(r.amount);
      if (amount === null) continue;
      places[r.key] = entries.length;
      if (Number.isNaN(amount)) {
        setSent(places);
        setError(
          new ApiError(400, 'invalid-input', t('real.badNumber', { text: r.amount }), [
            { severity: 'error', code: 'invalid-input', where: `body.entries[${entries.length}].amount`, message: t('real.badNumber', { text: r.amount }) },
          ]),
        );
        return;
      }
      entries.push(compact<BudgetInput>({ ...r.base, stage: r.stage, amount, source: textOf(r.source) }));
    }
    setSent(places);
    setBusy(true);
    try {
      await api.setBudgets(agencyId, node.record.id, { version, year, entries });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (r: BudgetRow, f: 'amount' | 'source' | 'stage') => (sent[r.key] === undefined ? `(unsent).${f}` : `entries[${sent[r.key]}].${f}`);
  const update = (key: number, change: Partial<BudgetRow>) => setRows((rs) => rs.map((x) => (x.key === key ? { ...x, ...change } : x)));

  return (
    <form noValidate className="budget-form" onSubmit={submit} aria-label={`${t('prog.editBudget')} ${node.record.name}`}>
      <p className="small muted">
        {t('prog.budgetHelp', { year })}
        {!own && node.children.length > 0 && ` ${t('prog.budgetFromChildren')}`}
      </p>
      <div className="form-row">
        {rows.map((r) => {
          const same = rows.filter((x) => x.stage === r.stage);
          const label = `${stageLabel(r.stage)}${same.length > 1 ? ` ${same.indexOf(r) + 1}` : ''}`;
          return (
            <div key={r.key} data-stage={r.stage}>
              <label htmlFor={id(r, 'amount')}>{t('prog.stageAmount', { stage: label })}</label>
              <NumberField id={id(r, 'amount')} className="num" value={r.amount} onChange={(v) => update(r.key, { amount: v })} errors={fe} field={field(r, 'amount')} />
              <label htmlFor={id(r, 'source')}>{t('prog.fundSource', { stage: label })}</label>
              <input id={id(r, 'source')} value={r.source} onChange={(e) => update(r.key, { source: e.target.value })} {...fe.aria(field(r, 'source'), id(r, 'source'))} />
              {fe.show(field(r, 'source'), id(r, 'source'))}
            </div>
          );
        })}
      </div>
      <button type="button" className="link small" onClick={() => setRows((rs) => [...rs, { key: rowKey++, base: null, stage: 'initial', amount: '', source: '' }])}>
        + {t('prog.addSource')}
      </button>
      <p className="small muted">
        {t('prog.currentFinal')}: <strong>{rp(node.figures.final)}</strong>
      </p>
      <SaveError
        error={error}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy || loading}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function SupportsForm(props: { agencyId: string; node: NodeView; plans: PlanView[]; t: Translate; loading: boolean; onSaved: () => void; onReload: () => void; onCancel: () => void }) {
  const { agencyId, node, plans, t, loading, onSaved, onReload, onCancel } = props;
  const original = node.record.supports ?? [];
  const byShare = original.filter((s): s is Extract<Support, { share?: number }> => !('amount' in s));
  const stated = original.filter((s) => 'amount' in s);
  const [checked, setChecked] = useState<string[]>(() => byShare.map((s) => s.indicator));
  const [shares, setShares] = useState<Record<string, string>>(() =>
    Object.fromEntries(byShare.map((s) => [s.indicator, s.share === undefined ? '' : inputText(Math.round(s.share * 1e6) / 1e4)])),
  );
  const [version, setVersion] = useState(node.version);
  useEffect(() => setVersion(node.version), [node.version]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string[]>([]);
  const fe = fieldErrors(error, ['body']);
  const listed = new Set(plans.flatMap((p) => p.indicators.map((i) => `${p.id}/${i.record.id}`)));
  const p = `sup-${node.record.id}`;
  const toggle = (ref: string, on: boolean) => setChecked((c) => (on ? [...c, ref] : c.filter((x) => x !== ref)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    // the supports as read, in their order (unticked ones dropped), then the newly ticked
    const order = [...byShare.map((s) => s.indicator).filter((r) => checked.includes(r)), ...checked.filter((r) => !byShare.some((s) => s.indicator === r))];
    const supports: Support[] = [];
    for (const ref of order) {
      const text = shares[ref] ?? '';
      const n = parseNumber(text);
      const where = `body.supports[${supports.length}].share`;
      if (n !== null && (Number.isNaN(n) || n < 0 || n > 100)) {
        setSent([...order]);
        setError(new ApiError(400, 'invalid-input', t('prog.badShare', { text }), [{ severity: 'error', code: 'invalid-input', where, message: t('prog.badShare', { text }) }]));
        return;
      }
      const before = byShare.find((s) => s.indicator === ref);
      supports.push(compact<Support>({ ...before, indicator: ref, share: n === null ? undefined : n / 100 }));
    }
    setSent(order);
    setBusy(true);
    try {
      await api.setSupports(agencyId, node.record.id, { version, supports: [...supports, ...stated] });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const item = (ref: string, name: string) => {
    const i = sent.indexOf(ref);
    const shareField = i < 0 ? '(unsent)' : `supports[${i}].share`;
    const shareId = `${p}-${ref.replace(/[^A-Za-z0-9_-]/g, '_')}-share`;
    return (
      <li key={ref}>
        <label>
          <input type="checkbox" checked={checked.includes(ref)} onChange={(e) => toggle(ref, e.target.checked)} />
          <span>
            {name} <code className="small muted">{ref}</code>
          </span>
        </label>
        {checked.includes(ref) && (
          <span className="share">
            <label htmlFor={shareId} className="small">
              {t('prog.share', { name })}
            </label>
            <input
              id={shareId}
              className="num"
              inputMode="decimal"
              placeholder="100"
              value={shares[ref] ?? ''}
              onChange={(e) => setShares((s) => ({ ...s, [ref]: e.target.value }))}
              {...fe.aria(shareField, shareId)}
            />
            {fe.show(shareField, shareId)}
          </span>
        )}
      </li>
    );
  };

  return (
    <form noValidate className="supports-form" onSubmit={submit} aria-label={`${t('prog.editSupports')} ${node.record.name}`}>
      <p className="small muted">{t('prog.supportsHelp')}</p>
      {plans
        .filter((pl) => pl.indicators.length > 0)
        .map((pl) => (
          <fieldset key={pl.id}>
            <legend>
              {pl.level === 'rpjmd' ? t('plans.rpjmd') : t('plans.renstra')} {pl.startYear}–{pl.endYear}
            </legend>
            <ul className="check-list single">{pl.indicators.map((i) => item(`${pl.id}/${i.record.id}`, i.record.name))}</ul>
          </fieldset>
        ))}
      {byShare.some((s) => !listed.has(s.indicator)) && (
        <fieldset>
          <legend>{t('prog.otherSupports')}</legend>
          <ul className="check-list single">{byShare.filter((s) => !listed.has(s.indicator)).map((s) => item(s.indicator, s.indicator))}</ul>
        </fieldset>
      )}
      {stated.length > 0 && <p className="small muted">{t('prog.statedSupports', { n: stated.length })}</p>}
      <SaveError
        error={error}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy || loading}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
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

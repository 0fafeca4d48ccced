/**
 * Drill-down (`#/a/<agency>/rincian?indikator=REF&tahun=Y`): the figure of an indicator counted
 * from a register, its conditions in words, and the entities behind it — counted, not counted, the
 * population — searchable, in pages, downloadable (CSV, XLSX); each entity links to its page in
 * the register (`#/a/<agency>/register/<register>/<key>`). No personal field is ever listed.
 */
import { useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type DrillQuery, type RegisterDrill } from '../api.js';
import { saveBlob } from '../components/Reports.js';
import { Card, ErrorView, errorText, Loading, TableWrap } from '../components/ui.js';
import { formatDate, num } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n, type MessageKey, type Translate } from '../i18n.js';
import { href, queryOf } from '../router.js';

type Side = NonNullable<DrillQuery['side']>;
const SIDES: { id: Side; label: MessageKey }[] = [
  { id: 'counted', label: 'drill.counted' },
  { id: 'not-counted', label: 'drill.notCounted' },
  { id: 'population', label: 'drill.population' },
];
const PAGE = 50;

/** The address of an indicator's drill-down. */
export function drillHref(agencyId: string, indicator: string, year: number): string {
  return `${href('a', agencyId, 'rincian')}?${new URLSearchParams({ indikator: indicator, tahun: String(year) }).toString()}`;
}

/** Whether an indicator is counted from a register in a year (its `fromRegister`, from `since`). */
export function drillable(ind: { fromRegister?: { since?: number | undefined } | undefined } | undefined, year: number): boolean {
  const m = ind?.fromRegister;
  return m !== undefined && (m.since === undefined || year >= m.since);
}

export default function Drill({ profile, path }: { profile: AgencyProfile; path: string }) {
  const { t } = useI18n();
  const q = queryOf(path);
  const indicator = q.get('indikator') ?? '';
  const year = Number(q.get('tahun'));
  if (!indicator || !Number.isInteger(year)) {
    return (
      <div className="page drill">
        <h1>{t('drill.title')}</h1>
        <p className="error">{t('drill.missing')}</p>
      </div>
    );
  }
  return <DrillView key={`${indicator}@${year}`} agencyId={profile.id} indicator={indicator} year={year} t={t} />;
}

function DrillView({ agencyId, indicator, year, t }: { agencyId: string; indicator: string; year: number; t: Translate }) {
  const { lang } = useI18n();
  const [side, setSide] = useState<Side>('counted');
  const [search, setSearch] = useState('');
  const [draft, setDraft] = useState('');
  const [page, setPage] = useState(1);
  const [fileError, setFileError] = useState<string | null>(null);
  const query: DrillQuery = { indicator, year, side, page, pageSize: PAGE, ...(search ? { q: search } : {}) };
  const data = useAsync((signal) => api.drill(agencyId, query, signal), [agencyId, indicator, year, side, search, page]);
  const [shown, setShown] = useState<RegisterDrill | undefined>(undefined);
  if (data.data && data.data !== shown) setShown(data.data);
  const d = data.data ?? shown;

  if (!d) return data.status === 'error' ? <ErrorView error={data.error} onRetry={data.reload} /> : <Loading />;

  const find = (e: FormEvent) => {
    e.preventDefault();
    setSearch(draft.trim());
    setPage(1);
  };
  const download = async (format: 'csv' | 'xlsx') => {
    setFileError(null);
    try {
      const { page: _p, pageSize: _s, ...all } = query;
      const file = await api.drillFile(agencyId, all, format);
      saveBlob(file.blob, file.fileName ?? `rincian.${format}`);
    } catch (e) {
      setFileError(errorText(e, t, lang));
    }
  };
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  const periodText = lang === 'id' ? d.periodLabel : `${t(`period.${d.period}` as MessageKey)} ${d.year}`;
  const f = d.figure;
  const unit = d.indicator?.unit ? ` ${d.indicator.unit}` : '';
  const shownValue = (v: string | number | boolean | undefined, type: string): string => {
    if (v === undefined) return '—';
    if (typeof v === 'boolean') return v ? t('drill.yes') : t('drill.no');
    if (typeof v === 'number') return num(v, Number.isInteger(v) ? 0 : 2);
    return type === 'date' ? formatDate(v, lang) : v;
  };
  const sideLabel = t(SIDES.find((s) => s.id === d.side)!.label);

  return (
    <div className="page drill">
      <div className="page-head">
        <h1>
          {t('drill.title')}: {d.indicator?.name ?? d.table?.title}
        </h1>
        <p className="muted" data-testid="drill-period">
          {t('drill.asOf', { period: periodText, date: formatDate(d.asOf, lang) })} · <a href={href('a', agencyId, 'dashboard', year)}>{t('drill.back')}</a>
        </p>
      </div>
      <Card>
        <p data-testid="drill-figure">
          <strong>{t('drill.figure')}:</strong>{' '}
          {f.denominator !== null && d.indicator?.share
            ? f.value === null
              ? `${t('drill.share', { n: num(f.numerator, 0), d: num(f.denominator, 0) })} — ${t('drill.empty')}`
              : `${t('drill.share', { n: num(f.numerator, 0), d: num(f.denominator, 0) })} = ${num(f.value)}${unit}`
            : `${num(f.numerator, 0)}${unit}`}
        </p>
        <dl className="drill-words">
          <dt>{t('drill.countedWords')}</dt>
          <dd data-testid="drill-words-counted">{d.words.counted}</dd>
          {d.indicator?.share && (
            <>
              <dt>{t('drill.populationWords')}</dt>
              <dd data-testid="drill-words-population">{d.words.population}</dd>
            </>
          )}
        </dl>
        <p className="small muted">{t('drill.noPersonal')}</p>
      </Card>

      <div className="tabs" role="tablist" aria-label={t('drill.tabs')}>
        {SIDES.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`tab-${s.id}`}
            aria-selected={s.id === side}
            aria-controls="drill-panel"
            className={s.id === side ? 'active' : ''}
            onClick={() => {
              setSide(s.id);
              setPage(1);
            }}
          >
            {t(s.label)}
          </button>
        ))}
      </div>

      <section role="tabpanel" id="drill-panel" aria-labelledby={`tab-${side}`} className="card">
        <form className="filters" onSubmit={find} role="search">
          <label>
            {t('drill.search')}
            <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <div className="toolbar">
            <button type="submit" className="primary">
              {t('drill.find')}
            </button>
            <button type="button" onClick={() => void download('csv')}>
              {t('drill.csv')}
            </button>
            <button type="button" onClick={() => void download('xlsx')}>
              {t('drill.xlsx')}
            </button>
          </div>
        </form>
        {fileError && (
          <p className="error" role="alert">
            {fileError}
          </p>
        )}
        {data.status === 'error' && <ErrorView error={data.error} onRetry={data.reload} />}
        <p className="small muted" role="status" data-testid="drill-total">
          {t('drill.total', { n: num(d.total, 0) })} · {t('drill.pageOf', { page: num(d.page, 0), pages: num(pages, 0) })}
        </p>
        {d.entities.length === 0 ? (
          <p>{t('drill.none')}</p>
        ) : (
          <TableWrap label={t('drill.caption', { side: sideLabel })}>
            <table data-testid="drill-entities">
              <caption className="sr-only">{t('drill.caption', { side: sideLabel })}</caption>
              <thead>
                <tr>
                  <th scope="col">{d.register.keyName}</th>
                  {d.register.labelName !== d.register.keyName && <th scope="col">{d.register.labelName}</th>}
                  {d.fields.map((x) => (
                    <th scope="col" key={x.id}>
                      {x.name}
                    </th>
                  ))}
                  {d.side === 'population' && <th scope="col">{t('drill.isCounted')}</th>}
                </tr>
              </thead>
              <tbody>
                {d.entities.map((e) => (
                  <tr key={e.key} data-key={e.key}>
                    <td>
                      <a href={href('a', agencyId, 'register', d.register.id, e.key)}>{e.key}</a>
                    </td>
                    {d.register.labelName !== d.register.keyName && <td>{e.label}</td>}
                    {d.fields.map((x) => (
                      <td key={x.id} className={x.type === 'number' ? 'num' : undefined}>
                        {shownValue(e.values[x.id], x.type)}
                      </td>
                    ))}
                    {d.side === 'population' && <td>{e.counted ? t('drill.yes') : t('drill.no')}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {pages > 1 && (
          <nav className="toolbar pager" aria-label={t('drill.pageOf', { page: num(d.page, 0), pages: num(pages, 0) })}>
            <button type="button" disabled={d.page <= 1} onClick={() => setPage(d.page - 1)}>
              {t('drill.prev')}
            </button>
            <button type="button" disabled={d.page >= pages} onClick={() => setPage(d.page + 1)}>
              {t('drill.next')}
            </button>
          </nav>
        )}
      </section>
    </div>
  );
}

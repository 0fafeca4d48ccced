/**
 * "Tugas saya": what waits for the signed-in user, most pressing first (the server's worklist,
 * GET /api/worklist), grouped overdue → due → waiting → undated. Each item links to where the
 * work is done and says what and why in the interface's language; the landing page after sign-in.
 */
import type { WorkItem, Worklist as WorklistData } from '../api.js';
import { useUser } from '../auth.js';
import { ErrorView, Loading } from '../components/ui.js';
import { formatDate } from '../fmt.js';
import type { Async } from '../hooks.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { href } from '../router.js';

const GROUPS = ['overdue', 'due', 'waiting', 'undated'] as const;

/** Where an item's work is done: a hash route of the application. */
export function targetHref(i: WorkItem): string {
  const t = i.target;
  switch (t.page) {
    case 'realizations':
      return `${href('a', t.agency, 'realizations', t.year)}?indicator=${encodeURIComponent(t.indicator)}&period=${t.period}`;
    case 'evaluation':
      return `${href('a', t.agency, 'evaluation')}?rec=${encodeURIComponent(t.recommendation)}`;
    case 'dashboard':
      return t.year === null ? href('a', t.agency, 'dashboard') : href('a', t.agency, 'dashboard', t.year);
  }
}

export default function Worklist({ data }: { data: Async<WorklistData> & { reload: () => void } }) {
  const { t, lang } = useI18n();
  const user = useUser();
  if (data.status === 'error' && !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const w = data.data;
  const manyAgencies = new Set(w.items.map((i) => i.agency.id)).size > 1 || user.role === 'admin' || user.role === 'evaluator';
  return (
    <div className="page worklist">
      <h1>{t('work.title')}</h1>
      <p className="muted small" data-testid="work-today">
        {t('work.asOf', { date: formatDate(w.today, lang) })}
        {(user.role === 'admin' || user.role === 'evaluator') && user.region && w.latestYear !== null && (
          <>
            {' '}
            <a href={href('region', user.region, w.latestYear)}>{t('work.dashboardLink', { year: w.latestYear })}</a>
          </>
        )}
      </p>
      {w.items.length === 0 ? (
        <p className="card" data-testid="work-empty">
          {t('work.empty')}
        </p>
      ) : (
        <>
          <ul className="stats work-stats" aria-label={t('work.summary')}>
            {GROUPS.filter((g) => w.counts[g] > 0).map((g) => (
              <li key={g} className={`stat work-stat-${g}`}>
                <div className="stat-value" data-testid={`work-count-${g}`}>
                  {w.counts[g]}
                </div>
                <div className="stat-label">{t(`work.status.${g}` as MessageKey)}</div>
              </li>
            ))}
          </ul>
          {GROUPS.map((g) => {
            const items = w.items.filter((i) => i.status === g);
            if (items.length === 0) return null;
            return (
              <section key={g} className="work-group" aria-labelledby={`work-${g}`}>
                <h2 id={`work-${g}`}>
                  {t(`work.status.${g}` as MessageKey)} <span className="muted">({items.length})</span>
                </h2>
                <ul className="work-list" data-testid={`work-${g}`}>
                  {items.map((i, n) => (
                    <li key={`${i.kind}-${i.agency.id}-${i.target.page}-${i.indicator?.ref ?? i.recommendation?.id ?? ''}-${i.year ?? ''}-${i.period ?? ''}-${n}`} className={`work-item work-${i.status}`} data-kind={i.kind}>
                      <a href={targetHref(i)} className="work-title">
                        {i.title[lang]}
                      </a>
                      <span className="work-detail">{i.detail[lang]}</span>
                      <span className="work-meta small muted">
                        {t(`work.kind.${i.kind}` as MessageKey)}
                        {manyAgencies && i.kind !== 'agency' ? ` · ${i.agency.name}` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}

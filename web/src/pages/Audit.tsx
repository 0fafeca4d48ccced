/**
 * The audit trail ("Jejak Audit"): who changed what and when, for an agency (its planner and
 * head, the region's admin and evaluator) or a whole region (its admin). Filters by person,
 * kind of record, action and days; each entry names the record in words and lists the changed
 * fields before → after; older entries page in; the same filter downloads as CSV.
 */
import { useState, type FormEvent } from 'react';
import { api, type AuditFilter, type ReadableAuditEntry } from '../api.js';
import { DateField, FacetSelect } from '../components/forms.js';
import { saveBlob } from '../components/Reports.js';
import { Card, ErrorView, Loading, errorText, TableWrap } from '../components/ui.js';
import { formatDateTime } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n } from '../i18n.js';

type Scope = { agency: string } | { region: string };

const PAGE = 50;

export default function AuditPage({ scope, title }: { scope: Scope; title: string }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState<AuditFilter>({});
  const [older, setOlder] = useState<ReadableAuditEntry[]>([]);
  const [more, setMore] = useState<{ busy: boolean; done: boolean }>({ busy: false, done: false });
  const [csvError, setCsvError] = useState<string | null>(null);
  const key = 'agency' in scope ? `a:${scope.agency}` : `r:${scope.region}`;
  const load = (f: AuditFilter, signal?: AbortSignal) => ('agency' in scope ? api.audit(scope.agency, f, signal) : api.regionAudit(scope.region, f, signal));
  const data = useAsync((signal) => load({ ...filter, limit: PAGE }, signal), [key, JSON.stringify(filter)]);

  if (data.status === 'error' && !data.data) return <ErrorView error={data.error} />;
  if (!data.data) return <Loading />;
  const page = data.data;
  const entries = [...page.entries, ...older];
  const regionWide = !('agency' in scope);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    // a day not yet readable (DateField says so under it) is not applied
    if ([draft.from, draft.to].some((d) => d && !/^\d{4}-\d{2}-\d{2}$/.test(d))) return;
    setOlder([]);
    setMore({ busy: false, done: false });
    setFilter(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '' && v !== undefined)) as AuditFilter);
  };
  const reset = () => {
    setDraft({});
    setOlder([]);
    setMore({ busy: false, done: false });
    setFilter({});
  };
  const loadOlder = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setMore({ busy: true, done: false });
    try {
      const next = await load({ ...filter, limit: PAGE, before: last.id });
      setOlder((o) => [...o, ...next.entries]);
      setMore({ busy: false, done: next.entries.length < PAGE });
    } catch {
      setMore({ busy: false, done: false });
    }
  };
  const csv = async () => {
    setCsvError(null);
    try {
      const file = await api.auditCsv(scope, filter, lang);
      saveBlob(file.blob, file.fileName ?? 'jejak-audit.csv');
    } catch (e) {
      setCsvError(errorText(e, t, lang));
    }
  };
  const exhausted = more.done || page.entries.length < PAGE;

  return (
    <div className="page audit">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="muted">{t('aud.intro')}</p>
      <Card title={t('aud.filters')}>
        <form className="filters" onSubmit={apply} noValidate>
          <FacetSelect label={t('aud.actor')} any={t('aud.any')} value={draft.actor} options={page.facets.actors.map((a) => ({ id: a, label: a }))} onChange={(actor) => setDraft({ ...draft, actor })} />
          <FacetSelect label={t('aud.entity')} any={t('aud.any')} value={draft.entity} options={page.facets.entities.map((x) => ({ id: x.id, label: x.label[lang] }))} onChange={(entity) => setDraft({ ...draft, entity })} />
          <FacetSelect label={t('aud.action')} any={t('aud.any')} value={draft.action} options={page.facets.actions.map((x) => ({ id: x.id, label: x.label[lang] }))} onChange={(action) => setDraft({ ...draft, action })} />
          <label>
            {t('aud.from')}
            <DateField id="aud-from" value={draft.from ?? ''} onChange={(from) => setDraft({ ...draft, from })} />
          </label>
          <label>
            {t('aud.to')}
            <DateField id="aud-to" value={draft.to ?? ''} onChange={(to) => setDraft({ ...draft, to })} />
          </label>
          <div className="toolbar">
            <button type="submit" className="primary">{t('aud.apply')}</button>
            <button type="button" onClick={reset}>
              {t('aud.reset')}
            </button>
            <button type="button" onClick={() => void csv()}>
              {t('aud.csv')}
            </button>
          </div>
        </form>
        {csvError && (
          <p className="error" role="alert">
            {csvError}
          </p>
        )}
        {data.status === 'error' && <ErrorView error={data.error} />}
      </Card>
      {entries.length === 0 ? (
        <p>{t('aud.none')}</p>
      ) : (
        <>
          <p className="small muted" role="status">
            {t('aud.count', { n: entries.length })}
          </p>
          <TableWrap label={t('aud.caption')}>
            <table className="audit-log" data-testid="audit-log">
              <caption className="sr-only">{t('aud.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('aud.when')}</th>
                  <th scope="col">{t('aud.who')}</th>
                  {regionWide && <th scope="col">{t('aud.agency')}</th>}
                  <th scope="col">{t('aud.what')}</th>
                  <th scope="col">{t('aud.changes')}</th>
                  <th scope="col">{t('aud.note')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-testid="audit-entry">
                    <td className="nowrap" data-label={t('aud.when')}>{formatDateTime(e.at, lang)}</td>
                    <td data-label={t('aud.who')}>{e.actor.name}</td>
                    {regionWide && <td data-label={t('aud.agency')}>{e.agencyName ?? '—'}</td>}
                    <td data-label={t('aud.what')}>
                      <strong>{e.actionLabel[lang]}</strong>: {e.subject[lang]}
                      <div className="small muted">{e.entityLabel[lang]}</div>
                    </td>
                    <td data-label={t('aud.changes')}>
                      {e.changes.length === 0 ? (
                        <span className="muted">{t('aud.noChange')}</span>
                      ) : (
                        <ul className="changes">
                          {e.changes.map((c, i) => (
                            <li key={i}>
                              <span className="field">{c.field[lang]}</span>:{' '}
                              {c.before === null ? (
                                <ins>{c.after?.[lang]}</ins>
                              ) : c.after === null ? (
                                <del>{c.before[lang]}</del>
                              ) : (
                                <>
                                  <del>{c.before[lang]}</del> → <ins>{c.after[lang]}</ins>
                                </>
                              )}
                            </li>
                          ))}
                          {e.moreChanges > 0 && <li className="muted">{t('aud.moreChanges', { n: e.moreChanges })}</li>}
                        </ul>
                      )}
                    </td>
                    <td className="small" data-label={t('aud.note')}>{e.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {!exhausted && (
            <p>
              <button type="button" disabled={more.busy} onClick={() => void loadOlder()}>
                {t('aud.more')}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Registers (data tunggal; registers.md): the agency's registers (`#/a/<agency>/register`), one
 * register's list — searched, filtered by its category and yes/no fields (per-year ones in a
 * chosen year), paged, downloaded, and imported with a preview before "Simpan" for who keeps it —
 * (`#/a/<agency>/register/<id>`), and one entity with every field, its per-year values and its
 * history of events (`#/a/<agency>/register/<id>/<key>`). Personal fields arrive masked from the
 * server unless the policy lets the user see them whole; the page says which, and never unmasks.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, type AgencyProfile, type RegisterEntityView, type RegisterImportAnswer, type RegisterQuery, type RegisterView } from '../api.js';
import { FacetSelect } from '../components/forms.js';
import { Card, ErrorView, Loading, TableWrap } from '../components/ui.js';
import { formatDate, num, pct } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { ApiError } from '../http.js';
import { useI18n, type Translate } from '../i18n.js';
import { href } from '../router.js';

type Field = RegisterView['fields'][number];
type Value = RegisterEntityView['data'][string];

export default function Registers({ profile, register, entityKey }: { profile: AgencyProfile; register: string | undefined; entityKey: string | undefined }) {
  if (register && entityKey) return <EntityPage profile={profile} register={register} entityKey={entityKey} />;
  if (register) return <RegisterPage profile={profile} register={register} />;
  return <RegisterIndex profile={profile} />;
}

/** A stored value as a reader sees it: numbers and dates the Indonesian way, yes/no in words, a reference as a link. */
function ValueText({ profile, field, value, whole = true }: { profile: AgencyProfile; field: Field; value: Value | undefined; whole?: boolean }) {
  const { t, lang } = useI18n();
  if (value === undefined || value === '') return <span className="muted">—</span>;
  if (field.personal && !whole) {
    return (
      <span className="masked" title={t('reg.masked')}>
        {value}
      </span>
    );
  }
  if (typeof value === 'boolean') return <>{value ? t('reg.yes') : t('reg.no')}</>;
  if (typeof value === 'number') return <>{num(value, 6)}</>;
  if (field.type === 'date') return <span className="nowrap">{formatDate(value, lang)}</span>;
  if (field.type === 'reference' && field.register) return <a href={href('a', profile.id, 'register', field.register, value)}>{value}</a>;
  return <>{value}</>;
}

function PersonalNote({ reg }: { reg: RegisterView }) {
  const { t } = useI18n();
  if (!reg.fields.some((f) => f.personal)) return null;
  return (
    <p className={reg.seesPersonal ? 'notice' : 'muted small'} data-testid="personal-note">
      {reg.seesPersonal ? t('reg.personalWhole') : t('reg.personalMasked')}
    </p>
  );
}

function RegisterIndex({ profile }: { profile: AgencyProfile }) {
  const { t } = useI18n();
  const regs = useAsync((signal) => api.registers(profile.id, signal), [profile.id]);
  return (
    <div className="page registers">
      <h1>{t('reg.title')}</h1>
      <p>{t('reg.intro')}</p>
      {regs.status === 'error' && <ErrorView error={regs.error} onRetry={regs.reload} />}
      {!regs.data && regs.status === 'loading' && <Loading />}
      {regs.data && regs.data.length === 0 && <p>{t('reg.none')}</p>}
      {regs.data && regs.data.length > 0 && (
        <TableWrap label={t('reg.caption')}>
          <table data-testid="register-list">
            <caption className="sr-only">{t('reg.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reg.name')}</th>
                <th scope="col" className="num">
                  {t('reg.rows')}
                </th>
                <th scope="col">{t('reg.years')}</th>
                <th scope="col">{t('reg.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {regs.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={href('a', profile.id, 'register', r.id)}>{r.name}</a>
                  </th>
                  <td className="num">{num(r.rows, 0)}</td>
                  <td>{r.years.length > 0 ? r.years.join(', ') : '—'}</td>
                  <td>{r.unitName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}

const SIZE = 25;

function RegisterPage({ profile, register }: { profile: AgencyProfile; register: string }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<RegisterQuery>({ page: 1, size: SIZE });
  const [draft, setDraft] = useState<{ q: string; year?: number; filters: Record<string, string> }>({ q: '', filters: {} });
  const page = useAsync((signal) => api.registerRows(profile.id, register, query, signal), [profile.id, register, JSON.stringify(query)]);
  const reg = page.data?.register;

  if (!page.data && page.status === 'error') {
    return (
      <div className="page registers">
        <h1>{t('reg.title')}</h1>
        <ErrorView error={page.error} onRetry={page.reload} />
      </div>
    );
  }
  if (!reg || !page.data) return <Loading />;
  const data = page.data;
  const filterable = reg.fields.filter((f) => f.type === 'category' || f.type === 'yesno');
  const perYear = reg.fields.some((f) => f.perYear);
  const shownYear = query.year ?? reg.years[reg.years.length - 1];
  const columns: { field: Field; year?: number }[] = [
    ...reg.fields.filter((f) => f.id !== reg.key && !f.perYear).map((field) => ({ field })),
    ...(shownYear !== undefined ? reg.fields.filter((f) => f.perYear).map((field) => ({ field, year: shownYear })) : []),
  ];
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    // a per-year field filtered without a year chosen: in the latest year there are values for
    const yearlyFilter = Object.entries(draft.filters).some(([id, v]) => v && reg.fields.find((f) => f.id === id)?.perYear);
    const year = draft.year ?? (yearlyFilter ? reg.years[reg.years.length - 1] : undefined);
    setQuery({ page: 1, size: SIZE, ...(draft.q.trim() ? { q: draft.q.trim() } : {}), ...(year !== undefined ? { year } : {}), filters: draft.filters });
  };
  const keyField = reg.fields.find((f) => f.id === reg.key)!;

  return (
    <div className="page registers">
      <p className="small">
        <a href={href('a', profile.id, 'register')}>{t('reg.all')}</a>
      </p>
      <h1>{reg.name}</h1>
      <PersonalNote reg={reg} />
      <Card>
        <form className="filters toolbar" onSubmit={apply} role="search" aria-label={t('reg.search')}>
          <label>
            {t('reg.search')}
            <input type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} data-testid="register-search" />
          </label>
          {filterable.map((f) => (
            <FacetSelect
              key={f.id}
              label={f.name}
              any={t('reg.any')}
              value={draft.filters[f.id]}
              options={f.type === 'yesno' ? [{ id: 'ya', label: t('reg.yes') }, { id: 'tidak', label: t('reg.no') }] : (f.values ?? []).map((v) => ({ id: v, label: v }))}
              onChange={(v) => setDraft({ ...draft, filters: { ...draft.filters, [f.id]: v } })}
            />
          ))}
          {perYear && reg.years.length > 0 && (
            <FacetSelect
              label={t('reg.year')}
              any={t('reg.any')}
              value={draft.year !== undefined ? String(draft.year) : undefined}
              options={reg.years.map((y) => ({ id: String(y), label: String(y) }))}
              onChange={(v) => {
                const { year: _omit, ...rest } = draft;
                void _omit;
                setDraft(v ? { ...rest, year: Number(v) } : rest);
              }}
            />
          )}
          <button type="submit" className="primary">
            {t('reg.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft({ q: '', filters: {} });
              setQuery({ page: 1, size: SIZE });
            }}
          >
            {t('reg.reset')}
          </button>
        </form>
        {page.status === 'error' && <ErrorView error={page.error} />}
        <p role="status" data-testid="register-total">
          {t('reg.total', { n: num(data.total, 0) })}
        </p>
        {data.rows.length === 0 ? (
          <p>{t('reg.empty')}</p>
        ) : (
          <TableWrap label={t('reg.listCaption', { name: reg.name })}>
            <table data-testid="register-rows">
              <caption className="sr-only">{t('reg.listCaption', { name: reg.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{keyField.name}</th>
                  {columns.map((c) => (
                    <th scope="col" key={`${c.field.id}${c.year ?? ''}`} className={c.field.type === 'number' ? 'num' : undefined}>
                      {c.field.name}
                      {c.year !== undefined ? ` ${c.year}` : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((e) => (
                  <tr key={e.key}>
                    <th scope="row">
                      <a href={href('a', profile.id, 'register', reg.id, e.key)}>{e.key}</a>
                    </th>
                    {columns.map((c) => (
                      <td key={`${c.field.id}${c.year ?? ''}`} className={c.field.type === 'number' ? 'num' : undefined}>
                        <ValueText profile={profile} field={c.field} whole={reg.seesPersonal} value={c.year !== undefined ? e.years[String(c.year)]?.[c.field.id] : e.data[c.field.id]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        {pages > 1 && (
          <nav className="toolbar pager" aria-label={t('reg.pages')}>
            <button type="button" disabled={data.page <= 1} onClick={() => setQuery({ ...query, page: data.page - 1 })}>
              {t('reg.prev')}
            </button>
            <span>{t('reg.page', { page: num(data.page, 0), pages: num(pages, 0) })}</span>
            <button type="button" disabled={data.page >= pages} onClick={() => setQuery({ ...query, page: data.page + 1 })}>
              {t('reg.next')}
            </button>
          </nav>
        )}
      </Card>
      <Card title={t('reg.export')}>
        <p className="small muted">{t('reg.exportHelp')}</p>
        <div className="toolbar">
          <a className="button" href={api.registerExportUrl(profile.id, reg.id, 'csv')} download data-testid="export-csv">
            {t('reg.exportCsv')}
          </a>
          <a className="button" href={api.registerExportUrl(profile.id, reg.id, 'xlsx')} download data-testid="export-xlsx">
            {t('reg.exportXlsx')}
          </a>
          {reg.seesPersonal && reg.fields.some((f) => f.personal) && (
            <a className="button" href={api.registerExportUrl(profile.id, reg.id, 'xlsx', true)} download data-testid="export-personal">
              {t('reg.exportPersonal')}
            </a>
          )}
        </div>
      </Card>
      {reg.mayImport && <ImportCard profile={profile} reg={reg} onStored={page.reload} />}
    </div>
  );
}

type Phase = { kind: 'idle' } | { kind: 'sending'; fraction: number };

function ImportCard({ profile, reg, onStored }: { profile: AgencyProfile; reg: RegisterView; onStored: () => void }) {
  const { t, lang } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [checked, setChecked] = useState<{ file: File; answer: RegisterImportAnswer } | null>(null);
  const [stored, setStored] = useState<RegisterImportAnswer | null>(null);

  const send = async (file: File, opts: { store: boolean; expect?: string }) => {
    setPhase({ kind: 'sending', fraction: 0 });
    try {
      return await api.importRegister(profile.id, reg.id, file, opts, (fraction) => setPhase({ kind: 'sending', fraction }));
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const check = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setError(null);
    setChecked(null);
    setStored(null);
    try {
      setChecked({ file, answer: await send(file, { store: false }) });
    } catch (err) {
      setError(err);
    }
  };

  const save = async () => {
    if (!checked?.answer.token) return;
    setError(null);
    try {
      const answer = await send(checked.file, { store: true, expect: checked.answer.token });
      setChecked(null);
      setStored(answer);
      if (fileRef.current) fileRef.current.value = '';
      onStored();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setChecked(null);
      setError(err);
    }
  };

  const answer = checked?.answer;
  return (
    <Card title={t('reg.import')}>
      <p className="small muted">{t('reg.importHelp')}</p>
      <form noValidate onSubmit={(e) => void check(e)}>
        <label htmlFor="register-file">{t('reg.file')}</label>
        <input id="register-file" ref={fileRef} type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        <div className="toolbar">
          <button type="submit" className="primary" disabled={phase.kind !== 'idle'}>
            {t('reg.check')}
          </button>
        </div>
      </form>
      {phase.kind === 'sending' && (
        <div role="status">
          <progress max={1} value={phase.fraction} aria-label={t('reg.checking')} /> {t('reg.checking')} {pct(phase.fraction * 100)}
        </div>
      )}
      {error !== null && <ErrorView error={error} />}
      {answer && answer.problemCount > 0 && (
        <div className="error" role="alert" data-testid="register-problems">
          <p>
            <strong>{t('reg.problems', { n: num(answer.problemCount, 0) })}</strong>
            {answer.problems.length < answer.problemCount && <> {t('reg.problemsShown', { shown: num(answer.problems.length, 0) })}</>}
          </p>
          <TableWrap label={t('reg.problemsCaption')}>
            <table>
              <caption className="sr-only">{t('reg.problemsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('reg.row')}
                  </th>
                  <th scope="col">{t('reg.column')}</th>
                  <th scope="col">{t('reg.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {answer.problems.map((p, i) => (
                  <tr key={i}>
                    <td className="num">{p.row}</td>
                    <td>{reg.fields.find((f) => f.id === p.column.replace(/_\d{4}$/, ''))?.name ?? p.column} <code>{p.column}</code></td>
                    <td>{p.message[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      )}
      {answer?.preview && <Preview answer={answer} t={t} onSave={() => void save()} onCancel={() => setChecked(null)} busy={phase.kind !== 'idle'} />}
      {stored?.preview && (
        <p className="ok" role="status" data-testid="register-stored">
          {t('reg.saved', { added: num(stored.preview.added.count, 0), changed: num(stored.preview.changed.count, 0), removed: num(stored.preview.removed.count, 0) })}
        </p>
      )}
    </Card>
  );
}

function Preview({ answer, t, onSave, onCancel, busy }: { answer: RegisterImportAnswer; t: Translate; onSave: () => void; onCancel: () => void; busy: boolean }) {
  const p = answer.preview!;
  const rows = [
    ['added', t('reg.added'), p.added],
    ['changed', t('reg.changed'), p.changed],
    ['removed', t('reg.removed'), p.removed],
  ] as const;
  return (
    <div className="import-plan" data-testid="register-preview">
      <h3>{t('reg.preview', { rows: num(answer.rows, 0) })}</h3>
      <p className="small muted">{t('reg.previewHelp')}</p>
      <TableWrap label={t('reg.previewCaption')}>
        <table>
          <caption className="sr-only">{t('reg.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reg.change')}</th>
              <th scope="col" className="num">
                {t('reg.count')}
              </th>
              <th scope="col">{t('reg.first')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, label, list]) => (
              <tr key={id} data-change={id}>
                <th scope="row">{label}</th>
                <td className="num">{num(list.count, 0)}</td>
                <td>{list.first.join(', ') || '—'}</td>
              </tr>
            ))}
            <tr data-change="unchanged">
              <th scope="row">{t('reg.unchanged')}</th>
              <td className="num">{num(p.unchanged, 0)}</td>
              <td>—</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={onSave}>
          {t('reg.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function EntityPage({ profile, register, entityKey }: { profile: AgencyProfile; register: string; entityKey: string }) {
  const { t } = useI18n();
  const got = useAsync((signal) => api.registerEntity(profile.id, register, entityKey, signal), [profile.id, register, entityKey]);
  if (got.status === 'error' && !got.data) {
    return (
      <div className="page registers">
        <h1>{t('reg.title')}</h1>
        <ErrorView error={got.error} onRetry={got.reload} />
      </div>
    );
  }
  if (!got.data) return <Loading />;
  const { register: reg, entity: e, events } = got.data;
  const plain = reg.fields.filter((f) => !f.perYear);
  const yearly = reg.fields.filter((f) => f.perYear);
  const years = Object.keys(e.years).sort();
  return (
    <div className="page registers">
      <p className="small">
        <a href={href('a', profile.id, 'register', reg.id)}>{t('reg.back', { name: reg.name })}</a>
      </p>
      <h1>{e.label}</h1>
      <PersonalNote reg={reg} />
      <Card title={t('reg.fields', { name: reg.name })}>
        <dl className="entity-fields" data-testid="entity-fields">
          {plain.map((f) => (
            <div key={f.id} data-field={f.id}>
              <dt>
                {f.name}
                {f.personal && <span className="tag small"> {t('reg.personal')}</span>}
              </dt>
              <dd>
                <ValueText profile={profile} field={f} whole={reg.seesPersonal} value={e.data[f.id]} />
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      {yearly.length > 0 && years.length > 0 && (
        <Card title={t('reg.perYear')}>
          <TableWrap label={t('reg.perYear')}>
            <table data-testid="entity-years">
              <caption className="sr-only">{t('reg.perYear')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reg.year')}</th>
                  {yearly.map((f) => (
                    <th scope="col" key={f.id}>
                      {f.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y}>
                    <th scope="row">{y}</th>
                    {yearly.map((f) => (
                      <td key={f.id}>
                        <ValueText profile={profile} field={f} whole={reg.seesPersonal} value={e.years[y]?.[f.id]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </Card>
      )}
      <Card title={t('reg.events')}>
        {events.length === 0 && <p className="muted">{t('reg.noEvents')}</p>}
        {events.map((ev) => {
          const cols = ev.register.fields.filter((f) => !f.perYear && !ev.fields.includes(f.id));
          return (
            <section key={ev.register.id} data-testid={`events-${ev.register.id}`}>
              <h3>
                <a href={href('a', profile.id, 'register', ev.register.id)}>{ev.register.name}</a> ({num(ev.total, 0)})
              </h3>
              {ev.rows.length < ev.total && <p className="small muted">{t('reg.eventsMore', { shown: num(ev.rows.length, 0), total: num(ev.total, 0) })}</p>}
              <TableWrap label={ev.register.name}>
                <table>
                  <caption className="sr-only">{ev.register.name}</caption>
                  <thead>
                    <tr>
                      {cols.map((f) => (
                        <th scope="col" key={f.id}>
                          {f.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {ev.rows.map((r) => (
                      <tr key={r.key}>
                        {cols.map((f, i) => (
                          <td key={f.id}>
                            {i === 0 ? (
                              <a href={href('a', profile.id, 'register', ev.register.id, r.key)}>
                                <ValueText profile={profile} field={{ ...f, type: f.type === 'reference' ? 'text' : f.type }} whole={ev.register.seesPersonal} value={r.data[f.id]} />
                              </a>
                            ) : (
                              <ValueText profile={profile} field={f} whole={ev.register.seesPersonal} value={r.data[f.id]} />
                            )}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          );
        })}
      </Card>
    </div>
  );
}
